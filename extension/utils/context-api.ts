import { type CustomerView, customerViewSchema, pastConversationSchema } from '../../shared/api/customer-context.ts';
import { messageViewSchema } from '../../shared/api/schemas.ts';
import { type FetchLike, request, requestBlob } from './api-client.ts';
import type { Session } from './storage.ts';

/** The customer context calls of the side panel (notes, customer view, tags, past conversations). */
export function contextApi(session: Pick<Session, 'platformUrl' | 'token'>, fetch?: FetchLike) {
  const call = <T>(path: string, schema: Parameters<typeof request<T>>[2], method = 'GET', body?: unknown) =>
    request(session.platformUrl, path, schema, {
      method,
      token: session.token,
      ...(body !== undefined ? { body } : {}),
      ...(fetch ? { fetch } : {}),
    });
  const conversation = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
  return {
    addNote: (conversationId: string, text: string) =>
      call(`${conversation(conversationId)}/notes`, messageViewSchema, 'POST', { text }),
    customer: (conversationId: string): Promise<CustomerView> =>
      call(`${conversation(conversationId)}/customer`, customerViewSchema),
    addTag: (conversationId: string, tag: string) =>
      call(`${conversation(conversationId)}/customer/tags`, customerViewSchema, 'POST', { tag }),
    removeTag: (conversationId: string, tag: string) =>
      call(`${conversation(conversationId)}/customer/tags/${encodeURIComponent(tag)}`, customerViewSchema, 'DELETE'),
    past: (conversationId: string) =>
      call(`/api/past-conversations/${encodeURIComponent(conversationId)}`, pastConversationSchema),
    /** A photo, voice note, video or document of a past conversation, with the session's token. */
    pastMedia: (conversationId: string, mediaId: string): Promise<Blob> =>
      requestBlob(
        session.platformUrl,
        `/api/past-conversations/${encodeURIComponent(conversationId)}/media/${encodeURIComponent(mediaId)}`,
        { token: session.token, ...(fetch ? { fetch } : {}) },
      ),
  };
}

export type ContextApi = ReturnType<typeof contextApi>;
