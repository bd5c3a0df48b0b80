import type { ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { ZodType } from 'zod';
import { apiErrorSchema } from '../../shared/api/schemas.ts';

/** A refusal from the platform, with its error code; `status` 0 means it could not be reached. */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  /** The session is gone: the agent has to sign in again. */
  get signedOut(): boolean {
    return this.status === 401;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Calls the platform's JSON API, validating every answer with the shared zod schema. */
export async function request<T>(
  baseUrl: string,
  path: string,
  schema: ZodType<T>,
  {
    method = 'GET',
    token,
    body,
    fetch = globalThis.fetch,
    signal,
  }: {
    method?: string;
    token?: string;
    body?: unknown;
    fetch?: FetchLike;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  const response = await reached(
    baseUrl,
    fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    }),
  );
  return readAnswer(response, schema, path);
}

/** Fetches a binary resource (a customer's photo) with the session's token. */
export async function requestBlob(
  baseUrl: string,
  path: string,
  { token, fetch = globalThis.fetch }: { token: string; fetch?: FetchLike },
): Promise<Blob> {
  const response = await reached(
    baseUrl,
    fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, { headers: { authorization: `Bearer ${token}` } }),
  );
  await refusal(response);
  return response.blob();
}

/** What a typed-client call (`hc<AgentApi>`) answers on success: the JSON its route declares for a 2xx. */
export type Answer<R> =
  R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

/**
 * Awaits a typed-client call and validates its answer with the shared zod schema. TypeScript
 * checks that schema against the route's own answer type, so the two cannot drift apart; the
 * schema still checks what actually arrived (the platform may be another version).
 */
export async function typedAnswer<R extends ClientResponse<unknown, number, string>>(
  baseUrl: string,
  call: Promise<R>,
  schema: ZodType<Answer<R>>,
): Promise<Answer<R>> {
  const response = await reached(baseUrl, call);
  return readAnswer(response, schema, new URL(response.url || baseUrl, baseUrl).pathname);
}

/** Awaits a typed-client call whose answer the caller does not use: only a refusal matters. */
export async function typedDone(
  baseUrl: string,
  call: Promise<ClientResponse<unknown, number, string>>,
): Promise<void> {
  await refusal(await reached(baseUrl, call));
}

/** Awaits a typed-client call that answers a file. */
export async function typedBlob(
  baseUrl: string,
  call: Promise<ClientResponse<unknown, number, string>>,
): Promise<Blob> {
  const response = await reached(baseUrl, call);
  await refusal(response);
  return response.blob();
}

/** The response, or a PlatformError with status 0 when the platform could not be reached. */
async function reached<R>(baseUrl: string, call: Promise<R>): Promise<R> {
  try {
    return await call;
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new PlatformError(0, 'unreachable', `The platform at ${baseUrl} cannot be reached`);
  }
}

/** Throws the platform's refusal (its error shape) as a PlatformError; nothing for a 2xx. */
async function refusal(response: Pick<Response, 'ok' | 'status' | 'json'>): Promise<void> {
  if (response.ok) return;
  const parsed = apiErrorSchema.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    throw new PlatformError(response.status, code, message, issues);
  }
  throw new PlatformError(response.status, 'http_error', `The platform answered HTTP ${response.status}`);
}

async function readAnswer<T>(
  response: Pick<Response, 'ok' | 'status' | 'json'>,
  schema: ZodType<T>,
  path: string,
): Promise<T> {
  await refusal(response);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new PlatformError(response.status, 'bad_response', `Unexpected answer from ${path}`);
  return parsed.data;
}
