import type { AgentStatus, ConversationView, MessageView, OfferView, WrapUpView } from '../../shared/api/schemas.ts';
import { advancesStatus } from '../../shared/delivery-status.ts';
import type { AgentEvent } from './event-stream.ts';

/** What the side panel shows, rebuilt from the event stream and API answers by {@link deskReducer}. */
export interface DeskState {
  connected: boolean;
  status: AgentStatus | undefined;
  offers: OfferView[];
  conversations: ConversationView[];
  messages: Record<string, MessageView[]>;
  selectedId: string | undefined;
  /** The conversation open before a reload: opened again as soon as it is on the desk. */
  restoreId: string | undefined;
  /** Wrap-ups the agent still owes (after a transfer). */
  wrapUps: WrapUpView[];
  /** Bumped when the platform could not replay missed events: loaded data must be reloaded. */
  epoch: number;
  /** Customer messages the agent has not seen yet, per conversation (read once she views it). */
  unread: Record<string, number>;
  /** The panel is on screen: a message to the open conversation is seen only then. */
  visible: boolean;
  /** The customer's tags as last changed by a participant, per conversation (the customer view follows). */
  customerTags: Record<string, string[]>;
}

export type DeskAction =
  | AgentEvent
  | { event: 'connection'; data: { connected: boolean } }
  | { event: 'transcript'; data: { conversationId: string; messages: MessageView[] } }
  | { event: 'select'; data: { conversationId: string } }
  | { event: 'restore'; data: { conversationId: string } }
  | { event: 'visibility'; data: { visible: boolean } }
  | { event: 'unread.restore'; data: Record<string, number> };

export const initialDeskState: DeskState = {
  connected: false,
  status: undefined,
  offers: [],
  conversations: [],
  messages: {},
  selectedId: undefined,
  restoreId: undefined,
  wrapUps: [],
  epoch: 0,
  unread: {},
  visible: true,
  customerTags: {},
};

/** Drops a conversation's unread count (it was read, or it left the desk). */
function withoutUnread(unread: Record<string, number>, conversationId: string | undefined): Record<string, number> {
  if (conversationId === undefined || !(conversationId in unread)) return unread;
  const { [conversationId]: _read, ...rest } = unread;
  return rest;
}

/** A new customer message counts as unread unless the agent is looking at its conversation. */
function countUnread(state: DeskState, message: MessageView): Record<string, number> {
  const { conversationId } = message;
  const seen = state.visible && state.selectedId === conversationId;
  const known = state.messages[conversationId]?.some((existing) => existing.id === message.id);
  if (message.direction !== 'inbound' || seen || known) return state.unread;
  return { ...state.unread, [conversationId]: (state.unread[conversationId] ?? 0) + 1 };
}

function upsertBy<T extends { id: string }>(list: T[], item: T): T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  if (index === -1) return [...list, item];
  const copy = list.slice();
  copy[index] = item;
  return copy;
}

/**
 * Merges by id. The answer to a send and the stream's status events race each other, so a
 * message's delivery status only ever moves forward (the rule the platform applies to webhooks).
 */
function mergeMessages(current: MessageView[] = [], incoming: MessageView[]): MessageView[] {
  // One pass with a map: a 10,000-message transcript merges in O(n log n), not O(n²).
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) {
    const existing = byId.get(message.id);
    const keepStatus = existing?.status && message.status && !advancesStatus(existing.status, message.status);
    byId.set(message.id, keepStatus ? { ...message, status: existing.status } : message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq || a.timestamp - b.timestamp);
}

export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.event) {
    case 'hello':
      return state;
    case 'resync':
      return { ...state, epoch: state.epoch + 1 };
    case 'masking.changed':
      // Transcripts held in the old form are dropped and the open one is loaded again (AG-7).
      return { ...state, messages: {}, epoch: state.epoch + 1 };
    case 'connection':
      return { ...state, connected: action.data.connected };
    case 'agent.state':
      return { ...state, status: action.data };
    case 'offer':
      return { ...state, offers: upsertBy(state.offers, action.data) };
    case 'offer.revoked':
      return { ...state, offers: state.offers.filter((offer) => offer.id !== action.data.offerId) };
    case 'conversation.updated': {
      const conversation = action.data;
      const offers = state.offers.filter((offer) => offer.conversationId !== conversation.id);
      if (conversation.status !== 'active') {
        const conversations = state.conversations.filter((c) => c.id !== conversation.id);
        const selectedId = state.selectedId === conversation.id ? conversations[0]?.id : state.selectedId;
        return { ...state, offers, conversations, selectedId, unread: withoutUnread(state.unread, conversation.id) };
      }
      const restored = state.restoreId === conversation.id;
      const selectedId = restored ? conversation.id : (state.selectedId ?? conversation.id);
      return {
        ...state,
        offers,
        conversations: upsertBy(state.conversations, conversation),
        selectedId,
        restoreId: restored ? undefined : state.restoreId,
        unread: state.visible ? withoutUnread(state.unread, selectedId) : state.unread,
      };
    }
    case 'conversation.removed': {
      const conversations = state.conversations.filter((c) => c.id !== action.data.conversationId);
      const selectedId = state.selectedId === action.data.conversationId ? conversations[0]?.id : state.selectedId;
      return { ...state, conversations, selectedId, unread: withoutUnread(state.unread, action.data.conversationId) };
    }
    case 'message': {
      const { conversationId } = action.data;
      return {
        ...state,
        unread: countUnread(state, action.data),
        messages: { ...state.messages, [conversationId]: mergeMessages(state.messages[conversationId], [action.data]) },
      };
    }
    case 'transcript': {
      const { conversationId, messages } = action.data;
      return {
        ...state,
        messages: { ...state.messages, [conversationId]: mergeMessages(state.messages[conversationId], messages) },
      };
    }
    case 'select': {
      const { conversationId } = action.data;
      const unread = state.visible ? withoutUnread(state.unread, conversationId) : state.unread;
      return { ...state, selectedId: conversationId, restoreId: undefined, unread };
    }
    case 'restore': {
      const { conversationId } = action.data;
      return state.conversations.some((c) => c.id === conversationId)
        ? {
            ...state,
            selectedId: conversationId,
            restoreId: undefined,
            unread: state.visible ? withoutUnread(state.unread, conversationId) : state.unread,
          }
        : { ...state, restoreId: conversationId };
    }
    case 'visibility': {
      const { visible } = action.data;
      return { ...state, visible, unread: visible ? withoutUnread(state.unread, state.selectedId) : state.unread };
    }
    case 'unread.restore': {
      // Counts kept over a reload of the panel, added to what arrived meanwhile; the open one is read.
      const unread = { ...state.unread };
      for (const [conversationId, count] of Object.entries(action.data)) {
        unread[conversationId] = (unread[conversationId] ?? 0) + count;
      }
      return { ...state, unread: state.visible ? withoutUnread(unread, state.selectedId) : unread };
    }
    case 'customer.tags':
      return { ...state, customerTags: { ...state.customerTags, [action.data.conversationId]: action.data.tags } };
    case 'wrapup':
      return { ...state, wrapUps: upsertBy(state.wrapUps, action.data) };
    case 'wrapup.done':
      return { ...state, wrapUps: state.wrapUps.filter((wrapUp) => wrapUp.id !== action.data.wrapUpId) };
  }
}
