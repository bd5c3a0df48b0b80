/** A field the platform refused, as its JSON error names it. */
export interface Issue {
  path: string;
  message: string;
}

/** The platform's refusal of a step: its message, and the fields it names (if any). */
export class SignupRefusal extends Error {
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = 'SignupRefusal';
  }
}

export type ProfileState = 'connected' | 'pending' | 'unverified';
export interface Profile {
  id: string;
  verifiedName: string;
  phoneNumber: string;
  state: ProfileState;
}
export type BusinessDetails =
  | { wabaId: string }
  | {
      businessManagerId: string;
      timeZone: string;
      email: string;
      name: string;
      website: string;
      country: string;
      address?: string;
    };
export interface NumberSignup {
  wabaId: string;
  phoneNumber: string;
  displayName: string;
  category?: string | undefined;
  description?: string;
  website?: string;
  logo?: { data: string; mimeType: string };
  method: 'SMS' | 'VOICE';
}

/**
 * The simulated signup's calls (`onboarding-routes.ts`), under `/simulator`, which the simulator
 * key guards by cookie when set. `fetch` is injected so tests answer without a server.
 */
export function signupApi(fetch: typeof globalThis.fetch = globalThis.fetch) {
  async function call<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`/simulator/api/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = (json as { error?: { message?: unknown; issues?: Issue[] } }).error;
      throw new SignupRefusal(
        typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
        error?.issues ?? [],
      );
    }
    return json as T;
  }
  return {
    accounts: () => call<{ id: string; name: string }[]>('signup/accounts'),
    business: (details: BusinessDetails) => call<{ wabaId: string; name: string }>('signup/business', details),
    profiles: (wabaId: string) => call<Profile[]>(`signup/profiles?wabaId=${encodeURIComponent(wabaId)}`),
    number: (signup: NumberSignup) => call<{ phoneNumberId: string; phoneNumber: string }>('signup/number', signup),
    verify: (phoneNumberId: string, code: string) =>
      call<{ approvesAt: number }>('signup/verify', { phoneNumberId, code }),
    outbox: (phoneNumberId: string) =>
      call<{ text: string }[]>(`outbox?phoneNumberId=${encodeURIComponent(phoneNumberId)}`),
  };
}

export type SignupApi = ReturnType<typeof signupApi>;
