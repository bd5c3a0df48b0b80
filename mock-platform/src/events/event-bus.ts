import type { EventHub } from './event-hub.ts';

/**
 * What the platform's code sees of the event hub: a mutation gives its work one that holds
 * `publish` until the change is durable (`platform/mutation.ts`), the rest is the hub's own.
 */
export type EventBus<E> = Pick<EventHub<E>, 'publish' | 'subscribe' | 'since' | 'listenerCount'>;
