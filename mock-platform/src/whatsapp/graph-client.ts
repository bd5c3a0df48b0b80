import { z } from 'zod';
import { graphErrorSchema, sendMessageResponseSchema } from '../../../shared/whatsapp/send-schema.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A refusal from the Cloud API (or the simulator), carrying Meta's code and message. */
export class GraphApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'GraphApiError';
  }
}

export interface GraphClientOptions {
  /** `https://graph.facebook.com` or the simulator's `/graph` URL. */
  baseUrl: string;
  version: string;
  token: string;
  fetch?: FetchLike;
}

/** The few Cloud API calls the platform makes, over plain fetch, exactly as Meta documents them. */
export function createGraphClient({ baseUrl, version, token, fetch = globalThis.fetch }: GraphClientOptions) {
  const auth = { authorization: `Bearer ${token}` };

  async function post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${baseUrl}/${version}/${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = graphErrorSchema.safeParse(json);
      if (parsed.success) {
        const { code, message, error_data } = parsed.data.error;
        throw new GraphApiError(
          response.status,
          code,
          error_data?.details ? `${message}: ${error_data.details}` : message,
        );
      }
      throw new GraphApiError(response.status, 131000, `Cloud API answered HTTP ${response.status}`);
    }
    return json;
  }

  async function get(path: string): Promise<unknown> {
    const response = await fetch(`${baseUrl}/${version}/${path}`, { headers: auth });
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new GraphApiError(response.status, 131000, `Cloud API answered HTTP ${response.status}`);
    return json;
  }

  /** Sends any message (`type` and its object); resolves with the wamid WhatsApp assigned. */
  async function sendMessage(phoneNumberId: string, to: string, message: Record<string, unknown>): Promise<string> {
    const json = await post(`${phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      ...message,
    });
    const id = sendMessageResponseSchema.parse(json).messages[0]?.id;
    if (!id) throw new GraphApiError(502, 131000, 'Cloud API returned no message id');
    return id;
  }

  return {
    sendMessage,

    /** Sends a text message; resolves with the wamid WhatsApp assigned. */
    sendText(phoneNumberId: string, to: string, body: string): Promise<string> {
      return sendMessage(phoneNumberId, to, { type: 'text', text: { body, preview_url: false } });
    },

    /** Sends an approved template with its body parameters; resolves with the wamid. */
    sendTemplate(
      phoneNumberId: string,
      to: string,
      name: string,
      language: string,
      values: readonly string[],
    ): Promise<string> {
      return sendMessage(phoneNumberId, to, {
        type: 'template',
        template: {
          name,
          language: { code: language },
          components:
            values.length > 0 ? [{ type: 'body', parameters: values.map((text) => ({ type: 'text', text })) }] : [],
        },
      });
    },

    /** The WhatsApp Business account's message templates. */
    async listTemplates(wabaId: string): Promise<GraphTemplate[]> {
      return templateListSchema.parse(await get(`${wabaId}/message_templates?limit=200`)).data;
    },

    /** The WhatsApp Business account's phone numbers, with status and quality (WhatsApp Manager's list). */
    async listPhoneNumbers(wabaId: string): Promise<GraphPhoneNumber[]> {
      return phoneNumberListSchema.parse(await get(`${wabaId}/phone_numbers`)).data;
    },

    /** A media object's bytes: its URL from `GET /{media-id}`, then the download with the token. */
    async downloadMedia(mediaId: string): Promise<{ bytes: ArrayBuffer; mimeType: string }> {
      const json = (await get(encodeURIComponent(mediaId)).catch(() => undefined)) as
        | { url?: string; mime_type?: string }
        | undefined;
      if (!json?.url) throw new GraphApiError(404, 131052, 'The media could not be found');
      const file = await fetch(json.url, { headers: auth });
      if (!file.ok) throw new GraphApiError(file.status, 131052, 'The media could not be downloaded');
      return {
        bytes: await file.arrayBuffer(),
        mimeType: json.mime_type ?? file.headers.get('content-type') ?? 'application/octet-stream',
      };
    },

    /** Marks an inbound message as read (blue ticks on the customer's phone). */
    async markRead(phoneNumberId: string, messageId: string): Promise<void> {
      await post(`${phoneNumberId}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: messageId });
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

const templateListSchema = z.object({
  data: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string(),
      components: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
    }),
  ),
});
const phoneNumberListSchema = z.object({
  data: z.array(
    z.looseObject({
      id: z.string(),
      display_phone_number: z.string(),
      verified_name: z.string(),
      quality_rating: z.string(),
      code_verification_status: z.string().optional(),
      status: z.string().optional(),
      messaging_limit_tier: z.string().optional(),
    }),
  ),
});
export type GraphPhoneNumber = z.infer<typeof phoneNumberListSchema>['data'][number];
export type GraphTemplate = z.infer<typeof templateListSchema>['data'][number];
