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
      />,
    );
    const rows = screen.getAllByTestId('task');
    expect(rows.map((row) => row.dataset.unread)).toEqual(['0', '3']);
    expect(rows[1]?.classList.contains('unread')).toBe(true);
    expect(screen.getByTestId('unread-count').textContent).toBe('3');
    cleanup();
  });
});
