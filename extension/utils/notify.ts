import type { MessageView, OfferView } from '../../shared/api/schemas.ts';
import { formatPhone } from '../../shared/phone-format.ts';
import { t } from './i18n.ts';

export interface DesktopNotification {
  id: string;
  title: string;
  message: string;
}

/**
 * What to show as a desktop notification for an event, or nothing: only new offers and customer
 * messages, and only while the agent is not looking at the panel. Every value comes from the
 * platform already masked when masking is on (AG-7), so nothing here can unmask it.
 */
export function notificationFor(
  event: { event: 'offer'; data: OfferView } | { event: 'message'; data: MessageView; customerName?: string },
  panelFocused: boolean,
): DesktopNotification | undefined {
  if (panelFocused) return undefined;
  if (event.event === 'offer') {
    const offer = event.data;
    return {
      id: `offer:${offer.id}`,
      title: t('incoming'),
      message: `${offer.customerName} · ${formatPhone(offer.customerNumber)} → ${formatPhone(offer.originNumber)} · ${offer.queueName}`,
    };
  }
  if (event.data.direction !== 'inbound') return undefined;
  return {
    id: `message:${event.data.id}`,
    title: event.customerName || t('tasks'),
    message: event.data.text.length > 180 ? `${event.data.text.slice(0, 179)}…` : event.data.text,
  };
}
