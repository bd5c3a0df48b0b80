import { DEMO } from '../../mock-platform/src/seed/demo-tenant.ts';
import { PAIR_BURST } from '../../mock-platform/src/simulator/policy.ts';

/** A customer's WhatsApp number and profile name, as the simulated phone sends them. */
export interface Customer {
  from: string;
  name: string;
}

export const MARIA: Customer = { from: '+34 612 345 678', name: 'María García' };

/** What a customer's phone sends: a text, or a photo (base64) with an optional caption. */
export type PhoneMessage = string | { image: { data: string; mimeType: string }; text?: string };

/** The customer writes to the demo number through the simulated phone (WhatsApp then calls the webhook). */
export async function customerWrites(
  platformUrl: string,
  message: PhoneMessage,
  { from, name }: Customer = MARIA,
): Promise<void> {
  const response = await fetch(`${platformUrl}/simulator/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      phoneNumberId: DEMO.phoneNumberId,
      from,
      name,
      ...(typeof message === 'string' ? { text: message } : message),
    }),
  });
  if (!response.ok) throw new Error(`the simulated phone refused the message: ${await response.text()}`);
}

/** What the business sent to the customer's phone (outbound messages of the simulator's thread). */
export async function sentToPhone(
  platformUrl: string,
  { from }: Customer = MARIA,
): Promise<{ type: string; text: string }[]> {
  const number = `+${from.replace(/\D/g, '')}`;
  const response = await fetch(`${platformUrl}/simulator/api/threads/${DEMO.phoneNumberId}/${number}/messages`);
  const messages = (await response.json()) as { direction: string; type: string; text: string }[];
  return messages.filter((message) => message.direction === 'outbound');
}

/**
 * Another system of the business floods the customer over the Cloud API, so that WhatsApp refuses
 * the next message to them for its pair rate (131056) until the platform's clock moves ~6 s on.
 */
export async function reachPairRateLimit(platformUrl: string, { from }: Customer = MARIA): Promise<void> {
  for (let i = 0; i < PAIR_BURST; i++) {
    const sent = await fetch(`${platformUrl}/graph/v23.0/${DEMO.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer loro-demo-access-token' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: from.replace(/\D/g, ''),
        type: 'text',
        text: { body: `Aviso ${i}` },
      }),
    });
    if (sent.status !== 200) throw new Error(`the Cloud API refused message ${i}: ${await sent.text()}`);
  }
}
