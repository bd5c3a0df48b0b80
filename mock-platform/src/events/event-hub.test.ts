import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock.ts';
import { EventHub, HISTORY_TTL_MS } from './event-hub.ts';

type Events = { ping: { n: number }; pong: { text: string } };

describe('EventHub', () => {
  it('delivers to the topic subscribers only, until their signal aborts', () => {
    const hub = new EventHub<Events>();
    const received: unknown[] = [];
    const controller = new AbortController();
    hub.subscribe('a', (event, data) => received.push([event, data]), controller.signal);
    hub.subscribe('b', () => received.push('wrong topic'));
    hub.publish('a', 'ping', { n: 1 });
    controller.abort();
    hub.publish('a', 'pong', { text: 'late' });
    expect(received).toEqual([['ping', { n: 1 }]]);
    expect(hub.listenerCount('a')).toBe(0);
  });

  it('keeps delivering when one listener throws', () => {
    const hub = new EventHub<Events>();
    const received: number[] = [];
    hub.subscribe('a', () => {
      throw new Error('broken');
    });
    hub.subscribe('a', (_event, data) => received.push((data as { n: number }).n));
    hub.publish('a', 'ping', { n: 7 });
    expect(received).toEqual([7]);
  });

  it('replays what a topic missed after a given id, and says when it cannot', () => {
    const hub = new EventHub<Events>();
    const ids: string[] = [];
    hub.subscribe('a', (_event, _data, id) => ids.push(id));
    hub.publish('a', 'ping', { n: 1 });
    hub.publish('b', 'ping', { n: 99 });
    hub.publish('a', 'ping', { n: 2 });
    hub.publish('a', 'pong', { text: 'three' });
    const [first] = ids;
    expect(hub.since('a', first ?? '')?.map((d) => d.data)).toEqual([{ n: 2 }, { text: 'three' }]);
    expect(hub.since('a', ids.at(-1) ?? '')).toEqual([]);
    expect(hub.since('a', 'otherboot.1')).toBeUndefined();
    expect(hub.since('a', 'garbage')).toBeUndefined();
  });

  it('cannot resume from before the history it kept', () => {
    const hub = new EventHub<Events>();
    let firstId = '';
    hub.subscribe('a', (_event, _data, id) => {
      firstId ||= id;
    });
    for (let n = 0; n < 600; n++) hub.publish('a', 'ping', { n });
    expect(hub.since('a', firstId)).toBeUndefined();
  });

  it('expires history after its TTL and forgets idle topics; a client from before must reload', () => {
    const clock = new ManualClock();
    const hub = new EventHub<Events>(clock);
    const seen: string[] = [];
    hub.publish('old-thread', 'ping', { n: 1 });
    hub.subscribe('live', (_event, _data, id) => seen.push(id));
    hub.publish('live', 'ping', { n: 2 });
    const firstLive = seen[0] ?? '';
    clock.advance(HISTORY_TTL_MS - 1);
    hub.expire();
    expect(hub.topicCount).toBe(2);
    clock.advance(1);
    hub.publish('live', 'pong', { text: 'recent' });
    hub.expire();
    // The idle topic is gone; the live one keeps its listener and its recent event.
    expect(hub.topicCount).toBe(1);
    expect(hub.listenerCount('live')).toBe(1);
    expect(hub.since('live', firstLive)?.map((d) => d.event)).toEqual(['pong']);
    // Resuming from before what expired cannot be answered: reload.
    const beforeAll = `${firstLive.split('.')[0]}.0`;
    expect(hub.since('old-thread', beforeAll)).toBeUndefined();
    expect(hub.since('live', beforeAll)).toBeUndefined();
    // After what expired, nothing was missed.
    expect(hub.since('old-thread', firstLive)).toEqual([]);
  });
});
