import { customerViewSchema, pastConversationSchema } from '../../shared/api/customer-context.ts';
import { messageViewSchema } from '../../shared/api/schemas.ts';
import { agentClient, pathParams } from './agent-client.ts';
import { type FetchLike, typedAnswer, typedBlob } from './api-client.ts';
import type { Session } from './storage.ts';

/**
 * The customer context calls of the side panel (notes, customer view, tags, past conversations),
 * through the agent API's typed client, each answer validated with the shared zod schema.
 */
export function contextApi(session: Pick<Session, 'platformUrl' | 'token'>, fetch?: FetchLike) {
  const api = agentClient(session, fetch);
  const base = session.platformUrl;
  const conversation = api.conversations[':id'];
  const past = api['past-conversations'][':id'];
  const id = (value: string) => ({ param: pathParams({ id: value }) });
  return {
    addNote: (conversationId: string, text: string) =>
      typedAnswer(base, conversation.notes.$post({ ...id(conversationId), json: { text } }), messageViewSchema),
    customer: (conversationId: string) =>
      typedAnswer(base, conversation.customer.$get(id(conversationId)), customerViewSchema),
    addTag: (conversationId: string, tag: string) =>
      typedAnswer(base, conversation.customer.tags.$post({ ...id(conversationId), json: { tag } }), customerViewSchema),
    removeTag: (conversationId: string, tag: string) =>
      typedAnswer(
        base,
        conversation.customer.tags[':tag'].$delete({ param: pathParams({ id: conversationId, tag }) }),
        customerViewSchema,
      ),
    past: (conversationId: string) => typedAnswer(base, past.$get(id(conversationId)), pastConversationSchema),
    /** A photo, voice note, video or document of a past conversation, with the session's token. */
    pastMedia: (conversationId: string, mediaId: string): Promise<Blob> =>
      typedBlob(base, past.media[':mediaId'].$get({ param: pathParams({ id: conversationId, mediaId }) })),
  };
}

export type ContextApi = ReturnType<typeof contextApi>;
