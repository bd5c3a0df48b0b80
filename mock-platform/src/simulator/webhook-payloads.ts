import { toWaId } from '../../../shared/phone.ts';
import { metaTitle } from './meta-error.ts';
import type { SimMessage, SimPhoneNumber } from './records.ts';

const seconds = (ms: number) => String(Math.floor(ms / 1000));

function envelope(phone: SimPhoneNumber, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: phone.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: toWaId(phone.phoneNumber), phone_number_id: phone.id },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** A customer's message, as Meta's `messages` webhook carries it. */
export function inboundMessageWebhook(phone: SimPhoneNumber, message: SimMessage) {
  return envelope(phone, {
    contacts: [{ profile: { name: message.customerName ?? '' }, wa_id: message.customerWaId }],
    messages: [
      {
        from: message.customerWaId,
        id: message.id,
        timestamp: seconds(message.timestamp),
        type: 'text',
        text: { body: message.text },
        ...(message.replyTo ? { context: { from: toWaId(phone.phoneNumber), id: message.replyTo } } : {}),
      },
    ],
  });
}

/** A delivery status for a business message (`statuses[]`), with pricing as Meta sends it. */
export function statusWebhook(
  phone: SimPhoneNumber,
  message: SimMessage,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  at: number,
  errorCode?: number,
) {
  const billable = status !== 'failed';
  return envelope(phone, {
    statuses: [
      {
        id: message.id,
        status,
        timestamp: seconds(at),
        recipient_id: message.customerWaId,
        ...(billable
          ? {
              conversation: { id: `conv-${message.thread}`, origin: { type: 'service' } },
              pricing: { billable: true, pricing_model: 'PMP', category: 'service' },
            }
          : {}),
        ...(errorCode
          ? {
              errors: [
                {
                  code: errorCode,
                  title: metaTitle(errorCode),
                  message: metaTitle(errorCode),
                  error_data: { details: metaTitle(errorCode) },
                },
              ],
            }
          : {}),
      },
    ],
  });
}
