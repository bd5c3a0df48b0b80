// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ConversationView, MessageView } from '../../shared/api/schemas.ts';
import { previewOf } from './task-list.tsx';

const conversation: ConversationView = {
  id: 'c1',
  channelId: 'ch',
  customerName: 'Helena Ruiz',
  customerNumber: '+34622222222',
  originNumber: '+16145551234',
  queueName: 'Support',
  status: 'active',
  permissions: ['reply'],
  createdAt: 1,
};
const message = (text: string, timestamp: number, direction: MessageView['direction'] = 'inbound'): MessageView => ({
  id: `m${timestamp}`,
  conversationId: 'c1',
  direction,
  text,
  timestamp,
  seq: timestamp,
});

describe('task previews', () => {
  it('show the last message the platform reported before the transcript is loaded, not a number', () => {
    expect(previewOf(conversation, undefined)).toBeUndefined();
    const withLast = { ...conversation, lastMessage: { direction: 'inbound' as const, text: 'Hola', timestamp: 5 } };
    expect(previewOf(withLast, undefined)).toBe('Hola');
    expect(previewOf({ ...withLast, lastMessage: { ...withLast.lastMessage, text: '', media: true } }, [])).toBe(
      'Photo',
    );
  });

  it('follow the newer of the loaded transcript and the platform’s view; the agent’s words read as hers', () => {
    const withLast = { ...conversation, lastMessage: { direction: 'inbound' as const, text: 'Hola', timestamp: 5 } };
    expect(previewOf(withLast, [message('Antes', 3)])).toBe('Hola');
    expect(previewOf(withLast, [message('Claro', 9, 'outbound'), message('Transferred', 10, 'system')])).toBe(
      'You: Claro',
    );
  });
});

describe('unread rows', () => {
  it('are bold and show how many customer messages wait', async () => {
    const { render, screen, cleanup } = await import('@testing-library/preact');
    const { TaskList } = await import('./task-list.tsx');
    render(
      <TaskList
        conversations={[conversation, { ...conversation, id: 'c2' }]}
        messages={{}}
        selectedId="c1"
        onSelect={() => undefined}
        available={true}
        unread={{ c2: 3 }}
        now={10}
      />,
    );
    const rows = screen.getAllByTestId('task');
    expect(rows.map((row) => row.dataset.unread)).toEqual(['0', '3']);
    expect(rows[1]?.classList.contains('unread')).toBe(true);
    expect(screen.getByTestId('unread-count').textContent).toBe('3');
    cleanup();
  });
});

describe('attention in each row', () => {
  const MINUTE = 60_000;
  const start = Date.UTC(2026, 11, 2, 9, 0, 0);

  it('shows how long ago the customer wrote and the chip of the window or SLA about to run out', async () => {
    const { render, screen, cleanup } = await import('@testing-library/preact');
    const { TaskList } = await import('./task-list.tsx');
    const rows = [
      // The window closes in 30 minutes: "Window 30m".
      {
        ...conversation,
        id: 'window',
        createdAt: start,
        lastInboundAt: start - 23.5 * 60 * MINUTE,
        windowClosesAt: start + 30 * MINUTE,
      },
      // The first response was due a minute ago: "SLA overdue", the most urgent.
      {
        ...conversation,
        id: 'late',
        createdAt: start - 10 * MINUTE,
        lastInboundAt: start - 7 * MINUTE,
        windowClosesAt: start + 23 * 60 * MINUTE,
        sla: {
          firstResponse: { state: 'active' as const, dueAt: start - MINUTE },
          resolution: { state: 'active' as const, dueAt: start + 60 * MINUTE },
        },
      },
      // Plenty of time everywhere: no chip.
      { ...conversation, id: 'calm', createdAt: start, windowClosesAt: start + 20 * 60 * MINUTE },
    ];
    render(
      <TaskList
        conversations={rows}
        messages={{ calm: [message('hola', start - 2 * MINUTE)] }}
        selectedId="calm"
        onSelect={() => undefined}
        available={true}
        now={start}
      />,
    );
    const ages = screen.getAllByTestId('task-age').map((age) => [age.textContent, age.title]);
    expect(ages).toEqual([
      ['23h 30m', 'Customer wrote 23h 30m ago'],
      ['7m', 'Customer wrote 7m ago'],
      ['2m', 'Customer wrote 2m ago'],
    ]);
    const chips = screen.getAllByTestId('attention-chip');
    expect(chips.map((chip) => [chip.dataset.kind, chip.textContent, chip.className])).toEqual([
      ['window', 'Window 30m', 'chip soon'],
      ['sla', 'SLA overdue', 'chip overdue'],
    ]);
    expect(chips[0]?.title).toContain('The 24-hour window closes in 30m');
    cleanup();
  });

  it('folds into one strip of names (every row, their names as tooltips) when compact', async () => {
    const { render, screen, cleanup } = await import('@testing-library/preact');
    const { TaskList } = await import('./task-list.tsx');
    const many = Array.from({ length: 40 }, (_, index) => ({ ...conversation, id: `c${index}` }));
    render(
      <TaskList
        conversations={many}
        messages={{}}
        selectedId="c0"
        onSelect={() => undefined}
        available={true}
        now={start}
        compact={true}
      />,
    );
    expect(screen.getByTestId('task-list').classList.contains('compact')).toBe(true);
    expect(screen.getAllByTestId('task')).toHaveLength(40);
    expect(screen.getAllByTestId('task')[0]?.title).toBe('Helena Ruiz');
    cleanup();
  });
});
