// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../shared/api/schemas.ts';
import { MessageBubble } from './message-bubble.tsx';

afterEach(cleanup);

const base: MessageView = { id: 'm1', conversationId: 'c1', direction: 'inbound', text: 'Hola', timestamp: 0, seq: 1 };

describe('MessageBubble (AG-3)', () => {
  it('draws a customer message as a gray bubble with the customer’s initials', () => {
    render(<MessageBubble message={base} customerInitials="MG" />);
    const bubble = screen.getByTestId('customer-message');
    expect(bubble.className).toContain('inbound');
    expect(bubble.querySelector('.avatar')?.textContent).toBe('MG');
    expect(bubble.querySelector('.text')?.textContent).toBe('Hola');
  });

  it.each([
    ['pending', 'Sending'],
    ['sent', 'Sent'],
    ['delivered', 'Delivered'],
    ['read', 'Read'],
    ['failed', 'Not delivered'],
  ] as const)('draws an agent message as a blue bubble with its signature and a %s tick', (status, label) => {
    render(
      <MessageBubble
        message={{ ...base, direction: 'outbound', status, senderName: 'Ana Agent' }}
        customerInitials="MG"
      />,
    );
    const bubble = screen.getByTestId('agent-message');
    expect(bubble.className).toContain('outbound');
    expect(bubble.querySelector('.avatar')).toBeNull();
    expect(bubble.querySelector('.signature')?.textContent).toBe('Ana Agent');
    const tick = screen.getByTestId('delivery-status');
    expect(tick.dataset.status).toBe(status);
    expect(tick.textContent).toContain(label);
  });

  it('shows system messages as a centred note, and markup as text', () => {
    render(
      <MessageBubble
        message={{ ...base, direction: 'system', text: 'Ana joined the conversation' }}
        customerInitials="MG"
      />,
    );
    expect(screen.getByTestId('system-message').textContent).toBe('Ana joined the conversation');
    cleanup();
    render(<MessageBubble message={{ ...base, text: '<b>bold</b>' }} customerInitials="MG" />);
    expect(screen.getByTestId('customer-message').querySelector('b')).toBeNull();
    expect(screen.getByTestId('customer-message').querySelector('.text')?.textContent).toBe('<b>bold</b>');
  });

  it('marks a message the platform sent on its own (a queue time-out) as automatic', () => {
    render(
      <MessageBubble
        message={{ ...base, direction: 'outbound', status: 'sent', automatic: true, text: 'All agents are busy' }}
        customerInitials="MG"
      />,
    );
    expect(screen.getByTestId('automatic-message').textContent).toBe('Automatic message (queue time-out)');
    cleanup();
    render(
      <MessageBubble message={{ ...base, direction: 'outbound', senderName: 'Ana Agent' }} customerInitials="MG" />,
    );
    expect(screen.queryByTestId('automatic-message')).toBeNull();
  });
});
