// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { customerWords } from './i18n.ts';
import { CustomerPhone } from './phone.tsx';
import type { Answer, PhoneApi, PhoneEvents, PhoneMessage } from './phone-api.ts';

afterEach(() => {
  cleanup();
  delete document.body.dataset.ready;
});

const THREAD = 'pn-1:34612345678';
const accept = { media: 'image/jpeg,audio/ogg', voice: 'audio/ogg' };

/** The simulator as the page sees it: what it was asked, and a stream the test plays. */
function fakeSimulator(history: PhoneMessage[] = [], refuse?: string) {
  const listeners = new Map<string, (event: MessageEvent) => void>();
  const sent: Record<string, unknown>[] = [];
  const reads: string[] = [];
  const events: PhoneEvents = { addEventListener: (type, listener) => listeners.set(type, listener) };
  const api: PhoneApi = {
    numbers: async () => [{ id: 'pn-1', verifiedName: 'Acme', phoneNumber: '+34 600 000 000', onWhatsApp: true }],
    thread: async () => ({ ok: true, value: history }),
    typing: async () => false,
    send: async (body): Promise<Answer<PhoneMessage>> => {
      sent.push(body);
      if (refuse) return { ok: false, message: refuse };
      const text = typeof body.text === 'string' ? body.text : '';
      return {
        ok: true,
        value: { id: `in-${sent.length}`, thread: THREAD, direction: 'inbound', type: 'text', text, timestamp: 10 },
      };
    },
    consent: async () => ({ ok: true, value: {} }),
    markRead: async (business, customer) => {
      reads.push(`${business}/${customer}`);
    },
    events: () => events,
  };
  const emit = (type: string, data: unknown) => listeners.get(type)?.({ data: JSON.stringify(data) } as MessageEvent);
  return { api, sent, reads, emit };
}

const outbound = (over: Partial<PhoneMessage>): PhoneMessage => ({
  id: 'out-1',
  thread: THREAD,
  direction: 'outbound',
  type: 'text',
  text: 'Hola',
  timestamp: 5,
  status: 'delivered',
  ...over,
});

describe('the customer simulator page', () => {
  it('is ready once the numbers show and the stream opened; Enter sends the text, which shows as the customer’s', async () => {
    const sim = fakeSimulator();
    render(<CustomerPhone api={sim.api} t={customerWords('en')} accept={accept} />);
    await screen.findByText('Acme · +34 600 000 000');
    expect(screen.getByText('No messages yet. Write to the business below.')).toBeTruthy();
    sim.emit('ready', {});
    await waitFor(() => expect(document.body.dataset.ready).toBe('true'));
    // The name goes as the field holds it when sending, even if set without an input event.
    (screen.getByTestId('customer-name') as HTMLInputElement).value = 'Ana Ruiz';
    const input = screen.getByTestId('message-input') as HTMLTextAreaElement;
    input.value = 'Hola, ¿dónde está mi pedido?';
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByTestId('customer-message');
    expect(sim.sent).toEqual([
      { phoneNumberId: 'pn-1', from: '+34 612 345 678', name: 'Ana Ruiz', text: 'Hola, ¿dónde está mi pedido?' },
    ]);
    expect(input.value).toBe('');
    expect((screen.getByTestId('file-input') as HTMLInputElement).accept).toBe('image/jpeg,audio/ogg');
  });

  it('shows a refusal and keeps the text', async () => {
    const sim = fakeSimulator([], 'text must be at most 4096 characters');
    render(<CustomerPhone api={sim.api} t={customerWords('es')} accept={accept} />);
    await screen.findByText('Aún no hay mensajes. Escribe a la empresa abajo.');
    const input = screen.getByTestId('message-input') as HTMLTextAreaElement;
    input.value = 'x';
    fireEvent.click(screen.getByTestId('send'));
    await waitFor(() => expect(screen.getByTestId('error').textContent).toBe('text must be at most 4096 characters'));
    expect(input.value).toBe('x');
  });

  it('reads the business’s delivered messages, quotes what a reply answers, and answers a button with its id', async () => {
    const question = outbound({
      type: 'interactive',
      text: '¿Cambio o reembolso?',
      payload: { action: { buttons: [{ reply: { id: 'refund', title: 'Reembolso' } }] } },
    });
    const sim = fakeSimulator([question]);
    render(<CustomerPhone api={sim.api} t={customerWords('en')} accept={accept} />);
    const option = await screen.findByText('Reembolso');
    await waitFor(() => expect(sim.reads).toEqual(['pn-1/+34 612 345 678']));
    expect(screen.getByTestId('status').textContent).toBe('✓✓');
    fireEvent.click(option);
    await waitFor(() =>
      expect(sim.sent).toEqual([expect.objectContaining({ choice: { messageId: 'out-1', optionId: 'refund' } })]),
    );

    sim.emit('message', outbound({ id: 'out-2', text: 'Hecho', replyTo: 'out-1', timestamp: 20, status: 'read' }));
    const quoted = await screen.findByTestId('quoted');
    expect(quoted.textContent).toBe('Acme¿Cambio o reembolso?');
  });

  it('shows "typing…" while the business types, until its next message', async () => {
    const sim = fakeSimulator();
    render(<CustomerPhone api={sim.api} t={customerWords('en')} accept={accept} />);
    await screen.findByText('Acme · +34 600 000 000');
    const typing = screen.getByTestId('typing');
    expect(typing.hidden).toBe(true);
    sim.emit('typing', { thread: THREAD });
    await waitFor(() => expect(typing.hidden).toBe(false));
    sim.emit('message', outbound({ id: 'out-3', status: 'read' }));
    await waitFor(() => expect(typing.hidden).toBe(true));
  });

  it('shows a photo by its simulator id, and a message’s text as text, never HTML', async () => {
    const sim = fakeSimulator([
      outbound({
        id: 'p',
        type: 'image',
        text: '<img src=x onerror=alert(1)>',
        payload: { id: 'media 1' },
        status: 'read',
      }),
    ]);
    render(<CustomerPhone api={sim.api} t={customerWords('en')} accept={accept} />);
    const photo = (await screen.findByTestId('media-image')) as HTMLImageElement;
    expect(photo.getAttribute('src')).toBe('/simulator/api/media/media%201');
    expect(screen.getByTestId('business-message').querySelectorAll('img')).toHaveLength(1);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});
