import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';

/** Parses the SSE text into (event, id, data) triples. */
function frames(text: string) {
  return text
    .split('\n\n')
    .filter((frame) => frame.includes('data:'))
    .map((frame) => {
      const field = (name: string) => frame.match(new RegExp(`^${name}: ?(.*)$`, 'm'))?.[1];
      return { event: field('event'), id: field('id'), data: JSON.parse(field('data') ?? 'null') };
    });
}

describe('the agent event stream (BY-5)', () => {
  it('replays what was missed after Last-Event-ID, and asks for a resync when it cannot', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('first');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });

    const first = await t.listen(ana);
    await t.customerSays('second');
    await first.until((text) => text.includes('"second"'));
    await first.stop();
    const seen = frames(first.text());
    expect(seen.slice(0, 3).map((f) => [f.event, f.id])).toEqual([
      ['hello', undefined],
      ['agent.state', undefined],
      ['conversation.updated', undefined],
    ]);
    const live = seen.filter((f) => f.id);
    expect(live.map((f) => f.event)).toContain('message');
    const lastId = live.at(-1)?.id ?? '';

    // While disconnected, the customer writes again.
    await t.customerSays('third, while you were away');
    const resumed = await t.listen(ana, { 'last-event-id': lastId });
    await resumed.until((text) => text.includes('while you were away'));
    await resumed.stop();
    const replayed = frames(resumed.text()).filter((f) => f.event === 'message');
    expect(replayed.map((f) => f.data.text)).toEqual(['third, while you were away']);

    const unknown = await t.listen(ana, { 'last-event-id': 'previous-boot.12' });
    await unknown.until((text) => text.includes('event: resync'));
    await unknown.stop();
    expect(frames(unknown.text()).map((f) => f.event)).toContain('resync');
  });
});
