import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { z } from 'zod';
import { cannedResponseViewSchema } from '../../shared/api/canned-response-view.ts';
import {
  agentChannelSchema,
  agentStatusSchema,
  type ClosureReasonView,
  type ConferenceRequest,
  type ConversationView,
  closureReasonViewSchema,
  conversationViewSchema,
  customComponentViewSchema,
  historyEntrySchema,
  type MessageView,
  messageViewSchema,
  richMessageViewSchema,
  type TransferRequest,
  templateViewSchema,
  transferTargetsSchema,
  unavailableReasonViewSchema,
  type WrapUpView,
  wrapUpViewSchema,
} from '../../shared/api/schemas.ts';
import { type AgentAction, type AgentError, describeError, errorLine } from '../utils/agent-error.ts';
import { PlatformError, request, requestBlob } from '../utils/api-client.ts';
import browser from '../utils/browser.ts';
import { deskReducer, initialDeskState } from '../utils/desk-state.ts';
import { loadOpenConversation, saveOpenConversation } from '../utils/draft-storage.ts';
import { runAgentStream } from '../utils/event-stream.ts';
import { notificationFor } from '../utils/notify.ts';
import { refreshSession } from '../utils/refresh.ts';
import { refreshDelay } from '../utils/refresh-timing.ts';
import { clearSession, type Session } from '../utils/storage.ts';
import { typingThrottle } from '../utils/typing-throttle.ts';
import { uploadAttachment } from '../utils/upload-attachment.ts';

export type DeskDialog =
  | { kind: 'end'; conversationId: string; reasons: ClosureReasonView[] }
  | { kind: 'wrapup'; wrapUp: WrapUpView; reasons: ClosureReasonView[] }
  | { kind: 'transfer'; conversation: ConversationView }
  | { kind: 'conference'; conversation: ConversationView };

type WrapUp = { closureReasonId: string; note?: string };
/** Send failures the platform records on the reply itself (shown on its bubble, not as an error line). */
const FAILED_ON_BUBBLE = new Set(['whatsapp_refused', 'whatsapp_unreachable']);
const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/**
 * The desk's state and everything the agent can do from it: the event stream feeds the reducer,
 * each action calls the platform and folds its answer in. Every failure goes one way: an error
 * on screen, or signing out when the session is gone.
 */
export function useDesk(session: Session) {
  const [state, dispatch] = useReducer(deskReducer, initialDeskState);
  const [busyOffer, setBusyOffer] = useState<string | undefined>();
  const [error, setError] = useState<AgentError | undefined>();
  const [dialog, setDialog] = useState<DeskDialog | undefined>();

  const api = <T>(route: string, schema: z.ZodType<T>, init: { method?: string; body?: unknown } = {}) =>
    request(session.platformUrl, route, schema, { ...init, token: session.token });
  const post = <T>(route: string, schema: z.ZodType<T>, body?: unknown) =>
    api(route, schema, { method: 'POST', ...(body !== undefined ? { body } : {}) });
  // Throttled per conversation (the platform throttles too); lives as long as this session's desk.
  const [typing] = useState(() => typingThrottle((id) => post(`/api/conversations/${path(id)}/typing`, z.unknown())));
  const closureReasons = () => api('/api/closure-reasons', z.array(closureReasonViewSchema));

  /** Runs an action; a failure shows what did not happen and why (or signs out) and yields false. */
  async function attempt(action: AgentAction, work: () => Promise<void>): Promise<boolean> {
    setError(undefined);
    try {
      await work();
      return true;
    } catch (caught) {
      if (caught instanceof PlatformError && caught.signedOut) void clearSession();
      setError(describeError(action, caught));
      return false;
    }
  }

  /** The same for the forms that show their own error line (starting a conversation, attaching). */
  function refusal(action: AgentAction, caught: unknown): string {
    if (caught instanceof PlatformError && caught.signedOut) void clearSession();
    return errorLine(describeError(action, caught));
  }

  /**
   * Sends a reply the platform records before calling WhatsApp. When WhatsApp refuses it or cannot
   * be reached, the reply is in the transcript as failed, with its reason and Retry on the bubble:
   * the transcript is brought up to date and the send counts as done (the box is cleared).
   */
  async function recorded(conversationId: string, send: () => Promise<MessageView>): Promise<void> {
    try {
      dispatch({ event: 'message', data: await send() });
    } catch (caught) {
      if (!(caught instanceof PlatformError && FAILED_ON_BUBBLE.has(caught.code))) throw caught;
      const messages = await api(`/api/conversations/${path(conversationId)}/messages`, z.array(messageViewSchema));
      dispatch({ event: 'transcript', data: { conversationId, messages } });
    }
  }

  // The stream's callback outlives renders: it reads customer names through a ref.
  const names = useRef(new Map<string, string>());
  names.current = new Map(state.conversations.map((c) => [c.id, c.customerName]));

  useEffect(() => {
    const stop = new AbortController();
    void runAgentStream({
      url: `${session.platformUrl}/api/agent/events`,
      token: session.token,
      signal: stop.signal,
      onEvent: (event) => {
        dispatch(event);
        const focused = document.hasFocus();
        const note =
          event.event === 'offer'
            ? notificationFor({ event: 'offer', data: event.data }, focused)
            : event.event === 'message'
              ? notificationFor(
                  {
                    event: 'message',
                    data: event.data,
                    customerName: names.current.get(event.data.conversationId) ?? '',
                  },
                  focused,
                )
              : undefined;
        if (note) {
          const iconUrl = browser.runtime.getURL('/icon-128.png');
          void browser.notifications
            .create(note.id, { type: 'basic', iconUrl, title: note.title, message: note.message })
            .catch(() => undefined);
        }
      },
      onStatus: ({ connected, httpStatus }) => {
        dispatch({ event: 'connection', data: { connected } });
        if (httpStatus === 401) void clearSession();
      },
    });
    return () => stop.abort();
  }, [session.platformUrl, session.token]);

  // Keep the session alive through a long shift: a fresh token an hour before this one expires.
  // The new session is saved to storage, which re-creates the desk with it (SessionGate).
  useEffect(() => {
    const timer = setTimeout(
      () => {
        void attempt('load', async () => {
          await refreshSession(session);
        });
      },
      refreshDelay(session.expiresAt, Date.now()),
    );
    return () => clearTimeout(timer);
  }, [session.token]);

  const selected = state.conversations.find((c) => c.id === state.selectedId);

  // A message to the open conversation is read only while the panel is on screen.
  useEffect(() => {
    const update = () => dispatch({ event: 'visibility', data: { visible: document.visibilityState === 'visible' } });
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);

  // A reloaded panel opens the conversation that was open (its draft comes with it: useDrafts).
  const restored = useRef(false);
  useEffect(() => {
    void loadOpenConversation(session.user.id)
      .catch(() => undefined)
      .then((conversationId) => {
        restored.current = true;
        if (conversationId) dispatch({ event: 'restore', data: { conversationId } });
      });
  }, [session.user.id]);
  useEffect(() => {
    if (restored.current && state.selectedId !== undefined) {
      void saveOpenConversation(session.user.id, state.selectedId).catch(() => undefined);
    }
  }, [state.selectedId]);

  useEffect(() => {
    if (!selected) return;
    const conversationId = selected.id;
    void attempt('load', async () => {
      const messages = await api(`/api/conversations/${path(conversationId)}/messages`, z.array(messageViewSchema));
      dispatch({ event: 'transcript', data: { conversationId, messages } });
    });
  }, [selected?.id, state.epoch]);

  async function onOffer(offerId: string, action: 'accept' | 'reject', work: () => Promise<void>) {
    setBusyOffer(offerId);
    await attempt(action, work);
    setBusyOffer(undefined);
  }

  const openWrapUp = (wrapUp: WrapUpView) =>
    attempt('load', async () => setDialog({ kind: 'wrapup', wrapUp, reasons: await closureReasons() }));

  const actions = {
    select: (conversationId: string) => dispatch({ event: 'select', data: { conversationId } }),
    closeDialog: () => {
      setDialog(undefined);
      setError(undefined);
    },
    openTransfer: (conversation: ConversationView) => setDialog({ kind: 'transfer', conversation }),
    openConference: (conversation: ConversationView) => setDialog({ kind: 'conference', conversation }),
    openWrapUp,

    unavailableReasons: () => api('/api/unavailable-reasons', z.array(unavailableReasonViewSchema)),

    changeState: (next: 'available' | 'unavailable', reasonId?: string) =>
      attempt('state', async () => {
        const body = reasonId ? { state: next, reasonId } : { state: next };
        const status = await api('/api/agent/state', agentStatusSchema, { method: 'PUT', body });
        dispatch({ event: 'agent.state', data: status });
      }),

    accept: (offerId: string) =>
      onOffer(offerId, 'accept', async () => {
        const conversation = await post(`/api/offers/${path(offerId)}/accept`, conversationViewSchema);
        dispatch({ event: 'conversation.updated', data: conversation });
        dispatch({ event: 'select', data: { conversationId: conversation.id } });
        // Screen pop (RT-9): the skill's page for this contact, in a background tab.
        if (conversation.screenPopUrl) void browser.tabs.create({ url: conversation.screenPopUrl, active: false });
      }),

    reject: (offerId: string) =>
      onOffer(offerId, 'reject', async () => {
        await post(`/api/offers/${path(offerId)}/reject`, z.unknown());
        dispatch({ event: 'offer.revoked', data: { offerId } });
      }),

    /** Sends a reply, quoting `replyToMessageId` (WhatsApp's `context`) when given. */
    send: (conversationId: string, text: string, replyToMessageId?: string) => {
      setError(undefined);
      typing.replied(conversationId);
      return attempt('send', () =>
        recorded(conversationId, () =>
          post(`/api/conversations/${path(conversationId)}/messages`, messageViewSchema, {
            text,
            ...(replyToMessageId ? { replyToMessageId } : {}),
          }),
        ),
      );
    },

    /** The agent is typing in `conversationId`'s box (throttled; failures ignored). */
    typing: (conversationId: string) => typing.typed(conversationId),

    /** This conversation's canned responses, their variables filled by the platform (masked). */
    cannedResponses: (conversationId: string) =>
      api(`/api/conversations/${path(conversationId)}/canned-responses`, z.array(cannedResponseViewSchema)),

    /** Sends a failed reply again (a new message; the failed one loses its Retry). */
    retry: (conversationId: string, messageId: string) => {
      setError(undefined);
      return attempt('send', () =>
        recorded(conversationId, () =>
          post(`/api/conversations/${path(conversationId)}/messages/${path(messageId)}/retry`, messageViewSchema),
        ),
      );
    },

    /** The custom component (template picker) for a conversation, with a fresh token (TP-6). */
    loadComponent: (conversationId: string) =>
      api(`/api/conversations/${path(conversationId)}/component`, customComponentViewSchema),

    /** Channels where the agent may start conversations, and their approved templates (BY-2). */
    loadChannels: () => api('/api/channels', z.array(agentChannelSchema)),
    loadChannelTemplates: (channelId: string) =>
      api(`/api/channels/${path(channelId)}/templates`, z.array(templateViewSchema)),

    /** Starts a conversation with a template; resolves with WhatsApp's or the platform's refusal, if any. */
    startConversation: async (request: {
      channelId: string;
      to: string;
      template: { name: string; language: string; parameters: string[] };
    }): Promise<string | undefined> => {
      try {
        const conversation = await post('/api/outbound', conversationViewSchema, request);
        dispatch({ event: 'conversation.updated', data: conversation });
        dispatch({ event: 'select', data: { conversationId: conversation.id } });
        return undefined;
      } catch (caught) {
        return refusal('template', caught);
      }
    },

    /** A customer's photo, with the session's token. */
    loadMedia: (conversationId: string, mediaId: string) =>
      requestBlob(session.platformUrl, `/api/conversations/${path(conversationId)}/media/${path(mediaId)}`, {
        token: session.token,
      }),

    /**
     * Uploads and sends a file with its caption; resolves with the refusal in words, if any. An
     * upload refused or cut off records nothing: the file stays in the picker to send again. A
     * send WhatsApp refuses after the upload is on its bubble with Retry (the same uploaded file).
     */
    sendAttachment: async (
      conversationId: string,
      file: File,
      caption: string,
      onProgress: (percent: number) => void,
    ) => {
      try {
        await recorded(conversationId, () => uploadAttachment(session, conversationId, file, caption, onProgress));
        return undefined;
      } catch (caught) {
        return refusal('attachment', caught);
      }
    },

    /** The channel's rich messages (TP-3). */
    loadRichMessages: (conversationId: string) =>
      api(`/api/conversations/${path(conversationId)}/rich-messages`, z.array(richMessageViewSchema)),

    sendRich: (conversationId: string, richMessageId: string) => {
      setError(undefined);
      return attempt('rich', () =>
        recorded(conversationId, () =>
          post(`/api/conversations/${path(conversationId)}/rich-message`, messageViewSchema, { richMessageId }),
        ),
      );
    },

    openEnd: (conversationId: string) =>
      attempt('load', async () => setDialog({ kind: 'end', conversationId, reasons: await closureReasons() })),

    end: (conversationId: string, wrapUp: WrapUp) =>
      attempt('end', async () => {
        const conversation = await post(
          `/api/conversations/${path(conversationId)}/end`,
          conversationViewSchema,
          wrapUp,
        );
        dispatch({ event: 'conversation.updated', data: conversation });
        setDialog(undefined);
      }),

    transfer: async (conversation: ConversationView, target: TransferRequest['target']) => {
      setDialog(undefined);
      let owed: WrapUpView | undefined;
      await attempt('transfer', async () => {
        owed = await post(`/api/conversations/${path(conversation.id)}/transfer`, wrapUpViewSchema, { target });
        // The conversation has left this desk; the wrap-up for it is due now.
        dispatch({ event: 'conversation.removed', data: { conversationId: conversation.id } });
        dispatch({ event: 'wrapup', data: owed });
      });
      if (owed) await openWrapUp(owed);
    },

    invite: (conversation: ConversationView, target: ConferenceRequest) => {
      setDialog(undefined);
      return attempt('conference', async () => {
        const updated = await post(
          `/api/conversations/${path(conversation.id)}/conference`,
          conversationViewSchema,
          target,
        );
        dispatch({ event: 'conversation.updated', data: updated });
      });
    },

    stopConference: (conversationId: string, how: 'leave' | 'end') =>
      attempt('stopConference', () =>
        post(`/api/conversations/${path(conversationId)}/conference/${how}`, z.unknown()).then(() => undefined),
      ),

    completeWrapUp: (wrapUpId: string, wrapUp: WrapUp) =>
      attempt('wrapUp', async () => {
        await post(`/api/wrap-ups/${path(wrapUpId)}`, z.unknown(), wrapUp);
        dispatch({ event: 'wrapup.done', data: { wrapUpId } });
        setDialog(undefined);
      }),

    transferTargets: () => api('/api/transfer-targets', transferTargetsSchema),

    history: (search: string) =>
      api(
        `/api/history${search.trim() ? `?search=${encodeURIComponent(search.trim())}` : ''}`,
        z.array(historyEntrySchema),
      ),
  };

  return { state, selected, busyOffer, error, dialog, actions };
}
