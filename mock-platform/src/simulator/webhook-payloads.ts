import { toWaId } from '../../../shared/phone.ts';
import { metaTitle } from './meta-error.ts';
import type { SimMessage, SimPhoneNumber, SimTemplate } from './records.ts';

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
        type: message.type,
        ...(message.type === 'text'
          ? { text: { body: message.text } }
          : message.type === 'contacts'
            ? { contacts: message.payload?.contacts ?? [] }
            : { [message.type]: message.payload ?? {} }),
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
        ...(message.callbackData ? { biz_opaque_callback_data: message.callbackData } : {}),
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

/** A change of another field than `messages` (templates, number quality), as Meta sends it. */
function accountChange(wabaId: string, field: string, value: Record<string, unknown>, at: number) {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: wabaId, time: Math.floor(at / 1000), changes: [{ value, field }] }],
  };
}

/** The reviewer approved, rejected, paused or disabled a template. */
export function templateStatusWebhook(template: SimTemplate, event: string, reason: string, at: number) {
  return accountChange(
    template.wabaId,
    'message_template_status_update',
    {
      event,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      reason,
    },
    at,
  );
}

/** A template's quality score changed. */
export function templateQualityWebhook(template: SimTemplate, previous: string, score: string, at: number) {
  return accountChange(
    template.wabaId,
    'message_template_quality_update',
    {
      previous_quality_score: previous,
      new_quality_score: score,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
    },
    at,
  );
}

/** A number was flagged or unflagged, or its messaging limit changed. */
export function numberQualityWebhook(phone: SimPhoneNumber, event: string, at: number) {
  return accountChange(
    phone.wabaId,
    'phone_number_quality_update',
    { display_phone_number: toWaId(phone.phoneNumber), event, current_limit: phone.messagingLimitTier },
    at,
  );
}

/** WhatsApp decided on a display name change (`new_display_name`): APPROVED or REJECTED. */
export function numberNameWebhook(
  phone: SimPhoneNumber,
  requested: string,
  decision: 'APPROVED' | 'REJECTED',
  reason: string | undefined,
  at: number,
) {
  return accountChange(
    phone.wabaId,
    'phone_number_name_update',
    {
      display_phone_number: toWaId(phone.phoneNumber),
      decision,
      requested_verified_name: requested,
      ...(reason ? { rejection_reason: reason } : {}),
    },
    at,
  );
}
