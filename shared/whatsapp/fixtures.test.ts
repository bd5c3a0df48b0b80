import { describe, expect, it } from 'vitest';
import image from './__fixtures__/webhook_image_message.json';
import buttonReply from './__fixtures__/webhook_interactive_button_reply_message.json';
import location from './__fixtures__/webhook_location_message.json';
import text from './__fixtures__/webhook_text_message.json';
import productInquiry from './__fixtures__/webhook_text_message_with_context_product_inquiry.json';
import {
  messagesValueSchema,
  webhookChangeSchema,
  webhookEntrySchema,
  webhookEnvelopeSchema,
} from './webhook-schema.ts';

// Meta's own example payloads (extracted from its OpenAPI file), so the schemas are checked
// against the real shapes rather than against our idea of them.
const fixtures = { text, image, buttonReply, location, productInquiry };

describe('webhook schema against Meta examples', () => {
  it.each(Object.entries(fixtures))('%s parses', (_name, body) => {
    const envelope = webhookEnvelopeSchema.parse(body);
    const values = envelope.entry.flatMap((entry) =>
      webhookEntrySchema.parse(entry).changes.map((change) => webhookChangeSchema.parse(change).value),
    );
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      const parsed = messagesValueSchema.parse(value);
      expect(parsed.messages?.[0]?.id).toMatch(/^wamid\./);
    }
  });
});
