import { z } from 'zod';
import { cannedResponseViewSchema } from '../../shared/api/canned-response-view.ts';
import {
  agentChannelSchema,
  agentStatusSchema,
  type ConferenceRequest,
  closureReasonViewSchema,
  conversationViewSchema,
  customComponentViewSchema,
  historyEntrySchema,
  messageViewSchema,
  richMessageViewSchema,
  type startConversationRequestSchema,
  type TransferRequest,
  templateViewSchema,
  transferTargetsSchema,
  unavailableReasonViewSchema,
  type wrapUpRequestSchema,
  wrapUpViewSchema,
} from '../../shared/api/schemas.ts';
import { agentClient, pathParams } from './agent-client.ts';
import { type FetchLike, typedAnswer, typedBlob, typedDone } from './api-client.ts';
import { refreshSession } from './refresh.ts';
import type { Session } from './storage.ts';
import { uploadAttachment } from './upload-attachment.ts';

export type WrapUp = z.input<typeof wrapUpRequestSchema>;
export type StartConversationRequest = z.input<typeof startConversationRequestSchema>;

/**
 * The platform calls the side panel's desk makes, with the session's token: each through the
 * agent API's typed client (paths, parameters and bodies checked against the platform's routes)
 * and each answer validated with the shared zod schema (whose type is checked against the
 * route's). The desk store takes this as its `api`, so its tests pass a fake instead of a server.
 */
export function deskApi(session: Session, fetch?: FetchLike) {
  const api = agentClient(session, fetch);
  const base = session.platformUrl;
  const conversation = api.conversations[':id'];
  const id = (value: string) => ({ param: pathParams({ id: value }) });

  return {
    closureReasons: () => typedAnswer(base, api['closure-reasons'].$get(), z.array(closureReasonViewSchema)),
    unavailableReasons: () =>
      typedAnswer(base, api['unavailable-reasons'].$get(), z.array(unavailableReasonViewSchema)),
    /** With the conversation: agents whose role cannot take it say why (`cannotTake`). */
    transferTargets: (conversationId: string) =>
      typedAnswer(base, api['transfer-targets'].$get({ query: { conversationId } }), transferTargetsSchema),
    history: (search: string) =>
      typedAnswer(
        base,
        api.history.$get({ query: search.trim() ? { search: search.trim() } : {} }),
        z.array(historyEntrySchema),
      ),
    channels: () => typedAnswer(base, api.channels.$get(), z.array(agentChannelSchema)),
    channelTemplates: (channelId: string) =>
      typedAnswer(base, api.channels[':id'].templates.$get(id(channelId)), z.array(templateViewSchema)),

    changeState: (state: 'available' | 'unavailable', reasonId?: string) =>
      typedAnswer(base, api.agent.state.$put({ json: reasonId ? { state, reasonId } : { state } }), agentStatusSchema),
    accept: (offerId: string) => typedAnswer(base, api.offers[':id'].accept.$post(id(offerId)), conversationViewSchema),
    reject: (offerId: string) => typedDone(base, api.offers[':id'].reject.$post(id(offerId))),
    startConversation: (body: StartConversationRequest) =>
      typedAnswer(base, api.outbound.$post({ json: body }), conversationViewSchema),

    messages: (conversationId: string) =>
      typedAnswer(base, conversation.messages.$get(id(conversationId)), z.array(messageViewSchema)),
    reply: (conversationId: string, text: string, replyToMessageId?: string) =>
      typedAnswer(
        base,
        conversation.messages.$post({
          ...id(conversationId),
          json: { text, ...(replyToMessageId ? { replyToMessageId } : {}) },
        }),
        messageViewSchema,
      ),
    retry: (conversationId: string, messageId: string) =>
      typedAnswer(
        base,
        conversation.messages[':messageId'].retry.$post({ param: pathParams({ id: conversationId, messageId }) }),
        messageViewSchema,
      ),
    typing: (conversationId: string) => typedDone(base, conversation.typing.$post(id(conversationId))),
    cannedResponses: (conversationId: string) =>
      typedAnswer(base, conversation['canned-responses'].$get(id(conversationId)), z.array(cannedResponseViewSchema)),
    component: (conversationId: string) =>
      typedAnswer(base, conversation.component.$get(id(conversationId)), customComponentViewSchema),
    richMessages: (conversationId: string) =>
      typedAnswer(base, conversation['rich-messages'].$get(id(conversationId)), z.array(richMessageViewSchema)),
    sendRich: (conversationId: string, richMessageId: string) =>
      typedAnswer(
        base,
        conversation['rich-message'].$post({ ...id(conversationId), json: { richMessageId } }),
        messageViewSchema,
      ),
    media: (conversationId: string, mediaId: string) =>
      typedBlob(base, conversation.media[':mediaId'].$get({ param: pathParams({ id: conversationId, mediaId }) })),
    uploadAttachment: (conversationId: string, file: File, caption: string, onProgress: (percent: number) => void) =>
      uploadAttachment(session, conversationId, file, caption, onProgress),

    end: (conversationId: string, wrapUp: WrapUp) =>
      typedAnswer(base, conversation.end.$post({ ...id(conversationId), json: wrapUp }), conversationViewSchema),
    transfer: (conversationId: string, target: TransferRequest['target']) =>
      typedAnswer(base, conversation.transfer.$post({ ...id(conversationId), json: { target } }), wrapUpViewSchema),
    invite: (conversationId: string, target: ConferenceRequest) =>
      typedAnswer(base, conversation.conference.$post({ ...id(conversationId), json: target }), conversationViewSchema),
    stopConference: (conversationId: string, how: 'leave' | 'end') =>
      typedDone(base, conversation.conference[how].$post(id(conversationId))),
    completeWrapUp: (wrapUpId: string, wrapUp: WrapUp) =>
      typedDone(base, api['wrap-ups'][':id'].$post({ ...id(wrapUpId), json: wrapUp })),

    /** A fresh token for this session, stored for every extension page (which re-creates the desk). */
    refreshSession: () => refreshSession(session),
  };
}

export type DeskApi = ReturnType<typeof deskApi>;
