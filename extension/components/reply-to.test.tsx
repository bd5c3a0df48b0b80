// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationView, MessageView } from '../../shared/api/schemas.ts';
import { ConversationPanel } from './conversation-panel.tsx';

afterEach(cleanup);

const now = Date.now();
const conversation = (id: string, overrides: Partial<ConversationView> = {}): ConversationView => ({
  id,
  channelId: 'ch',
  customerName: 'María García',
  customerNumber: '+34612345678',
  originNumber: '+16145551234',
  queueName: 'Customer support',
  status: 'active',
  permissions: ['reply', 'end'],
  createdAt: now - 60_000,
  windowClosesAt: now + 3_600_000,
  ...overrides,
});
const messages: MessageView[] = [
  {
    id: 'wamid.in1',
    conversationId: 'c1',
    direction: 'inbound',
    text: '¿Dónde está mi pedido?',
    timestamp: now - 5000,
    seq: 1,
  },
  {
    id: 'out1',
    conversationId: 'c1',
    direction: 'outbound',
    text: 'Ya lo miro',
    timestamp: now - 4000,
    seq: 2,
    status: 'delivered',
    replyTo: { id: 'wamid.in1', direction: 'inbound', text: '¿Dónde está mi pedido?' },
  },
  {
    id: 'wamid.in2',
    conversationId: 'c1',
    direction: 'inbound',
    text: '',
    timestamp: now - 3000,
    seq: 3,
    media: { id: 'img' },
  },
];

function setup({ sent = true, overrides = {} as Partial<ConversationView> } = {}) {
  const onSend = vi.fn(async (_conversationId: string, _text: string, _replyTo?: string) => sent);
  const onTyping = vi.fn();
  let select: (id: string) => void = () => undefined;
  function Holder() {
    const [texts, setTexts] = useState<Record<string, string>>({});
    const [selected, setSelected] = useState('c1');
    select = setSelected;
    return (
      <ConversationPanel
        conversation={conversation(selected, overrides)}
        messages={selected === 'c1' ? messages : []}
        error={undefined}
        draft={{
          text: texts[selected] ?? '',
          sending: false,
          edit: (id, text) => setTexts((all) => ({ ...all, [id]: text })),
        }}
        onSend={onSend}
        onEnd={() => undefined}
        onTransfer={() => undefined}
        onConference={() => undefined}
        onStopConference={() => undefined}
        onTyping={onTyping}
      />
    );
  }
  render(<Holder />);
  const input = () => screen.getByTestId('composer-input') as HTMLTextAreaElement;
  const type = (value: string) => fireEvent.input(input(), { target: { value } });
  return { onSend, onTyping, input, type, select: (id: string) => select(id) };
}

describe('replying to a customer message (WhatsApp context)', () => {
  it('shows the quoted message above a reply in the transcript, a photo as "Photo"', () => {
    setup();
    const quote = screen.getByTestId('message-quote');
    expect(quote.textContent).toBe('Customer¿Dónde está mi pedido?');
    expect(screen.getAllByTestId('reply-to-message')).toHaveLength(2);
    fireEvent.click(screen.getAllByTestId('reply-to-message')[1] as HTMLElement);
    expect(screen.getByTestId('reply-banner-quote').textContent).toBe('CustomerPhoto');
  });

  it('Reply sets a banner; the send carries replyToMessageId and clears it', async () => {
    const { onSend, type, input } = setup();
    fireEvent.click(screen.getAllByTestId('reply-to-message')[0] as HTMLElement);
    expect(screen.getByTestId('reply-banner').textContent).toContain('Replying to María García');
    type('Está en camino');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('c1', 'Está en camino', 'wamid.in1');
    await waitFor(() => expect(screen.queryByTestId('reply-banner')).toBeNull());
    type('Algo más');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onSend).toHaveBeenLastCalledWith('c1', 'Algo más', undefined);
  });

  it('keeps the quote when the send fails', async () => {
    const { onSend, type, input } = setup({ sent: false });
    fireEvent.click(screen.getAllByTestId('reply-to-message')[0] as HTMLElement);
    type('Está en camino');
    fireEvent.keyDown(input(), { key: 'Enter' });
    await waitFor(() => expect(onSend).toHaveBeenCalled());
    await Promise.resolve();
    expect(screen.getByTestId('reply-banner')).toBeTruthy();
  });

  it('✕ or Esc cancels it', () => {
    const { input } = setup();
    fireEvent.click(screen.getAllByTestId('reply-to-message')[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('reply-cancel'));
    expect(screen.queryByTestId('reply-banner')).toBeNull();
    fireEvent.click(screen.getAllByTestId('reply-to-message')[0] as HTMLElement);
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(screen.queryByTestId('reply-banner')).toBeNull();
  });

  it('belongs to its conversation: another one has none, and it is back on return', () => {
    const { select } = setup();
    fireEvent.click(screen.getAllByTestId('reply-to-message')[0] as HTMLElement);
    select('c2');
    return waitFor(() => expect(screen.queryByTestId('reply-banner')).toBeNull()).then(() => {
      select('c1');
      return waitFor(() => expect(screen.getByTestId('reply-banner')).toBeTruthy());
    });
  });

  it('offers no Reply when the agent cannot reply (window closed)', () => {
    setup({ overrides: { windowClosesAt: now - 1 } });
    expect(screen.queryByTestId('reply-to-message')).toBeNull();
  });

  it('tells the typing indicator which box was typed in', () => {
    const { onTyping, type, select } = setup();
    type('Hola');
    expect(onTyping).toHaveBeenLastCalledWith('c1');
    select('c2');
    return waitFor(() =>
      expect(screen.getByTestId('conversation').getAttribute('aria-label')).toBe('María García'),
    ).then(() => {
      type('Hi');
      expect(onTyping).toHaveBeenLastCalledWith('c2');
      type('   ');
      expect(onTyping).toHaveBeenCalledTimes(2);
    });
  });
});
