import { describe, expect, it } from 'vitest';
import { EventHub } from './event-hub.ts';

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
});
