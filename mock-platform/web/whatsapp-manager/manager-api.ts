import type { Component } from './template-request.ts';

/** A template as `/simulator/api/templates` lists it (the fields the page shows). */
export interface ListedTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  qualityScore?: string | undefined;
  rejectedReason?: string | undefined;
  components: { type: string; format?: string; text?: string; buttons?: { type: string; text?: string }[] }[];
}

/** A number as `/simulator/api/numbers/{id}` answers (the fields the page shows). */
export interface ListedNumber {
  id: string;
  phoneNumber: string;
  verifiedName: string;
  newDisplayName?: string | undefined;
  newNameStatus?: string | undefined;
  status?: string | undefined;
  qualityRating?: string | undefined;
  messagingLimitTier?: string | undefined;
}

export interface Account {
  id: string;
  name: string;
}

/** The platform's one error shape, as far as the page reads it. */
interface ErrorBody {
  error?: { message?: string; issues?: { path: string; message: string }[] };
}

/** A POST's outcome: its JSON, or the refusal worded with each issue's field (`template.name: …`). */
export type Sent<T> = { ok: true; value: T } | { ok: false; refusal: string | undefined };

function refusal(body: ErrorBody): string | undefined {
  const issues = body.error?.issues;
  if (issues?.length) return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
  return body.error?.message;
}

/** The simulator's WhatsApp Manager API, over `fetch` (injected by tests). */
export function managerApi(fetchImpl: typeof fetch = fetch) {
  const get = async <T>(path: string): Promise<T> => (await fetchImpl(path)).json() as Promise<T>;
  const post = async <T>(path: string, body: unknown): Promise<Sent<T>> => {
    const response = await fetchImpl(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as unknown;
    return response.ok ? { ok: true, value: json as T } : { ok: false, refusal: refusal(json as ErrorBody) };
  };
  const api = '/simulator/api';
  return {
    templates: () => get<ListedTemplate[]>(`${api}/templates`),
    accounts: () => get<Account[]>(`${api}/signup/accounts`),
    /** Every number with its details (status, quality, limit, a pending name). */
    async numbers(): Promise<ListedNumber[]> {
      const numbers = await get<ListedNumber[]>(`${api}/numbers`);
      return Promise.all(
        numbers.map(async (n) => {
          const response = await fetchImpl(`${api}/numbers/${encodeURIComponent(n.id)}`);
          return response.ok ? ((await response.json()) as ListedNumber) : n;
        }),
      );
    },
    createTemplate: (
      wabaId: string,
      template: { name: string; language: string; category: string; components: Component[] },
    ) => post<ListedTemplate>(`${api}/templates`, { wabaId, template }),
    review: (id: string, decision: string, reason?: string) =>
      post<ListedTemplate>(`${api}/templates/${encodeURIComponent(id)}/review`, {
        decision,
        ...(reason ? { reason } : {}),
      }),
    rateTemplate: (id: string, score: string) =>
      post<ListedTemplate>(`${api}/templates/${encodeURIComponent(id)}/quality`, { score }),
    rateNumber: (id: string, flagged: boolean) =>
      post<ListedNumber>(`${api}/numbers/${encodeURIComponent(id)}/quality`, {
        rating: flagged ? 'RED' : 'GREEN',
        flagged,
      }),
    reviewName: (id: string, decision: 'APPROVED' | 'DECLINED') =>
      post<ListedNumber>(`${api}/numbers/${encodeURIComponent(id)}/display-name`, { decision }),
    addTestNumber: (wabaId: string) => post<ListedNumber>(`${api}/test-numbers`, { wabaId }),
  };
}

export type ManagerApi = ReturnType<typeof managerApi>;
