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
    // One compact row: the window and both clocks in short words, the sentences in their tooltips.
    const window = screen.getByTestId('window-state');
    expect(window.textContent).toMatch(/^Window 2[23]h \d\dm$/);
    expect(window.title).toMatch(/^24-hour window: 2[23]h \d\dm left$/);
    expect(window.closest('.window-row')?.querySelector('[data-testid="sla-first-response"]')).toBeTruthy();
    // Rounded down: 20 minutes minus the moment since `now` is "19m", never more than there is.
    expect(screen.getByTestId('sla-first-response').textContent).toBe('1st reply 19m');
    expect(screen.getByTestId('sla-first-response').title).toBe('First response: due in 19m');
    expect(screen.getByTestId('sla-resolution').dataset.state).toBe('met');
    expect(screen.getByTestId('sla-resolution').textContent).toBe('Resolve met');
    expect(screen.queryByTestId('sla-on-focus')).toBeNull();
    // Focused: the clocks in full with their due times, in place of the short ones.
    fireEvent.focus(screen.getByTestId('composer-input'));
    expect(screen.getByTestId('sla-on-focus')).toBeTruthy();
    expect(screen.getByTestId('sla-first-response').textContent).toMatch(/^First response: due in 19m · due /);
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
    expect(screen.getByTestId('conference-state').textContent).toBe('Conference hosted by Bruno');
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

  it('shows a stopped clock as it stood when it stopped, and seconds in the last minute', () => {
    // Times from this moment, not the file's start: earlier tests take seconds on a busy machine.
    const now = Date.now();
    panel({
      sla: {
        firstResponse: { state: 'breached', dueAt: now - 3_600_000, stoppedAt: now - 3_600_000 + 72_000 },
        resolution: { state: 'active', dueAt: now + 30_000 },
      },
    });
    expect(screen.getByTestId('sla-first-response').textContent).toBe('1st reply breached by 1m 12s');
    expect(screen.getByTestId('sla-resolution').textContent).toMatch(/^Resolve (29|30)s$/);
    cleanup();
    panel({
      sla: {
        firstResponse: { state: 'met', dueAt: now - 60_000, stoppedAt: now - 120_000 },
        resolution: { state: 'active', dueAt: now - 75_000 },
      },
    });
    expect(screen.getByTestId('sla-first-response').textContent).toBe('1st reply met');
    expect(screen.getByTestId('sla-resolution').textContent).toMatch(/^Resolve overdue by 1m 1[5-9]s$/);
  });

  it('separates the transcript’s days and dates the messages not from today; text runs in its own direction', () => {
    const today = new Date(now);
    const yesterdayNoon = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1, 12).getTime();
    const lastWeek = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7, 9).getTime();
    panel({}, [
      { ...message(1), text: 'مرحبا', timestamp: lastWeek },
      { ...message(2), timestamp: yesterdayNoon },
      { ...message(3), timestamp: yesterdayNoon + 60_000 },
      { ...message(4), timestamp: now },
    ]);
    const separators = screen.getAllByTestId('day-separator').map((element) => element.textContent);
    expect(separators).toHaveLength(3);
    expect(separators.slice(1)).toEqual(['Yesterday', 'Today']);
    expect(separators[0]).toMatch(/\d{4}$/);
    const times = [...document.querySelectorAll('[data-testid="transcript"] .meta')].map((m) => m.textContent);
    expect(times[0]).toMatch(/[A-Z][a-z]{2} \d+, \d\d:\d\d/);
    expect(times[3]).toMatch(/^\d\d:\d\d( [AP]M)?/);
    expect(document.querySelector('[data-testid="transcript"] .text')?.getAttribute('dir')).toBe('auto');
  });
});

describe('ConversationPanel’s layout (issue 16 item 7)', () => {
  // The picker's page never loads here: only the toggles are under test.
  const component = () => new Promise<never>(() => undefined);
  const withPickers = (permissions: ConversationView['permissions']) =>
    render(
      <ConversationPanel
        conversation={{ ...conversation, permissions }}
        messages={[message(1)]}
        error={{
          text: 'The conversation was not ended. The conversation has already ended.',
          detail: 'Platform code conversation_ended',
        }}
        draft={{ text: '', sending: false, edit: noop }}
        onSend={noop}
        onEnd={noop}
        onTransfer={noop}
        onConference={noop}
        onStopConference={noop}
        loadComponent={component}
        rich={{ load: async () => [], send: async () => true }}
      />,
    );

  it('puts the picker toggles beside Send, and keeps them while a picker folds the reply box away', () => {
    withPickers(['reply', 'templates']);
    const footer = screen.getByTestId('composer-send').parentElement;
    expect(footer?.contains(screen.getByTestId('open-templates'))).toBe(true);
    expect(footer?.contains(screen.getByTestId('open-rich'))).toBe(true);
    fireEvent.click(screen.getByTestId('open-templates'));
    expect(screen.getByTestId('conversation').classList.contains('picking')).toBe(true);
    expect(screen.getByTestId('open-templates').textContent).toBe('Hide templates');
  });

  it('still offers templates on a line of their own without the Reply permission', () => {
    withPickers(['templates']);
    expect(screen.queryByTestId('composer-input')).toBeNull();
    expect(screen.getByTestId('open-templates').closest('.picker-toggles')).toBeTruthy();
    expect(screen.queryByTestId('open-rich')).toBeNull();
  });

  it('shows an action’s failure in words with its code as a small detail', () => {
    withPickers(['reply']);
    expect(screen.getByTestId('send-error').firstChild?.textContent).toBe(
      'The conversation was not ended. The conversation has already ended.',
    );
    expect(screen.getByTestId('error-detail').textContent).toBe('Platform code conversation_ended');
  });
});
