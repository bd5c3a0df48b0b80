import { createParser } from 'eventsource-parser';
import { type AgentEventName, type AgentEvents, agentEventSchemas } from '../../shared/api/schemas.ts';
import type { FetchLike } from './api-client.ts';

export type AgentEvent = { [K in AgentEventName]: { event: K; data: AgentEvents[K] } }[AgentEventName];

/**
 * Splits a server-sent-events text stream into (event, data) frames, fed chunk by chunk, with
 * eventsource-parser (the WHATWG rules: a CRLF split across two chunks, BOMs, `retry`). The hand
 * parser it replaces read a split CRLF as a blank line and lost that event's name.
 */
export class SseParser {
  #frames: { event: string; data: string; id?: string }[] = [];
  readonly #parser = createParser({
    onEvent: ({ event, data, id }) => this.#frames.push({ event: event ?? 'message', data, ...(id ? { id } : {}) }),
  });

  push(chunk: string): { event: string; data: string; id?: string }[] {
    this.#parser.feed(chunk);
    const frames = this.#frames;
    this.#frames = [];
    return frames;
  }
}

/** Validates one frame against the shared event map; unknown or malformed frames are dropped. */
export function parseAgentEvent(frame: { event: string; data: string }): AgentEvent | undefined {
  if (!(frame.event in agentEventSchemas)) return undefined;
  const schema = agentEventSchemas[frame.event as AgentEventName];
  let json: unknown;
  try {
    json = JSON.parse(frame.data);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? ({ event: frame.event, data: parsed.data } as AgentEvent) : undefined;
}

export interface AgentStreamOptions {
  url: string;
  token: string;
  onEvent: (event: AgentEvent) => void;
  /** Connection state for the UI; `error` carries the HTTP status (401: signed out). */
  onStatus: (status: { connected: boolean; httpStatus?: number }) => void;
  signal: AbortSignal;
  fetch?: FetchLike;
  retryDelays?: readonly number[];
}

/**
 * Keeps the agent's event stream open: fetch-based (EventSource cannot send the bearer token),
 * reconnecting with back-off; each reconnect replays state, so nothing is missed. Stops for good
 * on 401 or when `signal` aborts.
 */
export async function runAgentStream({
  url,
  token,
  onEvent,
  onStatus,
  signal,
  fetch = globalThis.fetch,
  retryDelays = [500, 1_000, 2_000, 5_000, 10_000],
}: AgentStreamOptions): Promise<void> {
  // Sent back on reconnect so the platform replays what was missed in between.
  let lastEventId: string | undefined;
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const response = await fetch(url, { headers, signal });
      if (response.status === 401) {
        onStatus({ connected: false, httpStatus: 401 });
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      attempt = 0;
      onStatus({ connected: true });
      const parser = new SseParser();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const frame of parser.push(value)) {
          if (frame.id) lastEventId = frame.id;
          const event = parseAgentEvent(frame);
          if (event) onEvent(event);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      console.warn('[loro] event stream interrupted:', (error as Error).message);
    }
    onStatus({ connected: false });
    const delay = retryDelays[Math.min(attempt, retryDelays.length - 1)] ?? 1_000;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
