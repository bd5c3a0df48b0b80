// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('shows why a reply failed, in plain words with Meta’s code, and Retry sends it again', async () => {
    const onRetry = vi.fn(async () => true);
    const onSendTemplate = vi.fn();
    render(
      <MessageBubble
        message={{
          ...base,
          direction: 'outbound',
          status: 'failed',
          errorCode: 131056,
          error: '(Business Account, Consumer Account) pair rate limit hit',
          retryable: true,
        }}
        customerInitials="MG"
        onRetry={onRetry}
        onSendTemplate={onSendTemplate}
      />,
    );
    expect(screen.getByTestId('failure-reason').textContent).toBe(
      'WhatsApp refused it: too many messages to this customer in a short time. Wait a moment and retry.',
    );
    expect(screen.getByTestId('failure-detail').textContent).toBe(
      'WhatsApp code 131056: (Business Account, Consumer Account) pair rate limit hit',
    );
    expect(screen.queryByTestId('send-template-instead')).toBeNull();
    fireEvent.click(screen.getByTestId('retry-message'));
    expect(onRetry).toHaveBeenCalledWith('m1');
  });

  it('offers a template instead of Retry when the 24-hour window had closed', () => {
    const onSendTemplate = vi.fn();
    render(
      <MessageBubble
        message={{
          ...base,
          direction: 'outbound',
          status: 'failed',
          errorCode: 131047,
          error: 'Re-engagement message',
          retryable: true,
        }}
        customerInitials="MG"
        onRetry={async () => true}
        onSendTemplate={onSendTemplate}
      />,
    );
    expect(screen.getByTestId('failure-reason').textContent).toContain('Only a template can reach them now');
    expect(screen.queryByTestId('retry-message')).toBeNull();
    fireEvent.click(screen.getByTestId('send-template-instead'));
    expect(onSendTemplate).toHaveBeenCalled();
  });

  it('says a reply may not have been sent, and offers no Retry when it was already retried or the agent cannot', () => {
    render(
      <MessageBubble
        message={{ ...base, direction: 'outbound', status: 'failed', uncertain: true, error: 'x' }}
        customerInitials="MG"
        onRetry={async () => true}
      />,
    );
    expect(screen.getByTestId('failure-reason').textContent).toBe(
      'WhatsApp could not be reached: the message may not have been sent.',
    );
    expect(screen.queryByTestId('failure-detail')).toBeNull();
    expect(screen.queryByTestId('retry-message')).toBeNull(); // not retryable (already retried)
    cleanup();
    render(
      <MessageBubble
        message={{ ...base, direction: 'outbound', status: 'failed', uncertain: true, retryable: true }}
        customerInitials="MG"
      />,
    );
    expect(screen.queryByTestId('retry-message')).toBeNull(); // no Reply permission / window closed
    expect(screen.getByTestId('message-failure')).toBeTruthy();
  });
});
