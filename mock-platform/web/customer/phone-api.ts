/** A message as the simulator's API and event stream give it (`simMessageSchema`). */
export interface PhoneMessage {
  id: string;
  thread: string;
  direction: 'inbound' | 'outbound';
  type: string;
  text: string;
  timestamp: number;
  status?: string | undefined;
  replyTo?: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the Cloud API's payload of the message's type, read defensively
  payload?: any;
}

export interface BusinessNumber {
  id: string;
  verifiedName: string;
  phoneNumber: string;
  onWhatsApp: boolean;
}

/** What the simulator answered: the value, or its refusal's message. */
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

/** The part of an `EventSource` the page uses. */
export interface PhoneEvents {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
}

export interface PhoneApi {
  numbers(): Promise<BusinessNumber[]>;
  thread(business: string, customer: string): Promise<Answer<PhoneMessage[]>>;
  typing(business: string, customer: string): Promise<boolean>;
  send(body: Record<string, unknown>): Promise<Answer<PhoneMessage>>;
  consent(body: { phoneNumberId: string; from: string; optIn: boolean }): Promise<Answer<unknown>>;
  markRead(business: string, customer: string): Promise<void>;
  events(): PhoneEvents;
}

/** The customer simulator's API (`/simulator/api/*`, same origin) over `fetch`. */
export function phoneApi(
  fetchFn: typeof fetch = (...args) => fetch(...args),
  openEvents: (url: string) => PhoneEvents = (url) => new EventSource(url),
): PhoneApi {
  const threadUrl = (business: string, customer: string) =>
    `/simulator/api/threads/${encodeURIComponent(business)}/${encodeURIComponent(customer)}`;
  const answer = async <T>(res: Response): Promise<Answer<T>> => {
    const body = await res.json().catch(() => ({}));
    return res.ok ? { ok: true, value: body as T } : { ok: false, message: String(body?.error?.message ?? res.status) };
  };
  const post = (url: string, body: unknown) =>
    fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    numbers: async () => (await fetchFn('/simulator/api/numbers')).json(),
    thread: async (business, customer) => answer(await fetchFn(`${threadUrl(business, customer)}/messages`)),
    typing: async (business, customer) => {
      const state = await (await fetchFn(`${threadUrl(business, customer)}/typing`)).json().catch(() => ({}));
      return state?.typing === true;
    },
    send: async (body) => answer(await post('/simulator/api/messages', body)),
    consent: async (body) => answer(await post('/simulator/api/consent', body)),
    markRead: async (business, customer) => {
      await fetchFn(`${threadUrl(business, customer)}/read`, { method: 'POST' });
    },
    events: () => openEvents('/simulator/api/events'),
  };
}
