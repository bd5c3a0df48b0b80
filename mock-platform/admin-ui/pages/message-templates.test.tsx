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
                reason: 'PROMOTIONAL',
                statusChangedAt: 1000,
              },
              { id: '2', name: 'pedido', language: 'es', status: 'APPROVED', category: 'UTILITY' },
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
  });
});
