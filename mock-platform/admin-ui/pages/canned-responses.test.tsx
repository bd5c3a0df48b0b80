// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n.ts';
import type { CannedResponse } from '../types.ts';
import { CannedResponsesPage } from './canned-responses.tsx';

const channels = [
  { id: 'ch_1', name: 'Ventas', phoneNumber: '+34 960 000 001' },
  { id: 'ch_2', name: 'Soporte', phoneNumber: '+34 960 000 002' },
];
const hello: CannedResponse & { version: number } = {
  id: 'canned_1',
  name: 'Greeting',
  shortcut: 'hello',
  text: 'Hello {{customer.firstName}}',
  language: 'en',
  allChannels: true,
  channelIds: [],
  version: 3,
};

type Call = { method: string; path: string; body: unknown; ifMatch: string | null };

/** A platform that answers the page's few requests and records them. */
function fakePlatform(answer: (call: Call) => { status: number; body: unknown } | undefined = () => undefined) {
  const calls: Call[] = [];
  const rows = [hello];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const call: Call = {
      method: init.method ?? 'GET',
      path,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      ifMatch: headers.get('if-match'),
    };
    calls.push(call);
    const given = answer(call);
    const reply = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (given) return reply(given.status, given.body);
    if (path === '/api/admin/channels') return reply(200, { channels, templateSettingsUrl: 'http://x/' });
    // The list is asked one page at a time (`?limit=25`, list-state.ts).
    if (path === '/api/admin/canned-responses?limit=25' && call.method === 'GET') return reply(200, rows);
    if (path === '/api/admin/canned-responses' && call.method === 'POST')
      return reply(201, { id: 'canned_2', version: 1, ...(call.body as object) });
    return reply(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return calls;
}

const field = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;
const type = (testid: string, value: string) => fireEvent.input(field(testid), { target: { value } });
const writes = (calls: Call[]) => calls.filter((call) => call.method !== 'GET');

beforeEach(() => setLanguage('en'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Canned responses page', () => {
  it('lists responses and creates one with a variable inserted from the help, for chosen channels', async () => {
    const calls = fakePlatform();
    render(<CannedResponsesPage />);
    await screen.findByTestId('row-canned_1');
    expect(screen.getByTestId('row-canned_1').textContent).toContain('/hello');
    expect(screen.getByTestId('row-canned_1').textContent).toContain('All channels');

    fireEvent.click(screen.getByTestId('add'));
    const help = screen.getByTestId('variables');
    expect([...help.querySelectorAll('code')].map((code) => code.textContent)).toEqual([
      '{{customer.name}}',
      '{{customer.firstName}}',
      '{{customer.number}}',
      '{{agent.name}}',
      '{{agent.firstName}}',
      '{{channel.name}}',
    ]);
    type('field-name', 'Saludo');
    type('field-shortcut', 'saludo');
    fireEvent.change(field('field-language'), { target: { value: 'es' } });
    type('field-text', 'Hola , soy {{agent.firstName}}.');
    field('field-text').setSelectionRange(5, 5);
    fireEvent.click(screen.getByTestId('insert-customer.firstName'));
    expect(field('field-text').value).toBe('Hola {{customer.firstName}}, soy {{agent.firstName}}.');
    fireEvent.click(screen.getByTestId('field-allChannels'));
    fireEvent.click(screen.getByTestId('channelIds-ch_2'));
    fireEvent.click(screen.getByTestId('save'));

    await screen.findByTestId('notice');
    expect(writes(calls)).toEqual([
      {
        method: 'POST',
        path: '/api/admin/canned-responses',
        ifMatch: null,
        body: {
          name: 'Saludo',
          shortcut: 'saludo',
          text: 'Hola {{customer.firstName}}, soy {{agent.firstName}}.',
          language: 'es',
          allChannels: false,
          channelIds: ['ch_2'],
        },
      },
    ]);
  });

  it.each([
    ['en', 'Hola!', 'use 1 to 32 lowercase letters, digits, _ or -, starting with a letter or digit, without the /'],
    ['es', '/saludo', 'use de 1 a 32 minúsculas, dígitos, _ o -, empezando por una letra o un dígito, sin la /'],
    ['es', 'hello', '/hello ya es el atajo de «Greeting» en este idioma'],
  ] as const)(
    'in %s, shortcut %j is refused next to its field, in plain words, before saving',
    async (lang, shortcut, message) => {
      setLanguage(lang);
      const calls = fakePlatform();
      render(<CannedResponsesPage />);
      await screen.findByTestId('row-canned_1');
      fireEvent.click(screen.getByTestId('add'));
      type('field-name', 'Greeting 2');
      fireEvent.change(field('field-language'), { target: { value: 'en' } });
      type('field-shortcut', shortcut);
      type('field-text', 'Hi {{customer.nombre}}');
      fireEvent.click(screen.getByTestId('field-allChannels'));
      fireEvent.click(screen.getByTestId('save'));

      expect((await screen.findByTestId('error-shortcut')).textContent).toBe(message);
      expect(screen.getByTestId('error-text').textContent).toBe(
        lang === 'es'
          ? '{{customer.nombre}} no es una variable: use una de la lista de abajo'
          : '{{customer.nombre}} is not a variable: use one of the list below',
      );
      expect(screen.getByTestId('error-channelIds').textContent).toBe(
        lang === 'es'
          ? 'marque al menos un canal, o «Para todos los canales»'
          : 'tick at least one channel, or “For all channels”',
      );
      expect(writes(calls)).toEqual([]);
    },
  );

  it('shows what another administrator changed when the version is stale, and reloads theirs', async () => {
    const calls = fakePlatform((call) => {
      if (call.method === 'PUT')
        return {
          status: 412,
          body: {
            error: {
              code: 'version_conflict',
              message: 'Changed meanwhile',
              issues: [{ path: 'version', message: 'Alex Admin at 10:02: Changed canned response Greeting' }],
            },
          },
        };
      if (call.path === '/api/admin/canned-responses/canned_1')
        return { status: 200, body: { ...hello, text: 'Hi there', version: 4 } };
      return undefined;
    });
    render(<CannedResponsesPage />);
    await screen.findByTestId('row-canned_1');
    fireEvent.click(screen.getByTestId('edit'));
    type('field-text', 'Hello again');
    fireEvent.click(screen.getByTestId('save'));

    expect((await screen.findByTestId('conflict')).textContent).toContain(
      'Alex Admin at 10:02: Changed canned response Greeting',
    );
    expect(writes(calls)).toMatchObject([
      { method: 'PUT', path: '/api/admin/canned-responses/canned_1', ifMatch: '"3"' },
    ]);
    fireEvent.click(screen.getByTestId('conflict-reload'));
    await waitFor(() => expect(field('field-text').value).toBe('Hi there'));
  });
});
