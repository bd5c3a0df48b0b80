import { Hono } from 'hono';
import { type SSEMessage, streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { type Every, type NextMessage, type SseLoop, sseLoop } from './sse-stream.ts';

/** A keep-alive timer the test fires by hand; `stopped` says whether the loop cleared it. */
function manualTimer() {
  const timer = { fire: () => {}, ms: 0, stopped: false };
  const every: Every = (run, ms) => {
    timer.fire = run;
    timer.ms = ms;
    return () => {
      timer.stopped = true;
    };
  };
  return { timer, every };
}

/** Serves one SSE response whose loop is driven by `next`; hands the loop back to the test. */
async function open(next: (loop: SseLoop) => NextMessage, every: Every) {
  let loop!: SseLoop;
  let ready!: () => void;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  let ended!: () => void;
  const finished = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const app = new Hono().get('/', (c) =>
    streamSSE(c, async (stream) => {
      loop = sseLoop(stream, { keepAliveMs: 1234, every });
      ready();
      await loop.run(() => next(loop));
      ended();
    }),
  );
  const response = await app.request('/');
  await started;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  /** Reads until the text so far satisfies `done`. */
  const until = async (done: (text: string) => boolean) => {
    while (!done(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text;
  };
  return { loop: () => loop, until, reader, finished };
}

describe('sseLoop: the write loop of the event streams', () => {
  it('writes queued messages in order, waits for wake(), sends keep-alives and ends on "end"', async () => {
    const { timer, every } = manualTimer();
    const queue: (SSEMessage | 'end')[] = [
      { event: 'hello', data: '{}' },
      { event: 'offer', data: '1', id: 'b.1' },
    ];
    const s = await open(() => queue.shift(), every);
    expect(await s.until((t) => t.includes('id: b.1'))).toBe(
      'event: hello\ndata: {}\n\nevent: offer\ndata: 1\nid: b.1\n\n',
    );
    expect(timer.ms).toBe(1234);

    timer.fire();
    expect(await s.until((t) => t.includes(': keep-alive'))).toMatch(/: keep-alive\n\n$/);

    queue.push({ event: 'later', data: '2' });
    s.loop().wake();
    expect(await s.until((t) => t.includes('event: later'))).toMatch(/event: later\ndata: 2\n\n$/);

    queue.push('end');
    s.loop().wake();
    await s.finished;
    expect(s.loop().signal.aborted).toBe(true);
    expect(timer.stopped).toBe(true);
  });

  it('ends when the route closes it (revoked access), even while waiting', async () => {
    const { timer, every } = manualTimer();
    const s = await open(() => undefined, every);
    expect(s.loop().signal.aborted).toBe(false);
    s.loop().close();
    await s.finished;
    expect(s.loop().signal.aborted).toBe(true);
    expect(timer.stopped).toBe(true);
  });

  it('ends when the client goes away, and aborts its signal for the route to clean up', async () => {
    const { timer, every } = manualTimer();
    const s = await open(() => undefined, every);
    const aborted = new Promise<void>((resolve) => s.loop().signal.addEventListener('abort', () => resolve()));
    await s.reader.cancel();
    await aborted;
    await s.finished;
    expect(timer.stopped).toBe(true);
  });
});
