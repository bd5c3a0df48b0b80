import { describe, expect, it } from 'vitest';
import { parseAgentEvent, runAgentStream, SseParser } from './event-stream.ts';

describe('SseParser', () => {
  it('joins frames split across chunks and skips comments', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nevent: hello\nda')).toEqual([]);
    expect(parser.push('ta: {"agentId":"a1"}\n\nevent: x\r\nid: b.7\r\ndata: 1\r\ndata: 2\r\n\r\n')).toEqual([
      { event: 'hello', data: '{"agentId":"a1"}' },
      { event: 'x', data: '1\n2', id: 'b.7' },
    ]);
  });

  it('keeps the event name when a CRLF is split between two chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: offer\r')).toEqual([]);
    expect(parser.push('\ndata: {"id":"o1"}\r\n\r\n')).toEqual([{ event: 'offer', data: '{"id":"o1"}' }]);
  });
});

describe('parseAgentEvent', () => {
  it('accepts a known event with a valid payload only', () => {
    expect(parseAgentEvent({ event: 'agent.state', data: '{"state":"available","since":1}' })).toEqual({
      event: 'agent.state',
      data: { state: 'available', since: 1 },
    });
    expect(parseAgentEvent({ event: 'agent.state', data: '{"state":"dancing","since":1}' })).toBeUndefined();
    expect(parseAgentEvent({ event: 'unknown', data: '{}' })).toBeUndefined();
    expect(parseAgentEvent({ event: 'hello', data: 'not json' })).toBeUndefined();
  });
});

describe('runAgentStream', () => {
  it('delivers parsed events and stops for good on 401', async () => {
    const events: unknown[] = [];
    const statuses: unknown[] = [];
    let calls = 0;
    await runAgentStream({
      url: 'http://p.test/api/agent/events',
      token: 't',
      signal: new AbortController().signal,
      retryDelays: [0],
      onEvent: (event) => events.push(event.event),
      onStatus: (status) => statuses.push(status),
      fetch: async () => {
        calls++;
        if (calls === 1) return new Response('event: hello\ndata: {"agentId":"a"}\n\n');
        return new Response('{}', { status: 401 });
      },
    });
    expect(events).toEqual(['hello']);
    expect(statuses).toEqual([{ connected: true }, { connected: false }, { connected: false, httpStatus: 401 }]);
  });

  it('sends the last event id it saw when it reconnects', async () => {
    const sent: (string | null)[] = [];
    let calls = 0;
    const stop = new AbortController();
    await runAgentStream({
      url: 'http://p.test/api/agent/events',
      token: 't',
      signal: stop.signal,
      retryDelays: [0],
      onEvent: () => undefined,
      onStatus: () => undefined,
      fetch: async (_url, init) => {
        calls++;
        sent.push(new Headers(init?.headers).get('last-event-id'));
        if (calls === 1) return new Response('event: hello\nid: boot.41\ndata: {"agentId":"a"}\n\n');
        stop.abort();
        return new Response('{}', { status: 401 });
      },
    });
    expect(sent).toEqual([null, 'boot.41']);
  });
});
