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
  type TransferRequest,
  templateViewSchema,
  transferTargetsSchema,
  unavailableReasonViewSchema,
  wrapUpViewSchema,
} from '../../shared/api/schemas.ts';
import { request, requestBlob } from './api-client.ts';
import { refreshSession } from './refresh.ts';
import type { Session } from './storage.ts';
import { uploadAttachment } from './upload-attachment.ts';

export type WrapUp = { closureReasonId: string; note?: string };
export type StartConversationRequest = {
  channelId: string;
  to: string;
  template: { name: string; language: string; parameters: string[] };
};

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');
const conversation = (id: string, ...rest: string[]) => `/api/conversations/${path(id, ...rest)}`;

/**
 * The platform calls the side panel's desk makes, with the session's token, every answer
 * validated with the shared zod schema. The desk store takes this as its `api`, so its tests
 * pass a fake instead of a server.
 */
export function deskApi(session: Session) {
  const get = <T>(route: string, schema: z.ZodType<T>) =>
    request(session.platformUrl, route, schema, { token: session.token });
  const send = <T>(method: string, route: string, schema: z.ZodType<T>, body?: unknown) =>
    request(session.platformUrl, route, schema, {
      method,
      token: session.token,
      ...(body !== undefined ? { body } : {}),
    });
  const post = <T>(route: string, schema: z.ZodType<T>, body?: unknown) => send('POST', route, schema, body);

  return {
    closureReasons: () => get('/api/closure-reasons', z.array(closureReasonViewSchema)),
    unavailableReasons: () => get('/api/unavailable-reasons', z.array(unavailableReasonViewSchema)),
    transferTargets: () => get('/api/transfer-targets', transferTargetsSchema),
    history: (search: string) =>
      get(
        `/api/history${search.trim() ? `?search=${encodeURIComponent(search.trim())}` : ''}`,
        z.array(historyEntrySchema),
      ),
    channels: () => get('/api/channels', z.array(agentChannelSchema)),
    channelTemplates: (channelId: string) =>
      get(`/api/channels/${path(channelId)}/templates`, z.array(templateViewSchema)),

    changeState: (state: 'available' | 'unavailable', reasonId?: string) =>
      send('PUT', '/api/agent/state', agentStatusSchema, reasonId ? { state, reasonId } : { state }),
    accept: (offerId: string) => post(`/api/offers/${path(offerId)}/accept`, conversationViewSchema),
    reject: (offerId: string) => post(`/api/offers/${path(offerId)}/reject`, z.unknown()),
    startConversation: (body: StartConversationRequest) => post('/api/outbound', conversationViewSchema, body),

    messages: (conversationId: string) => get(conversation(conversationId, 'messages'), z.array(messageViewSchema)),
    reply: (conversationId: string, text: string, replyToMessageId?: string) =>
      post(conversation(conversationId, 'messages'), messageViewSchema, {
        text,
        ...(replyToMessageId ? { replyToMessageId } : {}),
      }),
    retry: (conversationId: string, messageId: string) =>
      post(conversation(conversationId, 'messages', messageId, 'retry'), messageViewSchema),
    typing: (conversationId: string) => post(conversation(conversationId, 'typing'), z.unknown()),
    cannedResponses: (conversationId: string) =>
      get(conversation(conversationId, 'canned-responses'), z.array(cannedResponseViewSchema)),
    component: (conversationId: string) => get(conversation(conversationId, 'component'), customComponentViewSchema),
    richMessages: (conversationId: string) =>
      get(conversation(conversationId, 'rich-messages'), z.array(richMessageViewSchema)),
    sendRich: (conversationId: string, richMessageId: string) =>
      post(conversation(conversationId, 'rich-message'), messageViewSchema, { richMessageId }),
    media: (conversationId: string, mediaId: string) =>
      requestBlob(session.platformUrl, conversation(conversationId, 'media', mediaId), { token: session.token }),
    uploadAttachment: (conversationId: string, file: File, caption: string, onProgress: (percent: number) => void) =>
      uploadAttachment(session, conversationId, file, caption, onProgress),

    end: (conversationId: string, wrapUp: WrapUp) =>
      post(conversation(conversationId, 'end'), conversationViewSchema, wrapUp),
    transfer: (conversationId: string, target: TransferRequest['target']) =>
      post(conversation(conversationId, 'transfer'), wrapUpViewSchema, { target }),
    invite: (conversationId: string, target: ConferenceRequest) =>
      post(conversation(conversationId, 'conference'), conversationViewSchema, target),
    stopConference: (conversationId: string, how: 'leave' | 'end') =>
      post(conversation(conversationId, 'conference', how), z.unknown()),
    completeWrapUp: (wrapUpId: string, wrapUp: WrapUp) => post(`/api/wrap-ups/${path(wrapUpId)}`, z.unknown(), wrapUp),

    /** A fresh token for this session, stored for every extension page (which re-creates the desk). */
    refreshSession: () => refreshSession(session),
  };
}

export type DeskApi = ReturnType<typeof deskApi>;
