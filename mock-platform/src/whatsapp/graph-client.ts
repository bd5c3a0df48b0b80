import { z } from 'zod';
import { graphErrorSchema, sendMessageResponseSchema } from '../../../shared/whatsapp/send-schema.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A refusal from the Cloud API (or the simulator), carrying Meta's code and message. */
export class GraphApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    /** From the answer's `Retry-After` header (rate limits), when there is one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GraphApiError';
  }
}

/**
 * The Cloud API did not answer (network error, timeout) or answered with a server error: WhatsApp
 * may or may not have acted on the request, so a send must not be reported as refused.
 */
export class GraphUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphUnreachableError';
  }
}

/** Whether the outcome of a Cloud API call is unknown (no answer, or a 5xx) rather than a refusal. */
export function isUncertainGraphFailure(error: unknown): boolean {
  return !(error instanceof GraphApiError) || error.httpStatus >= 500;
}

export interface GraphClientOptions {
  /** `https://graph.facebook.com` or the simulator's `/graph` URL. */
  baseUrl: string;
  version: string;
  token: string;
  fetch?: FetchLike;
  /** Every call gives up after this long (GRAPH_TIMEOUT_MS); default 15 s. */
  timeoutMs?: number;
}

/** The few Cloud API calls the platform makes, over plain fetch, exactly as Meta documents them. */
export function createGraphClient({
  baseUrl,
  version,
  token,
  fetch = globalThis.fetch,
  timeoutMs = 15_000,
}: GraphClientOptions) {
  const auth = { authorization: `Bearer ${token}` };

  /**
   * One request and its JSON answer, within the timeout (headers and body alike). No answer in
   * time, or none at all, is a {@link GraphUnreachableError}.
   */
  async function call(url: string, init: RequestInit = {}): Promise<{ response: Response; json: unknown }> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, { ...init, signal });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { response, json };
    } catch (error) {
      if (signal.aborted) {
        throw new GraphUnreachableError(`The Cloud API did not answer within ${timeoutMs} ms`);
      }
      throw new GraphUnreachableError(`The Cloud API could not be reached: ${(error as Error).message}`);
    }
  }

  async function post(path: string, body: unknown): Promise<unknown> {
    const { response, json } = await call(`${baseUrl}/${version}/${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw refusal(response, json);
    return json;
  }

  async function get(path: string): Promise<unknown> {
    const { response, json } = await call(`${baseUrl}/${version}/${path}`, { headers: auth });
    if (!response.ok) throw refusal(response, json);
    return json;
  }

  /** Every page of a Graph list, following `paging.next` (bounded, in case a server loops). */
  async function getAll(path: string, maxPages = 50): Promise<unknown[]> {
    const items: unknown[] = [];
    let next: string | undefined = `${baseUrl}/${version}/${path}`;
    for (let page = 0; next && page < maxPages; page++) {
      const { response, json }: { response: Response; json: unknown } = await call(next, { headers: auth });
      if (!response.ok) throw refusal(response, json);
      const parsed = pageSchema.parse(json);
      items.push(...parsed.data);
      next = parsed.paging?.next;
    }
    return items;
  }

  /** Sends any message (`type` and its object); resolves with the wamid WhatsApp assigned. */
  async function sendMessage(phoneNumberId: string, to: string, message: Record<string, unknown>): Promise<string> {
    const json = await post(`${phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      ...message,
    });
    // An answer without a message id: WhatsApp may have taken the message all the same.
    const id = sendMessageResponseSchema.safeParse(json).data?.messages[0]?.id;
    if (!id) throw new GraphUnreachableError('The Cloud API answered without a message id');
    return id;
  }

  return {
    sendMessage,

    /**
     * Sends a text message; resolves with the wamid WhatsApp assigned. `callbackData` comes back
     * in its status webhooks (`biz_opaque_callback_data`).
     */
    sendText(
      phoneNumberId: string,
      to: string,
      body: string,
      callbackData?: string,
      replyToWamid?: string,
    ): Promise<string> {
      return sendMessage(phoneNumberId, to, {
        type: 'text',
        text: { body, preview_url: false },
        ...(replyToWamid ? { context: { message_id: replyToWamid } } : {}),
        ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
      });
    },

    /** Sends an approved template with its body parameters; resolves with the wamid. */
    sendTemplate(
      phoneNumberId: string,
      to: string,
      name: string,
      language: string,
      values: readonly string[],
      callbackData?: string,
    ): Promise<string> {
      return sendMessage(phoneNumberId, to, {
        type: 'template',
        ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
        template: {
          name,
          language: { code: language },
          components:
            values.length > 0 ? [{ type: 'body', parameters: values.map((text) => ({ type: 'text', text })) }] : [],
        },
      });
    },

    /**
     * Subscribes this app to the account's webhooks (`POST /{waba-id}/subscribed_apps`): without it
     * Meta sends the platform nothing about a new account's numbers. Idempotent at Meta.
     */
    async subscribeApp(wabaId: string): Promise<void> {
      await post(`${encodeURIComponent(wabaId)}/subscribed_apps`, {});
    },

    /** A WhatsApp Business account's id and name (`GET /{waba-id}`): it exists and this token may read it. */
    async getAccount(wabaId: string): Promise<{ id: string; name: string }> {
      const json = await get(`${encodeURIComponent(wabaId)}?fields=id,name`);
      return z.object({ id: z.string(), name: z.string().min(1) }).parse(json);
    },

    /** The WhatsApp Business account's message templates. */
    async listTemplates(wabaId: string): Promise<GraphTemplate[]> {
      return templateListSchema.parse({ data: await getAll(`${wabaId}/message_templates?limit=200`) }).data;
    },

    /** The WhatsApp Business account's phone numbers, with status and quality (WhatsApp Manager's list). */
    async listPhoneNumbers(wabaId: string): Promise<GraphPhoneNumber[]> {
      // Meta's default answer leaves out status and limit tier: ask for every field the platform reads.
      const fields =
        'id,display_phone_number,verified_name,quality_rating,code_verification_status,status,messaging_limit_tier';
      return phoneNumberListSchema.parse({ data: await getAll(`${wabaId}/phone_numbers?fields=${fields}`) }).data;
    },

    /**
     * Uploads a file to the number's media (`POST /{phone-number-id}/media`, multipart, as Meta
     * documents it); resolves with the media id a message then sends.
     */
    async uploadMedia(
      phoneNumberId: string,
      file: { bytes: Uint8Array; mimeType: string; filename: string },
    ): Promise<string> {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', file.mimeType);
      form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.filename);
      const { response, json } = await call(`${baseUrl}/${version}/${phoneNumberId}/media`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      if (!response.ok) throw refusal(response, json);
      const id = z.object({ id: z.string().min(1) }).safeParse(json).data?.id;
      if (!id) throw new GraphApiError(502, 131000, 'The Cloud API answered the upload without a media id');
      return id;
    },

    /** A media object's bytes: its URL from `GET /{media-id}`, then the download with the token. */
    async downloadMedia(mediaId: string): Promise<{ bytes: ArrayBuffer; mimeType: string }> {
      const json = (await get(encodeURIComponent(mediaId)).catch(() => undefined)) as
        | { url?: string; mime_type?: string }
        | undefined;
      if (!json?.url) throw new GraphApiError(404, 131052, 'The media could not be found');
      const file = await fetch(json.url, { headers: auth, signal: AbortSignal.timeout(timeoutMs) });
      if (!file.ok) throw new GraphApiError(file.status, 131052, 'The media could not be downloaded');
      return {
        bytes: await file.arrayBuffer(),
        mimeType: json.mime_type ?? file.headers.get('content-type') ?? 'application/octet-stream',
      };
    },

    /**
     * Shows "typing…" on the customer's phone (and marks their message read): WhatsApp hides it
     * when the reply arrives, or after 25 seconds.
     */
    async sendTypingIndicator(phoneNumberId: string, messageId: string): Promise<void> {
      await post(`${phoneNumberId}/messages`, {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: messageId,
        typing_indicator: { type: 'text' },
      });
    },

    /** Marks an inbound message as read (blue ticks on the customer's phone). */
    async markRead(phoneNumberId: string, messageId: string): Promise<void> {
      await post(`${phoneNumberId}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: messageId });
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

const pageSchema = z.object({
  data: z.array(z.unknown()),
  paging: z.looseObject({ next: z.string().optional() }).optional(),
});

/** A Graph error answer as a {@link GraphApiError} with Meta's code, message and `Retry-After`. */
function refusal(response: Response, json: unknown): GraphApiError {
  const seconds = Number(response.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
  const parsed = graphErrorSchema.safeParse(json);
  if (!parsed.success) {
    return new GraphApiError(response.status, 131000, `Cloud API answered HTTP ${response.status}`, retryAfterMs);
  }
  const { code, message, error_data } = parsed.data.error;
  return new GraphApiError(
    response.status,
    code,
    error_data?.details ? `${message}: ${error_data.details}` : message,
    retryAfterMs,
  );
}

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
