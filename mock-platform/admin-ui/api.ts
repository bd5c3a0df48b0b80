/** The admin UI's one way to the platform's HTTP API: bearer token from this tab's sessionStorage. */

const TOKEN = 'loro.admin.token';
const NAME = 'loro.admin.name';
const ROLE = 'loro.admin.role';

import { describeRule, type Rule } from '../../shared/api/validation-rules.ts';
import { language } from './i18n.ts';
import { issueWords } from './issue-words.ts';

export type Issue = { path: string; message: string; rule?: Rule };

/**
 * A refused field's message in the UI's language: the rule's own words, else the platform's check
 * said again in that language (issue-words.ts), else the platform's.
 */
export const issueText = (issue: Issue): string =>
  issue.rule && language() === 'es'
    ? describeRule(issue.rule, 'es')
    : (issueWords(issue.message, language()) ?? issue.message);

/** A refusal from the API, with the fields it names (shown next to each field). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }

  /** Field path → message, for forms. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.issues.map((issue) => [issue.path, issueText(issue)]));
  }
}

const listeners = new Set<() => void>();
/** Called when the session ends (401): the app shows the sign-in form. */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  name: () => sessionStorage.getItem(NAME) ?? '',
  /** `admin` or `supervisor`: which pages the menu offers (the platform enforces it anyway). */
  role: () => (sessionStorage.getItem(ROLE) === 'supervisor' ? 'supervisor' : 'admin'),
  start(token: string, name: string, role: string) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(NAME, name);
    sessionStorage.setItem(ROLE, role);
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(NAME);
    sessionStorage.removeItem(ROLE);
  },
};

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await request<T>(path, options)).data;
}

/** A page of a list and the cursor of the next one (the `X-Next-Cursor` header; undefined: the last page). */
export async function apiPage<T>(path: string): Promise<{ data: T; next: string | undefined }> {
  return request<T>(path);
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  /** The version the change is based on (sent as If-Match): the platform refuses it if the row changed since. */
  version?: number | undefined;
}

async function request<T>(
  path: string,
  { method = 'GET', body, version }: RequestOptions = {},
): Promise<{ data: T; next: string | undefined }> {
  const token = session.token();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(version !== undefined ? { 'if-match': `"${version}"` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiFailure(0, 'unreachable', 'The platform cannot be reached: check your connection and try again.');
  }
  const json = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; issues?: Issue[] };
  };
  if (response.status === 401 && token) {
    session.clear();
    for (const listener of listeners) listener();
  }
  if (!response.ok) {
    throw new ApiFailure(
      response.status,
      json.error?.code ?? 'http_error',
      json.error?.message ?? `HTTP ${response.status}`,
      json.error?.issues ?? [],
    );
  }
  return { data: json as T, next: response.headers.get('x-next-cursor') ?? undefined };
}

/**
 * Reads a server-sent event stream with the session's token (EventSource cannot send headers),
 * calling `onEvent` per event until `signal` aborts. Rejects when the stream ends or fails, so
 * the caller reconnects; a 401 signs the UI out.
 */
export async function readEvents(
  path: string,
  onEvent: (event: string, data: unknown) => void,
  signal: AbortSignal,
): Promise<void> {
  const token = session.token();
  const response = await fetch(path, {
    headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal,
  });
  if (response.status === 401 && token) {
    session.clear();
    for (const listener of listeners) listener();
  }
  if (!response.ok || !response.body) throw new ApiFailure(response.status, 'stream_failed', `HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new ApiFailure(0, 'stream_ended', 'The live connection ended');
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const event = /^event: ?(.*)$/m.exec(frame)?.[1];
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.replace(/^data: ?/, ''))
        .join('\n');
      if (event && data) onEvent(event, JSON.parse(data));
    }
  }
}

/** A file the platform serves (a CSV export), as text, with the session's token. */
export async function apiText(path: string): Promise<string> {
  const token = session.token();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiFailure(response.status, 'http_error', `HTTP ${response.status}`);
  return response.text();
}
