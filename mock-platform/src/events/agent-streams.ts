import type { AgentEventName, AgentEvents } from '../../../shared/api/schemas.ts';
import type { Clock } from '../../../shared/clock.ts';
import { worksChannel } from '../platform/permissions.ts';
import type { PlatformSchema, User } from '../platform/records.ts';
import type { Store } from '../store/store.ts';

/** Event streams one agent may hold open at once; opening one more closes their oldest. */
export const MAX_STREAMS_PER_AGENT = 5;
/** Events waiting for a client that stopped reading: past this the stream is closed (it reconnects). */
export const MAX_QUEUED_EVENTS = 1_000;

/** Why a stream was closed by the platform (logged; the client simply reconnects or signs in). */
export type CloseReason = 'revoked' | 'access_changed' | 'too_many_streams' | 'client_too_slow';

interface OpenStream {
  userId: string;
  sessionId: string;
  /** The agent's role and the channels it granted when the stream opened. */
  roleId: string | undefined;
  channels: readonly string[];
  openedAt: number;
  close(reason: CloseReason): void;
}

/**
 * The agents' open event streams, so that revoking access reaches them at once: after a sign-out,
 * sign-out everywhere, new password, deleted user, changed role or a role losing a channel,
 * `revalidate()` closes every stream whose session is gone or whose access shrank. It also
 * bounds how many streams one agent holds (memory per caller).
 */
export class AgentStreams {
  readonly #open = new Map<string, Set<OpenStream>>();

  constructor(
    private readonly store: Store<PlatformSchema>,
    private readonly clock: Clock,
    private readonly maxPerAgent = MAX_STREAMS_PER_AGENT,
  ) {}

  /** Registers a stream; returns the function that unregisters it when it ends. */
  open(user: User, sessionId: string, close: (reason: CloseReason) => void): () => void {
    let streams = this.#open.get(user.id);
    if (!streams) {
      streams = new Set();
      this.#open.set(user.id, streams);
    }
    const stream: OpenStream = {
      userId: user.id,
      sessionId,
      roleId: user.roleId,
      channels: this.#channelsOf(user.roleId),
      openedAt: this.clock.now(),
      close,
    };
    // The oldest go first: a panel that lost its network may not have noticed its old stream end.
    while (streams.size >= this.maxPerAgent) {
      const oldest = streams.values().next().value as OpenStream;
      streams.delete(oldest);
      oldest.close('too_many_streams');
    }
    streams.add(stream);
    const set = streams;
    return () => {
      set.delete(stream);
      if (set.size === 0 && this.#open.get(user.id) === set) this.#open.delete(user.id);
    };
  }

  /** Closes every stream whose session ended or whose agent lost access since it opened. */
  revalidate(): void {
    for (const streams of this.#open.values()) {
      for (const stream of [...streams]) {
        const reason = this.#stale(stream);
        if (!reason) continue;
        streams.delete(stream);
        stream.close(reason);
      }
    }
    for (const [userId, streams] of this.#open) if (streams.size === 0) this.#open.delete(userId);
  }

  count(userId: string): number {
    return this.#open.get(userId)?.size ?? 0;
  }

  #stale(stream: OpenStream): CloseReason | undefined {
    const session = this.store.get('sessions', stream.sessionId);
    if (!session || session.expiresAt <= this.clock.now()) return 'revoked';
    const user = this.store.get('users', stream.userId);
    if (user?.role !== 'agent') return 'revoked';
    if (user.roleId !== stream.roleId) return 'access_changed';
    const now = new Set(this.#channelsOf(user.roleId));
    // A deleted channel leaves every role; its interrupted conversations stay on the desk to be ended.
    const live = (id: string) => {
      const channel = this.store.get('channels', id);
      return channel !== undefined && channel.deletedAt === undefined;
    };
    const lost = stream.channels.some((id) => !now.has(id) && live(id));
    return lost ? 'access_changed' : undefined;
  }

  #channelsOf(roleId: string | undefined): string[] {
    const role = roleId ? this.store.get('roles', roleId) : undefined;
    return role ? Object.keys(role.channels) : [];
  }
}

/**
 * What of an event the agent may still receive: a channel's messages, offers and conversations
 * stop at once when their role no longer includes it (a conversation turns into
 * `conversation.removed`). Interrupted conversations of a deleted channel stay visible.
 */
export function shownToAgent(
  store: Store<PlatformSchema>,
  userId: string,
  event: AgentEventName,
  data: AgentEvents[AgentEventName],
): [AgentEventName, AgentEvents[AgentEventName]] | undefined {
  let channelId: string | undefined;
  let conversationId: string | undefined;
  if (event === 'conversation.updated') {
    const view = data as AgentEvents['conversation.updated'];
    channelId = view.channelId;
    conversationId = view.id;
  } else if (event === 'message' || event === 'offer') {
    conversationId = (data as AgentEvents['message' | 'offer']).conversationId;
    channelId = store.get('conversations', conversationId)?.channelId;
  }
  if (!channelId || !conversationId) return [event, data];
  const channel = store.get('channels', channelId);
  if (!channel || channel.deletedAt !== undefined) return [event, data];
  const user = store.get('users', userId);
  if (user && worksChannel(store, user, channelId)) return [event, data];
  return event === 'conversation.updated' ? ['conversation.removed', { conversationId }] : undefined;
}
