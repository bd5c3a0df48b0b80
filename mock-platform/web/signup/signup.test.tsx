// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { signupLanguage, signupWords } from './i18n.ts';
import { Signup } from './signup.tsx';
import { signupApi } from './signup-api.ts';
import { readSignupData } from './signup-data.ts';

afterEach(cleanup);

const CATEGORIES = ['RETAIL', 'AUTO', 'OTHER'];
const profiles = [
  { id: 'p1', verifiedName: 'Loro Demo Store', phoneNumber: '+16145551234', state: 'connected' },
  { id: 'p2', verifiedName: 'Loro Madrid', phoneNumber: '+34910123456', state: 'unverified' },
];
type Answer = () => Response;
const refused =
  (status: number, error: unknown): Answer =>
  () =>
    Response.json({ error }, { status });

/** The simulator as the page sees it: answers by path (the first unanswered one of a list each time), and what it was sent. */
function simulator(overrides: Record<string, Answer | Answer[]> = {}) {
  const answers: Record<string, Answer | Answer[]> = {
    'signup/accounts': () => Response.json([{ id: 'waba-1', name: 'Loro Demo' }]),
    'signup/business': () => Response.json({ wabaId: 'waba-1', name: 'Loro Demo' }),
    'signup/profiles': () => Response.json(profiles),
    'signup/number': () => Response.json({ phoneNumberId: 'pn-9', phoneNumber: '+34960123456' }),
    outbox: () => Response.json([{ text: 'Your WhatsApp code is 019-878' }]),
    'signup/verify': () => Response.json({ status: 'PENDING', approvesAt: Date.UTC(2026, 11, 2, 16, 30) }),
    ...overrides,
  };
  const calls: { path: string; body?: unknown }[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = String(url).replace('/simulator/api/', '');
    calls.push({ path, ...(init?.body ? { body: JSON.parse(String(init.body)) } : {}) });
    const key = Object.keys(answers).find((k) => path.split('?')[0] === k);
    const answer = key ? answers[key] : undefined;
    const next = Array.isArray(answer) ? answer.shift() : answer;
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  };
  return { api: signupApi(fetch as typeof globalThis.fetch), calls };
}

const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));
const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });

/** Opens the page and walks to the profile and number step with the first account selected. */
async function toNumberStep(language: 'en' | 'es', overrides?: Parameters<typeof simulator>[0]) {
  const sim = simulator(overrides);
  render(<Signup api={sim.api} words={signupWords(language)} categories={CATEGORIES} />);
  click('signup-continue');
  click('signup-accept');
  await waitFor(() => expect(screen.getByTestId('waba').querySelectorAll('option')).toHaveLength(1));
  click('business-next');
  await screen.findByTestId('existing-profile');
  return sim.calls;
}

describe('the simulated WhatsApp signup page', () => {
  it('registers a new number: business, profile and number by SMS, the code from the outbox, then back to Loro with the account', async () => {
    const calls = await toNumberStep('en');
    expect(calls.find((c) => c.path === 'signup/business')?.body).toEqual({ wabaId: 'waba-1' });
    // Categories by name, in the language's alphabetical order, sent as Meta's codes.
    const options = [...screen.getByTestId('category').querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['', 'Choose…'],
      ['AUTO', 'Automotive'],
      ['OTHER', 'Other'],
      ['RETAIL', 'Shopping and retail'],
    ]);
    type('display-name', 'Loro Valencia');
    fireEvent.change(screen.getByTestId('category'), { target: { value: 'RETAIL' } });
    type('phone', '+34 960 123 456');
    click('send-code');
    await waitFor(() => expect(screen.getByTestId('outbox').textContent).toContain('019-878'));
    expect(calls.find((c) => c.path === 'signup/number')?.body).toEqual({
      wabaId: 'waba-1',
      phoneNumber: '+34 960 123 456',
      displayName: 'Loro Valencia',
      category: 'RETAIL',
      method: 'SMS',
    });
    expect(screen.getByTestId('code-hint').textContent).toBe('We sent a 6-digit code to +34960123456 by text message.');
    type('code', ' 019-878 ');
    click('verify');
    await screen.findByTestId('signup-done');
    expect(calls.find((c) => c.path === 'signup/verify')?.body).toEqual({ phoneNumberId: 'pn-9', code: '019-878' });
    expect(screen.getByTestId('signup-done').textContent).toMatch(
      /^\+34960123456 is registered\. WhatsApp is reviewing it \(pending\); it will be approved by .+\. Then create its channel in Loro\.$/,
    );
    expect(screen.getByTestId('back-to-loro').closest('a')?.getAttribute('href')).toBe(
      '/admin?connectWaba=waba-1#/whatsapp',
    );
    expect(document.querySelectorAll('[data-testid="steps"] span.done')).toHaveLength(5);
  });

  it('finishes with a connected profile at once, and fills in an unverified one to send it a code', async () => {
    await toNumberStep('en');
    fireEvent.change(screen.getByTestId('existing-profile'), { target: { value: 'p2' } });
    click('use-existing');
    expect(screen.getByTestId('existing-note').textContent).toBe(
      'Loro Madrid · +34910123456 is not verified yet: send it a code below and enter it to finish. Until then it cannot become a channel.',
    );
    expect((screen.getByTestId('display-name') as HTMLInputElement).value).toBe('Loro Madrid');
    expect((screen.getByTestId('phone') as HTMLInputElement).value).toBe('+34910123456');
    fireEvent.change(screen.getByTestId('existing-profile'), { target: { value: 'p1' } });
    click('use-existing');
    expect((await screen.findByTestId('signup-done')).textContent).toBe(
      'Loro Demo Store · +16145551234 is connected to this account: nothing else to do. Create its channel in Loro if it has none.',
    );
  });

  it('creates an account from the business details, and shows its refusal', async () => {
    const sim = simulator({
      'signup/business': [
        refused(400, { code: 'invalid', message: 'country: use a two-letter code' }),
        () => Response.json({ wabaId: 'waba-2', name: 'Nueva' }),
      ],
      'signup/profiles': () => Response.json([]),
    });
    render(<Signup api={sim.api} words={signupWords('en')} categories={CATEGORIES} />);
    click('signup-continue');
    click('signup-accept');
    await screen.findByTestId('waba-create-mode');
    click('waba-create-mode');
    expect((screen.getByTestId('waba') as HTMLSelectElement).disabled).toBe(true);
    type('business-manager-id', '123456789012345');
    type('business-name', 'Nueva');
    type('business-time-zone', ' Europe/Madrid ');
    type('business-email', 'ventas@example.com');
    type('business-website', 'https://nueva.example');
    type('business-country', 'e');
    click('business-next');
    await waitFor(() =>
      expect(screen.getByTestId('business-error').textContent).toBe('country: use a two-letter code'),
    );
    type('business-country', 'es');
    click('business-next');
    await screen.findByTestId('display-name');
    expect(sim.calls.filter((c) => c.path === 'signup/business').at(-1)?.body).toEqual({
      businessManagerId: '123456789012345',
      timeZone: 'Europe/Madrid',
      email: 'ventas@example.com',
      name: 'Nueva',
      website: 'https://nueva.example',
      country: 'ES',
    });
    // No existing profiles: nothing to select.
    expect(screen.queryByTestId('existing-profile')).toBeNull();
  });

  it('shows a refused field under its input, a refusal naming none under the first, and a lockout on resending under the code', async () => {
    await toNumberStep('en', {
      'signup/number': [
        refused(400, {
          code: 'invalid',
          message: 'Invalid',
          issues: [{ path: 'phoneNumber', message: 'enter it in international format' }],
        }),
        refused(400, { code: 'invalid', message: 'This account has too many numbers' }),
        () => Response.json({ phoneNumberId: 'pn-9', phoneNumber: '+34960123456' }),
        refused(429, { code: 'rate_limited', message: 'Too many codes: try again in an hour' }),
      ],
    });
    click('send-code');
    await waitFor(() => expect(screen.getByTestId('phone-error').textContent).toBe('enter it in international format'));
    click('send-code');
    await waitFor(() =>
      expect(document.querySelector('[data-error="displayName"]')?.textContent).toBe(
        'This account has too many numbers',
      ),
    );
    expect(screen.getByTestId('phone-error').textContent).toBe('');
    click('method-voice');
    click('send-code');
    await waitFor(() => expect(screen.getByTestId('code-hint').textContent).toContain('by phone call'));
    click('resend-code');
    await waitFor(() =>
      expect(screen.getByTestId('code-error').textContent).toBe('Too many codes: try again in an hour'),
    );
  });

  it('speaks Spanish throughout when the admin UI does', async () => {
    await toNumberStep('es');
    expect(screen.getByTestId('send-code').textContent).toBe('Enviar código');
    const names = [...screen.getByTestId('category').querySelectorAll('option')].map((o) => o.textContent);
    expect(names).toEqual(['Elija…', 'Automoción', 'Compras y comercio minorista', 'Otra']);
    click('use-existing');
    expect((await screen.findByTestId('signup-done')).textContent).toContain('está conectado a esta cuenta');
    expect(screen.getByTestId('back-to-loro').textContent).toBe('Volver a Loro');
  });

  it.each([
    ['es', 'en-US', 'es'],
    ['en', 'es-ES', 'en'],
    [null, 'es-419', 'es'],
    [null, 'fr-FR', 'en'],
    ['de', undefined, 'en'],
  ] as const)(
    'takes the admin UI’s choice (%s) before the browser’s language (%s) → %s',
    (stored, browser, language) => {
      expect(signupLanguage(stored, browser)).toBe(language);
    },
  );

  it('reads the category codes the server put in the page, and none from a page without them', () => {
    document.body.innerHTML =
      '<script type="application/json" id="page-data">{"categories":["AUTO","RETAIL"]}</script>';
    expect(readSignupData(document)).toEqual({ categories: ['AUTO', 'RETAIL'] });
    document.body.innerHTML = '<script type="application/json" id="page-data">{"categories":[1]}</script>';
    expect(readSignupData(document)).toEqual({ categories: [] });
    document.body.innerHTML = '';
    expect(readSignupData(document)).toEqual({ categories: [] });
  });
});
