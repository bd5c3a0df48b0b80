/** WhatsApp's customer service window: 24 hours from the customer's last inbound message. */
export const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** When the window closes, or undefined when the customer never wrote. */
export function windowClosesAt(lastInboundAt: number | undefined): number | undefined {
  return lastInboundAt === undefined ? undefined : lastInboundAt + CUSTOMER_WINDOW_MS;
}

/** Free-form messages may be sent only while this is true; business messages never reopen it. */
export function isWindowOpen(lastInboundAt: number | undefined, now: number): boolean {
  const closes = windowClosesAt(lastInboundAt);
  return closes !== undefined && now < closes;
}
