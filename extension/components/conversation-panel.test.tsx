// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationView, MessageView } from '../../shared/api/schemas.ts';
import { ConversationPanel } from './conversation-panel.tsx';

afterEach(cleanup);

const now = Date.now();
const conversation: ConversationView = {
  id: 'c1',
  channelId: 'ch',
  customerName: 'María García',
  customerNumber: '+34612345678',
  originNumber: '+16145551234',
  queueName: 'Customer support',
  status: 'active',
  permissions: ['reply', 'templates', 'transfer', 'conference', 'end'],
  createdAt: now - 60_000,
  windowClosesAt: now + 23 * 3_600_000,
  sla: {
    firstResponse: { state: 'active', dueAt: now + 20 * 60_000 },
    resolution: { state: 'met', dueAt: now + 8 * 3_600_000 },
  },
};
const message = (n: number): MessageView => ({
  id: `m${n}`,
  conversationId: 'c1',
  direction: n % 2 ? 'outbound' : 'inbound',
  text: `message ${n}`,
  timestamp: now - 1000 + n,
  seq: n,
});
const noop = () => undefined;

function panel(overrides: Partial<ConversationView> = {}, messages: MessageView[] = [message(1)]) {
  render(
    <ConversationPanel
      conversation={{ ...conversation, ...overrides }}
      messages={messages}
      error={undefined}
      draft={{ text: '', sending: false, edit: noop }}
      onSend={noop}
      onEnd={noop}
      onTransfer={noop}
      onConference={noop}
      onStopConference={noop}
    />,
  );
}

describe('ConversationPanel', () => {
  it('shows the 24-hour window and the SLA clocks, with detail when the reply field has the focus (SL-4, BY-3)', () => {
    panel();
    expect(screen.getByTestId('window-state').textContent).toMatch(/^24-hour window: 2[23]h \d\dm left$/);
    expect(screen.getByTestId('sla-first-response').textContent).toBe('First response: due in 20m');
    expect(screen.getByTestId('sla-resolution').dataset.state).toBe('met');
    expect(screen.queryByTestId('sla-on-focus')).toBeNull();
    fireEvent.focus(screen.getByTestId('composer-input'));
    expect(screen.getByTestId('sla-on-focus')).toBeTruthy();
  });

  it('allows only templates once the window has closed', () => {
    panel({ windowClosesAt: now - 1 });
    expect(screen.getByTestId('window-state').textContent).toBe(
      'The 24-hour window is closed: only templates can be sent.',
    );
    expect((screen.getByTestId('composer-input') as HTMLTextAreaElement).disabled).toBe(true);
  });

  it('alerts and allows only End when a resource was deleted (AG-4)', () => {
    panel({ interrupted: 'The WhatsApp channel Demo was deleted by an administrator' });
    expect(screen.getByTestId('interrupted').textContent).toContain('was deleted by an administrator');
    expect(screen.queryByTestId('transfer-conversation')).toBeNull();
    expect(screen.queryByTestId('start-conference')).toBeNull();
    expect(screen.getByTestId('end-conversation')).toBeTruthy();
    expect((screen.getByTestId('composer-input') as HTMLTextAreaElement).disabled).toBe(true);
  });

  it('offers only Leave to a conference guest', () => {
    panel({ conference: { state: 'active', ownerName: 'Bruno', guestName: 'Ana', role: 'guest' } });
    expect(screen.getByTestId('conference-state').textContent).toBe('Conference: you joined Bruno');
    expect(screen.getByTestId('leave-conference')).toBeTruthy();
    expect(screen.queryByTestId('end-conversation')).toBeNull();
  });

  it('renders a long transcript from its newest page, and earlier pages on request', () => {
    panel(
      {},
      Array.from({ length: 400 }, (_, i) => message(i + 1)),
    );
    expect(document.querySelectorAll('[data-testid="transcript"] .message')).toHaveLength(150);
    expect(screen.getByTestId('show-earlier').textContent).toBe('Show earlier messages (250)');
    fireEvent.click(screen.getByTestId('show-earlier'));
    expect(document.querySelectorAll('[data-testid="transcript"] .message')).toHaveLength(300);
  });

  it('offers only what the role permits: no composer without Reply, no Transfer/Conference/End buttons without theirs (RP-4)', () => {
    panel({ permissions: ['end'] });
    expect(screen.queryByTestId('composer-input')).toBeNull();
    expect(screen.getByTestId('no-reply-permission').textContent).toContain('Reply permission');
    expect(screen.queryByTestId('transfer-conversation')).toBeNull();
    expect(screen.queryByTestId('start-conference')).toBeNull();
    expect(screen.getByTestId('end-conversation')).toBeTruthy();
    cleanup();
    panel({ permissions: ['reply', 'transfer'] });
    expect(screen.getByTestId('composer-input')).toBeTruthy();
    expect(screen.getByTestId('transfer-conversation')).toBeTruthy();
    expect(screen.queryByTestId('end-conversation')).toBeNull();
  });
});
