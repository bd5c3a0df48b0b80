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
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new PlatformError(0, 'unreachable', `The platform at ${baseUrl} cannot be reached`);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(json);
    if (parsed.success) {
      const { code, message, issues } = parsed.data.error;
      throw new PlatformError(response.status, code, message, issues);
    }
    throw new PlatformError(response.status, 'http_error', `The platform answered HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new PlatformError(response.status, 'bad_response', `Unexpected answer from ${path}`);
  return parsed.data;
}

/** Fetches a binary resource (a customer's photo) with the session's token. */
export async function requestBlob(
  baseUrl: string,
  path: string,
  { token, fetch = globalThis.fetch }: { token: string; fetch?: FetchLike },
): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new PlatformError(0, 'unreachable', `The platform at ${baseUrl} cannot be reached`);
  }
  if (!response.ok)
    throw new PlatformError(response.status, 'http_error', `The platform answered HTTP ${response.status}`);
  return response.blob();
}
