import type { InboundMessage } from './webhook-schema.ts';

/**
 * How a customer's message reads in a transcript, whatever its type: the text, a caption, the
 * button or list row chosen, a place, a reaction. Types WhatsApp itself cannot show arrive as
 * `unsupported` and say so.
 */
export function inboundText(message: InboundMessage): string {
  // Its type-specific part did not match Meta's shape (see the receiver's `readMessage`).
  if (message.unreadable === true) return `[${message.type} message: could not be read]`;
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
      if (choice) return choice.title;
      const form = message.interactive?.nfm_reply;
      if (form) return formAnswerText(form);
      return `[interactive ${message.interactive?.type ?? 'message'}: cannot be shown here]`;
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
    case 'request_welcome':
      return '(The customer opened the chat)';
    default: {
      const error = message.errors?.[0]?.title;
      return error ? `[${message.type}: ${error}]` : `[${message.type} message: cannot be shown here]`;
    }
  }
}

/**
 * A Flow's answer (`nfm_reply`): one line per field the customer filled in, as
 * `field name: value`. The flow token is the business's own reference, not the customer's answer.
 */
export function formAnswerText(form: {
  name?: string | undefined;
  body?: string | undefined;
  response_json?: string | undefined;
}): string {
  let fields: [string, unknown][] = [];
  try {
    const parsed: unknown = JSON.parse(form.response_json ?? '');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fields = Object.entries(parsed);
  } catch {
    // Not JSON: the body Meta sends with it is all there is.
  }
  const lines = fields
    .filter(([key, value]) => key !== 'flow_token' && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key.replaceAll('_', ' ')}: ${fieldValue(value)}`);
  if (lines.length === 0) return `📋 ${form.body || 'Form answer (no fields)'}`;
  return `📋 Form answer\n${lines.join('\n')}`;
}

function fieldValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(fieldValue).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
