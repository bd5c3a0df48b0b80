// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { managerWords } from './i18n.ts';
import { Manager } from './manager.tsx';
import { type ListedTemplate, managerApi } from './manager-api.ts';

afterEach(() => {
  cleanup();
  delete document.body.dataset.ready;
});

const pending: ListedTemplate = {
  id: 'tpl1',
  name: 'order_update',
  language: 'es',
  category: 'UTILITY',
  status: 'PENDING',
  components: [{ type: 'BODY', text: 'Hola {{1}}' }],
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The simulator's API as the page sees it: GET answers by path, POST answers by path, and what was posted. */
function simulator(posts: Record<string, () => Response> = {}, templates: ListedTemplate[] = [pending]) {
  const sent: { path: string; body: unknown }[] = [];
  const gets: Record<string, unknown> = {
    '/simulator/api/templates': templates,
    '/simulator/api/signup/accounts': [{ id: 'waba1', name: 'Acme' }],
    '/simulator/api/numbers': [{ id: 'pn1', phoneNumber: '+34 600', verifiedName: 'Acme' }],
    '/simulator/api/numbers/pn1': {
      id: 'pn1',
      phoneNumber: '+34 600',
      verifiedName: 'Acme',
      newDisplayName: 'Acme Shop',
      newNameStatus: 'PENDING_REVIEW',
      status: 'CONNECTED',
      qualityRating: 'GREEN',
      messagingLimitTier: 'TIER_1K',
    },
  };
  const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    const path = String(url);
    if (init?.method === 'POST') {
      sent.push({ path, body: JSON.parse(String(init.body)) });
      return posts[path]?.() ?? json({});
    }
    return path in gets ? json(gets[path]) : json({ error: { message: 'not found' } }, 404);
  };
  return { api: managerApi(fetch as typeof globalThis.fetch), sent };
}

const languages = [
  { code: 'en_US', name: 'English (US)' },
  { code: 'es_MX', name: 'Spanish (MEX)' },
];
const type = (testid: string, value: string, within: ParentNode = document) =>
  fireEvent.input(within.querySelector(`[data-testid="${testid}"]`) as HTMLInputElement, { target: { value } });

describe('the simulator’s WhatsApp Manager', () => {
  it('creates a template with a media header and buttons, sending Meta’s components to the account chosen', async () => {
    const { api, sent } = simulator({ '/simulator/api/templates': () => json(pending, 201) });
    render(<Manager api={api} t={managerWords('en')} data={{ languages }} />);
    await waitFor(() => expect(document.body.dataset.ready).toBe('true'));
    type('template-name', 'oferta');
    fireEvent.change(screen.getByTestId('template-language'), { target: { value: 'es_MX' } });
    fireEvent.change(screen.getByTestId('header-format'), { target: { value: 'IMAGE' } });
    expect(screen.getByTestId('header-text').closest('label')?.hidden).toBe(true);
    expect(screen.getByText(/Sample image: its upload handle/)).toBeTruthy();
    type('header-example', 'handle:1');
    type('template-body', 'Hola {{1}}');
    type('template-examples', 'Lucía | lunes');
    fireEvent.click(screen.getByTestId('add-button'));
    fireEvent.click(screen.getByTestId('add-button'));
    const [reply, link] = screen.getAllByTestId('button-row') as [HTMLElement, HTMLElement];
    type('button-text', 'Sí', reply);
    fireEvent.change(link.querySelector('[data-testid="button-type"]') as HTMLSelectElement, {
      target: { value: 'URL' },
    });
    expect((link.querySelector('[data-testid="button-phone"]') as HTMLInputElement).hidden).toBe(true);
    type('button-text', 'Ver', link);
    type('button-url', 'https://shop.example/{{1}}', link);
    type('button-example', 'verano', link);
    fireEvent.submit(screen.getByTestId('create-template'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: '/simulator/api/templates',
      body: {
        wabaId: 'waba1',
        template: {
          name: 'oferta',
          language: 'es_MX',
          category: 'UTILITY',
          components: [
            { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['handle:1'] } },
            { type: 'BODY', text: 'Hola {{1}}', example: { body_text: [['Lucía', 'lunes']] } },
            {
              type: 'BUTTONS',
              buttons: [
                { type: 'QUICK_REPLY', text: 'Sí' },
                { type: 'URL', text: 'Ver', url: 'https://shop.example/{{1}}', example: ['verano'] },
              ],
            },
          ],
        },
      },
    });
    // Created: the form empties its body and buttons for the next one.
    await waitFor(() => expect(screen.queryAllByTestId('button-row')).toHaveLength(0));
    expect((screen.getByTestId('template-name') as HTMLInputElement).value).toBe('');
  });

  it('shows each refusal with the field it is about, and keeps the form', async () => {
    const refusal = {
      error: {
        message: 'invalid',
        issues: [
          { path: 'template.name', message: 'name must be lowercase letters, digits and underscores' },
          { path: 'template.components.0.text', message: 'too long' },
        ],
      },
    };
    const { api } = simulator({ '/simulator/api/templates': () => json(refusal, 400) });
    render(<Manager api={api} t={managerWords('en')} data={{ languages }} />);
    type('template-name', 'Bad Name');
    fireEvent.submit(screen.getByTestId('create-template'));
    await waitFor(() =>
      expect(screen.getByTestId('create-error').textContent).toBe(
        'template.name: name must be lowercase letters, digits and underscores\ntemplate.components.0.text: too long',
      ),
    );
    expect((screen.getByTestId('template-name') as HTMLInputElement).value).toBe('Bad Name');
  });

  it('offers only Meta’s next decisions, rejects with the reason chosen, and alerts a refused one', async () => {
    const alerts: string[] = [];
    const { api, sent } = simulator({
      '/simulator/api/templates/tpl1/review': () => json({ error: { message: 'Template tpl1 is not PENDING' } }, 409),
    });
    render(<Manager api={api} t={managerWords('en')} data={{ languages }} alert={(m) => alerts.push(m)} />);
    const row = await screen.findByTestId('template-row');
    expect(row.dataset.name).toBe('order_update');
    expect(row.querySelector('[data-testid="review-PAUSED"]')).toBeNull();
    fireEvent.change(row.querySelector('[data-testid="reject-reason"]') as HTMLSelectElement, {
      target: { value: 'PROMOTIONAL' },
    });
    fireEvent.click(row.querySelector('[data-testid="review-REJECTED"]') as HTMLButtonElement);
    await waitFor(() => expect(alerts).toEqual(['Template tpl1 is not PENDING']));
    expect(sent).toEqual([
      { path: '/simulator/api/templates/tpl1/review', body: { decision: 'REJECTED', reason: 'PROMOTIONAL' } },
    ]);
  });

  it('lists a rejected template with Meta’s reason under its status, and the numbers with a name to review', async () => {
    const rejected = { ...pending, status: 'REJECTED', rejectedReason: 'INVALID_FORMAT' };
    const { api, sent } = simulator({}, [rejected]);
    render(<Manager api={api} t={managerWords('en')} data={{ languages }} />);
    const row = await screen.findByTestId('template-row');
    expect(row.querySelector('.status')?.textContent).toBe('REJECTEDINVALID_FORMAT');
    expect(row.querySelector('[data-testid^="review-"]')).toBeNull();
    await waitFor(() => expect(screen.getByText('Acme → Acme Shop (PENDING_REVIEW)')).toBeTruthy());
    fireEvent.click(screen.getByTestId('name-APPROVED'));
    await waitFor(() =>
      expect(sent).toEqual([{ path: '/simulator/api/numbers/pn1/display-name', body: { decision: 'APPROVED' } }]),
    );
  });

  it('speaks Spanish to a Spanish browser, Meta’s codes staying as they are', async () => {
    const { api } = simulator();
    render(<Manager api={api} t={managerWords('es')} data={{ languages }} />);
    const row = await screen.findByTestId('template-row');
    expect(screen.getByTestId('submit-template').textContent).toBe('Enviar a revisión');
    expect(row.querySelector('[data-testid="review-APPROVED"]')?.textContent).toBe('Aprobar');
    expect(row.querySelector('.status')?.textContent).toBe('PENDING');
  });
});
