// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n.ts';
import { MessageTemplates } from './message-templates.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setLanguage('en');
});

const norte = { id: 'acc_1', name: 'Loro Norte', wabaId: '100' };

describe('the message templates on the channel page', () => {
  it('shows each template’s status with WhatsApp’s rejection reason, in Spanish', async () => {
    setLanguage('es');
    vi.stubGlobal('fetch', async (path: string) =>
      path === '/api/admin/templates'
        ? new Response(
            JSON.stringify([
              {
                id: '1',
                name: 'oferta',
                language: 'es_MX',
                status: 'REJECTED',
                category: 'MARKETING',
                account: norte,
                reason: 'PROMOTIONAL',
                statusChangedAt: 1000,
              },
              { id: '2', name: 'pedido', language: 'es', status: 'APPROVED', category: 'UTILITY', account: norte },
            ]),
            { status: 200, headers: { 'content-type': 'application/json' } },
          )
        : new Response('{}', { status: 404 }),
    );
    render(<MessageTemplates />);
    const rows = await screen.findAllByTestId('message-template');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('REJECTEDPROMOTIONAL'),
      expect.stringContaining('APPROVED—'),
    ]);
    expect(screen.getByText('Plantillas de mensaje (según WhatsApp)')).toBeTruthy();
    // One account: no account column.
    expect(screen.queryByText('Cuenta de WhatsApp')).toBeNull();
  });

  it('names each template’s account when more than one is connected', async () => {
    const sur = { id: 'acc_2', name: 'Loro Sur', wabaId: '200' };
    vi.stubGlobal('fetch', async () =>
      Response.json([
        { id: '1', name: 'oferta', language: 'es', status: 'APPROVED', category: 'MARKETING', account: norte },
        { id: '2', name: 'oferta', language: 'es', status: 'PENDING', category: 'MARKETING', account: sur },
      ]),
    );
    render(<MessageTemplates />);
    const rows = await screen.findAllByTestId('message-template');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Loro Norteoferta/),
      expect.stringMatching(/^Loro Suroferta/),
    ]);
    expect(screen.getByText('WhatsApp account')).toBeTruthy();
  });
});
