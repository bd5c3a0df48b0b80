import type { AgentEvents } from '../../../shared/api/schemas.ts';
import type { Clock } from '../../../shared/clock.ts';
import type { AgentStreams } from '../events/agent-streams.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Store } from '../store/store.ts';
import type { GraphClient } from '../whatsapp/graph-client.ts';
import type { ArchiveFiles } from './archive.ts';
import type { Presence } from './presence.ts';
import type { PlatformSchema } from './records.ts';
import type { RoutingPasses } from './routing-passes.ts';
import type { Serial } from './serial.ts';
import type { WebhookSkips } from './webhook-items.ts';

/** What the platform's domain code is given: nothing is reached through globals. */
/** Hands out increasing numbers; starts after the highest one already stored. */
export class Sequence {
  #last: number;

  constructor(last = 0) {
    this.#last = last;
  }

  next(): number {
    this.#last += 1;
    return this.#last;
  }
}

export interface PlatformContext {
  store: Store<PlatformSchema>;
  clock: Clock;
  /** Publish only inside a mutation (`mutate`), which holds events until the change is durable. */
  events: EventBus<AgentEvents>;
  /** The agents' open event streams: closed at once when their access is revoked or shrinks. */
  streams: AgentStreams;
  serial: Serial;
  /** Routing passes, requested after a change and run in the background (coalesced). */
  routing: Routing;
  graph: GraphClient;
  /**
   * The Cloud API is outside this process (GRAPH_BASE_URL set: Meta's, or another instance playing
   * it): connecting a channel subscribes the app to the account's webhooks itself. Absent: false.
   */
  subscribesApps?: boolean;
  /** Month files of the messages of conversations ended long ago (read on demand). */
  archive: ArchiveFiles;
  /** Orders messages by creation: timestamps tie within a millisecond, or come from the customer's phone. */
  messageSeq: Sequence;
  /** Which agents have an event stream open: who can see an offer. */
  presence: Presence;
  /** Webhook items the receiver could not store, counted by reason since start-up. */
  webhookSkips: WebhookSkips;
  /** scrypt cost of passwords set by administrators (absent: the real one, `PASSWORD_COST`). */
  passwordCost?: number;
}

/** What domain code sees of {@link RoutingPasses}. */
export type Routing = Pick<RoutingPasses, 'request' | 'idle'>;

export const agentTopic = (agentId: string) => `agent:${agentId}`;
