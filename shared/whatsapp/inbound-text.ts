import type { InboundMessage } from './webhook-schema.ts';

/**
 * How a customer's message reads in a transcript, whatever its type: the text, a caption, the
 * button or list row chosen, a place, a reaction. Types WhatsApp itself cannot show arrive as
 * `unsupported` and say so.
 */
export function inboundText(message: InboundMessage): string {
  switch (message.type) {
    case 'text':
      return message.text?.body ?? '';
    case 'image':
    case 'video':
    case 'sticker':
    case 'audio': {
      const media = message[message.type];
      return media?.caption ?? `[${message.type}]`;
    }
    case 'document':
      return message.document?.caption ?? message.document?.filename ?? '[document]';
    case 'interactive': {
      const choice = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return choice ? choice.title : '[interactive]';
    }
    case 'button':
      return message.button?.text ?? '[button]';
    case 'location': {
      const place = message.location;
      if (!place) return '[location]';
      const label = [place.name, place.address].filter(Boolean).join(', ');
      return `📍 ${label || `${place.latitude}, ${place.longitude}`}`;
    }
    case 'reaction':
      return message.reaction?.emoji ? `${message.reaction.emoji} (reaction)` : '(reaction removed)';
    case 'contacts':
      return `👤 ${
        (message.contacts ?? [])
          .map((c) => c.name?.formatted_name ?? '')
          .filter(Boolean)
          .join(', ') || 'contact'
      }`;
    case 'order':
      return `🛒 ${message.order?.text || `order of ${message.order?.product_items?.length ?? 0} items`}`;
    case 'system':
      return message.system?.body ?? '[system]';
    default:
      return `[${message.type}: ${message.errors?.[0]?.title ?? 'not supported'}]`;
  }
}
