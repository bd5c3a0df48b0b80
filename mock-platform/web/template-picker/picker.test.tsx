// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateView } from '../../../shared/api/schemas.ts';
import { pickerLanguage, pickerWords } from './i18n.ts';
import { Picker } from './picker.tsx';
import { pickerApi } from './picker-api.ts';

afterEach(() => {
  cleanup();
  delete document.body.dataset.ready;
});

const orderUpdate: TemplateView = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  body: 'Hi {{1}}, your order {{2}} has shipped.',
  variables: 2,
};

/** The platform as the picker sees it: answers by path, and what the picker sent. */
function platform(answers: Record<string, () => Response | Promise<Response>>) {
  const calls: { url: string; authorization: string | null; body?: unknown }[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({
      url: String(url),
      authorization: headers.get('authorization'),
      ...(init?.body ? { body: JSON.parse(String(init.body)) } : {}),
    });
    const answer = Object.entries(answers).find(([path]) => String(url).endsWith(path))?.[1];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  };
  return { api: pickerApi('conv 1', 'tok', fetch as typeof globalThis.fetch), calls };
}

/** Sends the form, as Enter or the Send button does. */
const submit = () => fireEvent.submit(screen.getByTestId('template-send').closest('form') as HTMLFormElement);

const refused = (status: number, error: unknown) => () => Response.json({ error }, { status });

async function openOrderUpdate(language: 'en' | 'es', answers: Parameters<typeof platform>[0]) {
  const { api, calls } = platform({ '/templates': () => Response.json([orderUpdate]), ...answers });
  render(<Picker api={api} words={pickerWords(language)} />);
  fireEvent.click(await screen.findByTestId('template-option'));
  fireEvent.input(screen.getByTestId('template-variable-1'), { target: { value: ' María ' } });
  fireEvent.input(screen.getByTestId('template-variable-2'), { target: { value: 'A-1042' } });
  return calls;
}

describe('the template picker page', () => {
  it('lists the templates, previews the variables as typed and sends them trimmed, as the agent', async () => {
    const calls = await openOrderUpdate('en', { '/template': () => Response.json({ id: 'm1' }, { status: 201 }) });
    await waitFor(() => expect(document.body.dataset.ready).toBe('true'));
    expect(screen.getByTestId('template-preview').textContent).toBe('Hi María, your order A-1042 has shipped.');
    expect(document.activeElement).toBe(screen.getByTestId('template-variable-1'));
    submit();
    await waitFor(() => expect(screen.getByTestId('template-status').textContent).toBe('Template sent.'));
    expect(calls.at(-1)).toEqual({
      url: '/components/api/conversations/conv%201/template',
      authorization: 'Bearer tok',
      body: { name: 'order_update', language: 'en_US', parameters: ['María', 'A-1042'] },
    });
  });

  it('asks for every variable before sending', async () => {
    const calls = await openOrderUpdate('es', {});
    fireEvent.input(screen.getByTestId('template-variable-2'), { target: { value: '   ' } });
    submit();
    expect(screen.getByTestId('template-status').textContent).toBe('Complete todas las variables.');
    expect(calls).toHaveLength(1);
  });

  it.each([
    [
      'en',
      {
        code: 'whatsapp_refused',
        message: 'WhatsApp refused the template (131050): User has stopped marketing messages',
      },
      'The template was not sent. Not delivered: the customer has stopped marketing messages.',
      'WhatsApp code 131050: User has stopped marketing messages',
    ],
    [
      'es',
      {
        code: 'whatsapp_refused',
        message: 'WhatsApp refused the template (131050): User has stopped marketing messages',
      },
      'La plantilla no se envió. No entregado: el cliente ha dejado de recibir mensajes de marketing.',
      'Código de WhatsApp 131050: User has stopped marketing messages',
    ],
  ] as const)(
    'words a refusal like the side panel (shared/errors) in %s, Meta’s code as the detail',
    async (language, error, text, detail) => {
      await openOrderUpdate(language, { '/template': refused(502, error) });
      submit();
      await waitFor(() => expect(screen.getByTestId('template-error-detail').textContent).toBe(detail));
      expect(screen.getByTestId('template-status').textContent).toBe(text + detail);
      // Sending again stays possible.
      expect((screen.getByTestId('template-send') as HTMLButtonElement).disabled).toBe(false);
    },
  );

  it('names the field a validation refusal is about', async () => {
    const issues = [{ path: 'parameters.0', message: 'Too long' }];
    await openOrderUpdate('en', {
      '/template': refused(400, { code: 'validation_failed', message: 'Invalid', issues }),
    });
    submit();
    await waitFor(() =>
      expect(screen.getByTestId('template-error-detail').textContent).toBe(
        'Platform code validation_failed: parameters.0: Too long',
      ),
    );
  });

  it('says it expired when the token no longer works, and when the platform cannot be reached says so without a code', async () => {
    const expired = platform({ '/templates': refused(401, { code: 'component_token_invalid', message: 'x' }) });
    render(<Picker api={expired.api} words={pickerWords('en')} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This picker has expired: open it again from the panel.',
    );
    await waitFor(() => expect(document.body.dataset.ready).toBe('true'));
    cleanup();
    const offline = platform({});
    render(<Picker api={offline.api} words={pickerWords('es')} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^No se pudieron cargar las plantillas\./);
    expect(screen.queryByTestId('template-error-detail')).toBeNull();
  });

  it('says when the channel has no approved template, and goes back from a template to the list', async () => {
    const { api } = platform({ '/templates': () => Response.json([]) });
    render(<Picker api={api} words={pickerWords('en')} />);
    expect(await screen.findByText('There are no approved templates for this channel.')).toBeTruthy();
    cleanup();
    await openOrderUpdate('en', {});
    fireEvent.click(screen.getByText('Back'));
    expect(screen.getByText('Choose an approved template')).toBeTruthy();
  });

  it.each([
    ['es-ES', 'es'],
    ['es', 'es'],
    ['en-GB', 'en'],
    [undefined, 'en'],
  ] as const)('follows the browser’s language %s → %s', (browser, language) => {
    expect(pickerLanguage(browser)).toBe(language);
  });
});
