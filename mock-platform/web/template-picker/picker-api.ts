import type { TemplateView } from '../../../shared/api/schemas.ts';
import type { Refusal } from '../../../shared/errors/describe-failure.ts';

/** Why a call failed: the platform's refusal (worded by shared/errors), or an expired token. */
export class PickerFailure extends Error {
  constructor(
    readonly refusal: Refusal | undefined,
    readonly expired = false,
  ) {
    super(refusal?.message ?? (expired ? 'expired' : 'failed'));
    this.name = 'PickerFailure';
  }
}

type PlatformError = { code?: unknown; message?: unknown; issues?: { path: string; message: string }[] };

/** The platform's JSON error as the side panel's describer reads it (the first issue names the field). */
function refusalOf(error: PlatformError | undefined): Refusal | undefined {
  if (typeof error?.code !== 'string') return undefined;
  const issue = error.issues?.[0];
  return {
    code: error.code,
    message: typeof error.message === 'string' ? error.message : '',
    ...(issue ? { issue } : {}),
  };
}

/**
 * The picker's calls, with the token the panel put in the URL fragment: it acts for one agent in
 * one conversation. `fetch` is injected so tests answer without a server.
 */
export function pickerApi(conversationId: string, token: string, fetch: typeof globalThis.fetch = globalThis.fetch) {
  async function call<T>(path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`/components/api/conversations/${encodeURIComponent(conversationId)}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new PickerFailure({ code: 'unreachable', message: '' });
    }
    const json = (await response.json().catch(() => ({}))) as { error?: PlatformError };
    if (response.status === 401) throw new PickerFailure(undefined, true);
    if (!response.ok) throw new PickerFailure(refusalOf(json.error));
    return json as T;
  }
  return {
    templates: () => call<TemplateView[]>('/templates'),
    send: (template: TemplateView, parameters: string[]) =>
      call<unknown>('/template', { name: template.name, language: template.language, parameters }),
  };
}

export type PickerApi = ReturnType<typeof pickerApi>;
