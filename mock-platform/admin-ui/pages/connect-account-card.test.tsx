// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n.ts';
import { ConnectAccountCard } from './connect-account-card.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setLanguage('en');
});

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('connecting a WhatsApp Business account by its id', () => {
  it('sends the id and announces the account by name', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
      sent.push([path, init.method, JSON.parse(String(init.body))]);
      return answer(201, { id: 'acc_2', name: 'Loro Norte', wabaId: '102290129340398' });
    });
    const onConnected = vi.fn();
    render(<ConnectAccountCard onConnected={onConnected} />);
    fireEvent.input(screen.getByTestId('field-wabaId'), { target: { value: '102290129340398' } });
    fireEvent.click(screen.getByTestId('connect'));
    await waitFor(() => expect(onConnected).toHaveBeenCalledOnce());
    expect(onConnected).toHaveBeenCalledWith(
      'WhatsApp Business account Loro Norte connected: its numbers are listed below.',
    );
    expect(sent).toEqual([['/api/admin/whatsapp-accounts', 'POST', { wabaId: '102290129340398' }]]);
    expect((screen.getByTestId('field-wabaId') as HTMLInputElement).value).toBe('');
  });

  it('shows WhatsApp’s refusal beside the field, in Spanish', async () => {
    setLanguage('es');
    vi.stubGlobal('fetch', async () =>
      answer(400, {
        error: {
          code: 'validation_failed',
          message:
            'Invalid request: wabaId: WhatsApp does not let this platform read the account: (#100) Unsupported get request',
          issues: [
            {
              path: 'wabaId',
              message: 'WhatsApp does not let this platform read the account: (#100) Unsupported get request',
            },
          ],
        },
      }),
    );
    const onConnected = vi.fn();
    render(<ConnectAccountCard onConnected={onConnected} />);
    fireEvent.input(screen.getByTestId('field-wabaId'), { target: { value: '999' } });
    fireEvent.click(screen.getByTestId('connect'));
    expect(
      await screen.findByText('WhatsApp no permite a esta plataforma leer la cuenta: (#100) Unsupported get request'),
    ).toBeTruthy();
    expect(screen.getByTestId('field-wabaId').getAttribute('aria-invalid')).toBe('true');
    expect(onConnected).not.toHaveBeenCalled();
  });
});
