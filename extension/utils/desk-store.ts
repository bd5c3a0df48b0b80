import type {
  ClosureReasonView,
  ConferenceRequest,
  ConversationView,
  MessageView,
  TransferRequest,
  WrapUpView,
} from '../../shared/api/schemas.ts';
import type { Clock } from '../../shared/clock.ts';
import { type AgentAction, type AgentError, describeError, errorLine } from './agent-error.ts';
import { PlatformError } from './api-client.ts';
import type { DeskApi, StartConversationRequest, WrapUp } from './desk-api.ts';
import { type DeskAction, type DeskState, deskReducer, initialDeskState } from './desk-state.ts';
import type { AgentEvent } from './event-stream.ts';
import { type DesktopNotification, notificationFor } from './notify.ts';
import { refreshDelay } from './refresh-timing.ts';
import { typingThrottle } from './typing-throttle.ts';

export type DeskDialog =
  | { kind: 'end'; conversationId: string; reasons: ClosureReasonView[] }
  | { kind: 'wrapup'; wrapUp: WrapUpView; reasons: ClosureReasonView[] }
  | { kind: 'transfer'; conversation: ConversationView }
  | { kind: 'conference'; conversation: ConversationView };

/** What the desk shows: the reducer's state plus what only this page knows (busy offer, error, dialog). */
export interface DeskSnapshot {
  state: DeskState;
  /** The open conversation, when it is on the desk. */
  selected: ConversationView | undefined;
  busyOffer: string | undefined;
  error: AgentError | undefined;
  dialog: DeskDialog | undefined;
}

/** Time and timers, injected so the session refresh is tested by moving the clock. */
export interface DeskClock extends Clock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type DeskStream = (
  handlers: {
    onEvent: (event: AgentEvent) => void;
    onStatus: (status: { connected: boolean; httpStatus?: number }) => void;
  },
  signal: AbortSignal,
) => void;

export interface DeskStoreDeps {
  api: DeskApi;
  /** The agent's event stream (`runAgentStream` with the session's URL and token). */
  stream: DeskStream;
  /** Desktop notifications, shown only while the panel does not have the focus. */
  notify: { focused(): boolean; show(note: DesktopNotification): void };
  clock: DeskClock;
  /** This agent's session on this browser: when it ends, and the conversation she had open. */
  session: {
    expiresAt: number;
    clear(): Promise<void>;
    loadOpenConversation(): Promise<string | undefined>;
    saveOpenConversation(conversationId: string): Promise<void>;
  };
  /** Opens a page in a background tab (the skill's screen pop). */
  openTab(url: string): void;
}

/** Send failures the platform records on the reply itself (shown on its bubble, not as an error line). */
const FAILED_ON_BUBBLE = new Set(['whatsapp_refused', 'whatsapp_unreachable']);

/**
 * The side panel's desk without a UI framework: the event stream feeds the reducer, each action
 * calls the platform and folds its answer in. Every failure goes one way: an error on screen, or
 * signing out when the session is gone. Preact reads it through `components/desk-context.tsx`.
 */
export function createDeskStore({ api, stream, notify, clock, session, openTab }: DeskStoreDeps) {
  let snapshot: DeskSnapshot = {
    state: initialDeskState,
    selected: undefined,
    busyOffer: undefined,
    error: undefined,
    dialog: undefined,
  };
  const listeners = new Set<() => void>();
  // The reload of the open conversation's transcript follows (selected conversation, epoch).
  let loadedFor: string | undefined;
  // The open conversation is remembered only once the one from before a reload was read back.
  let restored = false;

  function set(next: Partial<DeskSnapshot>) {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  }

  function dispatch(action: DeskAction) {
    const before = snapshot.state;
    const state = deskReducer(before, action);
    if (state === before) return;
    const selected = state.conversations.find((c) => c.id === state.selectedId);
    set({ state, selected });
    if (restored && state.selectedId !== undefined && state.selectedId !== before.selectedId) {
      void session.saveOpenConversation(state.selectedId).catch(() => undefined);
    }
    const key = selected ? `${selected.id}\u0000${state.epoch}` : undefined;
    if (key !== loadedFor) {
      loadedFor = key;
      if (selected) void loadTranscript(selected.id);
    }
  }

  const loadTranscript = (conversationId: string) =>
    attempt('load', async () =>
      dispatch({ event: 'transcript', data: { conversationId, messages: await api.messages(conversationId) } }),
    );

  /** What did not happen and why, in the agent's words; a gone session signs her out. */
  function failed(action: AgentAction, caught: unknown): AgentError {
    if (caught instanceof PlatformError && caught.signedOut) void session.clear();
    return describeError(action, caught);
  }

  /** Runs an action; a failure shows what did not happen and why (or signs out) and yields false. */
  async function attempt(action: AgentAction, work: () => Promise<void>): Promise<boolean> {
    set({ error: undefined });
    try {
      await work();
      return true;
    } catch (caught) {
      set({ error: failed(action, caught) });
      return false;
    }
  }

  /** The same for the forms that show their own error line (starting a conversation, attaching). */
  async function refusal(action: AgentAction, work: () => Promise<void>): Promise<string | undefined> {
    try {
      await work();
      return undefined;
    } catch (caught) {
      return errorLine(failed(action, caught));
    }
  }

  /**
   * Sends a reply the platform records before calling WhatsApp. When WhatsApp refuses it or cannot
   * be reached, the reply is in the transcript as failed, with its reason and Retry on the bubble:
   * the transcript is brought up to date and the send counts as done (the box is cleared).
   */
  function recorded(action: 'send' | 'rich', conversationId: string, send: () => Promise<MessageView>) {
    return attempt(action, () => onBubble(conversationId, send));
  }

  /** The part of {@link recorded} an attachment shares: a refusal by WhatsApp is on the bubble, not thrown. */
  async function onBubble(conversationId: string, send: () => Promise<MessageView>): Promise<void> {
    try {
      dispatch({ event: 'message', data: await send() });
    } catch (caught) {
      if (!(caught instanceof PlatformError && FAILED_ON_BUBBLE.has(caught.code))) throw caught;
      dispatch({ event: 'transcript', data: { conversationId, messages: await api.messages(conversationId) } });
    }
  }

  async function onOffer(offerId: string, action: 'accept' | 'reject', work: () => Promise<void>) {
    set({ busyOffer: offerId });
    await attempt(action, work);
    set({ busyOffer: undefined });
  }

  function receive(event: AgentEvent) {
    // The customer's name as the desk knew it before this event.
    const names = new Map(snapshot.state.conversations.map((c) => [c.id, c.customerName]));
    dispatch(event);
    const focused = notify.focused();
    const note =
      event.event === 'offer'
        ? notificationFor({ event: 'offer', data: event.data }, focused)
        : event.event === 'message'
          ? notificationFor(
              { event: 'message', data: event.data, customerName: names.get(event.data.conversationId) ?? '' },
              focused,
            )
          : undefined;
    if (note) notify.show(note);
  }

  // Throttled per conversation (the platform throttles too); lives as long as this session's desk.
  const typing = typingThrottle(api.typing, () => clock.now());

  const openWrapUp = (wrapUp: WrapUpView) =>
    attempt('load', async () => set({ dialog: { kind: 'wrapup', wrapUp, reasons: await api.closureReasons() } }));

  const actions = {
    select: (conversationId: string) => dispatch({ event: 'select', data: { conversationId } }),
    closeDialog: () => set({ dialog: undefined, error: undefined }),
    openTransfer: (conversation: ConversationView) => set({ dialog: { kind: 'transfer', conversation } }),
    openConference: (conversation: ConversationView) => set({ dialog: { kind: 'conference', conversation } }),
    openWrapUp,

    unavailableReasons: api.unavailableReasons,

    changeState: (next: 'available' | 'unavailable', reasonId?: string) =>
      attempt('state', async () => dispatch({ event: 'agent.state', data: await api.changeState(next, reasonId) })),

    accept: (offerId: string) =>
      onOffer(offerId, 'accept', async () => {
        const conversation = await api.accept(offerId);
        dispatch({ event: 'conversation.updated', data: conversation });
        dispatch({ event: 'select', data: { conversationId: conversation.id } });
        // Screen pop (RT-9): the skill's page for this contact, in a background tab.
        if (conversation.screenPopUrl) openTab(conversation.screenPopUrl);
      }),

    reject: (offerId: string) =>
      onOffer(offerId, 'reject', async () => {
        await api.reject(offerId);
        dispatch({ event: 'offer.revoked', data: { offerId } });
      }),

    /** Sends a reply, quoting `replyToMessageId` (WhatsApp's `context`) when given. */
    send: (conversationId: string, text: string, replyToMessageId?: string) => {
      typing.replied(conversationId);
      return recorded('send', conversationId, () => api.reply(conversationId, text, replyToMessageId));
    },

    /** The agent is typing in `conversationId`'s box (throttled; failures ignored). */
    typing: (conversationId: string) => typing.typed(conversationId),

    /** This conversation's canned responses, their variables filled by the platform (masked). */
    cannedResponses: api.cannedResponses,

    /** Sends a failed reply again (a new message; the failed one loses its Retry). */
    retry: (conversationId: string, messageId: string) =>
      recorded('send', conversationId, () => api.retry(conversationId, messageId)),

    /** The custom component (template picker) for a conversation, with a fresh token (TP-6). */
    loadComponent: api.component,

    /** Channels where the agent may start conversations, and their approved templates (BY-2). */
    loadChannels: api.channels,
    loadChannelTemplates: api.channelTemplates,

    /** Starts a conversation with a template; resolves with WhatsApp's or the platform's refusal, if any. */
    startConversation: (request: StartConversationRequest): Promise<string | undefined> =>
      refusal('template', async () => {
        const conversation = await api.startConversation(request);
        dispatch({ event: 'conversation.updated', data: conversation });
        dispatch({ event: 'select', data: { conversationId: conversation.id } });
      }),

    /** A customer's photo, with the session's token. */
    loadMedia: api.media,

    /**
     * Uploads and sends a file with its caption; resolves with the refusal in words, if any. An
     * upload refused or cut off records nothing: the file stays in the picker to send again. A send
     * WhatsApp refuses after the upload is on its bubble with Retry (the same uploaded file).
     */
    sendAttachment: (conversationId: string, file: File, caption: string, onProgress: (percent: number) => void) =>
      refusal('attachment', () =>
        onBubble(conversationId, () => api.uploadAttachment(conversationId, file, caption, onProgress)),
      ),

    /** The channel's rich messages (TP-3). */
    loadRichMessages: api.richMessages,

    sendRich: (conversationId: string, richMessageId: string) =>
      recorded('rich', conversationId, () => api.sendRich(conversationId, richMessageId)),

    openEnd: (conversationId: string) =>
      attempt('load', async () =>
        set({ dialog: { kind: 'end', conversationId, reasons: await api.closureReasons() } }),
      ),

    end: (conversationId: string, wrapUp: WrapUp) =>
      attempt('end', async () => {
        dispatch({ event: 'conversation.updated', data: await api.end(conversationId, wrapUp) });
        set({ dialog: undefined });
      }),

    transfer: async (conversation: ConversationView, target: TransferRequest['target']) => {
      set({ dialog: undefined });
      let owed: WrapUpView | undefined;
      await attempt('transfer', async () => {
        owed = await api.transfer(conversation.id, target);
        // The conversation has left this desk; the wrap-up for it is due now.
        dispatch({ event: 'conversation.removed', data: { conversationId: conversation.id } });
        dispatch({ event: 'wrapup', data: owed });
      });
      if (owed) await openWrapUp(owed);
    },

    invite: (conversation: ConversationView, target: ConferenceRequest) => {
      set({ dialog: undefined });
      return attempt('conference', async () =>
        dispatch({ event: 'conversation.updated', data: await api.invite(conversation.id, target) }),
      );
    },

    stopConference: (conversationId: string, how: 'leave' | 'end') =>
      attempt('stopConference', async () => {
        await api.stopConference(conversationId, how);
      }),

    completeWrapUp: (wrapUpId: string, wrapUp: WrapUp) =>
      attempt('wrapUp', async () => {
        await api.completeWrapUp(wrapUpId, wrapUp);
        dispatch({ event: 'wrapup.done', data: { wrapUpId } });
        set({ dialog: undefined });
      }),

    transferTargets: api.transferTargets,
    history: api.history,
  };

  return {
    getSnapshot: (): DeskSnapshot => snapshot,
    /** Calls `listener` after every change; returns the unsubscribe. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions,

    /** Keeps the event stream open until `signal` aborts; a 401 signs the agent out. */
    connect(signal: AbortSignal): void {
      stream(
        {
          onEvent: receive,
          onStatus: ({ connected, httpStatus }) => {
            dispatch({ event: 'connection', data: { connected } });
            if (httpStatus === 401) void session.clear();
          },
        },
        signal,
      );
    },

    /** A reloaded panel opens the conversation that was open (its draft comes with it: useDrafts). */
    async restore(): Promise<void> {
      const conversationId = await session.loadOpenConversation().catch(() => undefined);
      restored = true;
      if (conversationId) dispatch({ event: 'restore', data: { conversationId } });
    },

    /**
     * Keeps the session alive through a long shift: a fresh token an hour before this one expires.
     * The new session is saved to storage, which re-creates the desk with it (SessionGate).
     */
    keepSessionFresh(signal: AbortSignal): void {
      const timer = clock.setTimeout(
        () => void attempt('load', async () => void (await api.refreshSession())),
        refreshDelay(session.expiresAt, clock.now()),
      );
      signal.addEventListener('abort', () => clock.clearTimeout(timer));
    },

    /** A message to the open conversation is read only while the panel is on screen. */
    setVisible(visible: boolean): void {
      dispatch({ event: 'visibility', data: { visible } });
    },
  };
}

export type DeskStore = ReturnType<typeof createDeskStore>;
export type DeskActions = DeskStore['actions'];
