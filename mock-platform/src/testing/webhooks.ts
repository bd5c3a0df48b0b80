import { DEMO } from '../seed/demo-tenant.ts';

/**
 * A Cloud API `messages` webhook carrying one customer text, addressed to the demo number, as
 * Meta shapes it: for tests and benchmarks that post webhooks themselves.
 */
export function textWebhook({
  wamid,
  from,
  name = 'Cliente',
  text,
  timestamp = String(Math.floor(Date.now() / 1000)),
}: {
  wamid: string;
  from: string;
  name?: string;
  text: string;
  timestamp?: string;
}) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: DEMO.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: DEMO.phoneNumber.slice(1), phone_number_id: DEMO.phoneNumberId },
              contacts: [{ profile: { name }, wa_id: from }],
              messages: [{ from, id: wamid, timestamp, type: 'text', text: { body: text } }],
            },
          },
        ],
      },
    ],
  };
}
