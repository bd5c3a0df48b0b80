// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerView, PastConversation } from '../../shared/api/customer-context.ts';
import type { MessageView } from '../../shared/api/schemas.ts';
import { PlatformError } from '../utils/api-client.ts';
import type { ContextApi } from '../utils/context-api.ts';
import { ContextTools } from './context-tools.tsx';
import { HistoryList } from './history-list.tsx';
import { MessageBubble } from './message-bubble.tsx';
import { PastConversationView } from './past-conversation.tsx';

afterEach(cleanup);

const previous = {
  conversationId: 'c0',
  channelName: 'WhatsApp',
  queueName: 'Support',
  createdAt: 1,
  endedAt: Date.UTC(2026, 10, 20),
  closureReason: 'Resolved',
  note: 'Sent the tracking link',
};
const customer: CustomerView = {
  name: '*********7542',
  number: '*********7542',
  country: 'GB',
  optIn: 'wrote',
  preferredAgent: 'Ana Agent',
  tags: ['vip'],
  previous: [previous],
};
const note: MessageView = {
  id: 'n1',
  conversationId: 'c1',
  direction: 'note',
  text: 'Offer a refund',
  timestamp: 2,
  seq: 2,
  senderName: 'Ana Agent',
};
const past: PastConversation = {
  ...previous,
  agentName: 'Bruno Agent',
  customerName: 'María García',
  customerNumber: '+34612345678',
  messages: [
    { id: 'm1', conversationId: 'c0', direction: 'inbound', text: 'Where is my order?', timestamp: 1, seq: 1 },
    { ...note, conversationId: 'c0' },
  ],
};

function fakeApi(overrides: Partial<ContextApi> = {}): ContextApi {
  return {
    addNote: vi.fn(async () => note),
    customer: vi.fn(async () => customer),
    addTag: vi.fn(async (_id: string, tag: string) => ({ ...customer, tags: [...customer.tags, tag] })),
    removeTag: vi.fn(async () => ({ ...customer, tags: [] })),
    past: vi.fn(async () => past),
    pastMedia: vi.fn(async () => new Blob(['png'])),
    ...overrides,
  };
}

describe('private notes (issue 16, item 3)', () => {
  it('the note toggle opens a form that saves the note and closes', async () => {
    const api = fakeApi();
    render(<ContextTools api={api} conversationId="c1" />);
    fireEvent.click(screen.getByTestId('toggle-note'));
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: 'Offer a refund' } });
    fireEvent.click(screen.getByTestId('note-add'));
    await waitFor(() => expect(api.addNote).toHaveBeenCalledWith('c1', 'Offer a refund'));
    await waitFor(() => expect(screen.queryByTestId('note-composer')).toBeNull());
  });

  it('keeps the note and says why when it is not saved', async () => {
    const api = fakeApi({
      addNote: vi.fn(async () =>
        Promise.reject(new PlatformError(409, 'conversation_ended', 'Conversation c1 has ended: no more notes')),
      ),
    });
    render(<ContextTools api={api} conversationId="c1" />);
    fireEvent.click(screen.getByTestId('toggle-note'));
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: 'late' } });
    fireEvent.click(screen.getByTestId('note-add'));
    const alert = await screen.findByRole('alert');
    expect(alert.firstChild?.textContent).toBe('The note was not saved. The conversation has already ended.');
    expect(screen.getByTestId('error-detail').textContent).toBe('Platform code conversation_ended');
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toBe('late');
  });

  it('a note shows apart from the customer’s and the agent’s messages, with who wrote it', () => {
    render(<MessageBubble message={note} customerInitials="MG" />);
    expect(screen.getByTestId('note-message').textContent).toBe('Private note · Ana Agent: Offer a refund');
    expect(screen.queryByTestId('agent-message')).toBeNull();
  });
});

describe('customer view (issue 16, item 4)', () => {
  it('shows what the platform sends (masked), changes tags, opens a previous conversation read-only', async () => {
    const api = fakeApi();
    render(<ContextTools api={api} conversationId="c1" />);
    fireEvent.click(screen.getByTestId('toggle-customer'));
    expect((await screen.findByTestId('customer-name')).textContent).toBe('*********7542');
    const drawer = screen.getByTestId('customer-drawer').textContent ?? '';
    expect(drawer).toContain('*********7542 · GB');
    expect(drawer).toContain('Wrote to us · Preferred agent: Ana Agent');

    fireEvent.input(screen.getByTestId('tag-input'), { target: { value: 'reclamación' } });
    fireEvent.click(screen.getByTestId('tag-add'));
    await waitFor(() =>
      expect(screen.getAllByTestId('customer-tag').map((tag) => tag.firstChild?.textContent)).toEqual([
        'vip',
        'reclamación',
      ]),
    );
    expect(api.addTag).toHaveBeenCalledWith('c1', 'reclamación');
    fireEvent.click(screen.getByRole('button', { name: 'vip ×' }));
    await waitFor(() => expect(screen.queryAllByTestId('customer-tag')).toHaveLength(0));

    fireEvent.click(screen.getByTestId('previous-conversation'));
    const opened = await screen.findByTestId('past-conversation');
    await waitFor(() => expect(opened.textContent).toContain('Closure reason: Resolved'));
    expect(api.past).toHaveBeenCalledWith('c0');
    expect(screen.getByTestId('past-note').textContent).toBe('“Sent the tracking link”');
    expect(screen.getByTestId('customer-message').textContent).toContain('Where is my order?');
    expect(screen.getByTestId('note-message')).toBeTruthy();
    // Read-only: nothing to type into.
    expect(opened.querySelector('textarea, input')).toBeNull();
    fireEvent.click(screen.getByTestId('past-back'));
    expect(await screen.findByTestId('customer-drawer')).toBeTruthy();
  });

  it('follows the tags another participant sets, as the event stream brings them', async () => {
    const api = fakeApi();
    const { rerender } = render(<ContextTools api={api} conversationId="c1" />);
    fireEvent.click(screen.getByTestId('toggle-customer'));
    await waitFor(() => expect(screen.getAllByTestId('customer-tag')).toHaveLength(1));
    rerender(<ContextTools api={api} conversationId="c1" liveTags={['vip', 'reclamación']} />);
    await waitFor(() =>
      expect(screen.getAllByTestId('customer-tag').map((tag) => tag.firstChild?.textContent)).toEqual([
        'vip',
        'reclamación',
      ]),
    );
    expect(api.customer).toHaveBeenCalledOnce();
  });

  it('says why a tag was refused', async () => {
    const api = fakeApi({
      addTag: vi.fn(async () =>
        Promise.reject(
          new PlatformError(400, 'validation_failed', 'Invalid tag', [
            { path: 'tag', message: 'tag must not hold a phone number' },
          ]),
        ),
      ),
    });
    render(<ContextTools api={api} conversationId="c1" />);
    fireEvent.click(screen.getByTestId('toggle-customer'));
    fireEvent.input(await screen.findByTestId('tag-input'), { target: { value: 'tel 612345678' } });
    fireEvent.click(screen.getByTestId('tag-add'));
    const alert = await screen.findByRole('alert');
    expect(alert.firstChild?.textContent).toBe(
      'The tags did not change. Something in it was refused: check it and try again.',
    );
    expect(screen.getByTestId('error-detail').textContent).toBe(
      'Platform code validation_failed: tag: tag must not hold a phone number',
    );
  });

  it('says in plain words when the customer or a past conversation cannot be loaded', async () => {
    const api = fakeApi({
      customer: vi.fn(async () => Promise.reject(new PlatformError(403, 'not_owner', 'Not your conversation'))),
    });
    render(<ContextTools api={api} conversationId="c1" />);
    fireEvent.click(screen.getByTestId('toggle-customer'));
    expect((await screen.findByRole('alert')).firstChild?.textContent).toBe(
      'The customer’s details could not be loaded. Only the agent who owns the conversation can do this.',
    );
    cleanup();
    render(
      <PastConversationView
        load={async () => Promise.reject(new PlatformError(403, 'forbidden', 'Your role cannot read history'))}
        loadMedia={async () => new Blob()}
        onBack={() => {}}
      />,
    );
    expect((await screen.findByRole('alert')).firstChild?.textContent).toBe(
      'The past conversation could not be opened. Your role does not allow this: ask a supervisor.',
    );
    expect(screen.getByTestId('error-detail').textContent).toBe('Platform code forbidden');
  });

  it('history entries open the same read-only view', async () => {
    // The read-only transcript loads photos like the live one (issue 16 item 4).
    const photo: MessageView = {
      id: 'm2',
      conversationId: 'c0',
      direction: 'inbound',
      text: '[image]',
      timestamp: 3,
      seq: 3,
      media: { id: 'media-1', mimeType: 'image/png' },
    };
    URL.createObjectURL = vi.fn(() => 'blob:media');
    URL.revokeObjectURL = vi.fn();
    const open = fakeApi({ past: vi.fn(async () => ({ ...past, messages: [...past.messages, photo] })) });
    render(
      <HistoryList
        load={async () => [
          {
            conversationId: 'c0',
            customerName: 'María García',
            customerNumber: '+34612345678',
            queueName: 'Support',
            endedAt: 1,
            reason: 'end',
          },
        ]}
        open={open}
      />,
    );
    fireEvent.click(await screen.findByTestId('history-open'));
    await waitFor(() => expect(screen.getByTestId('past-conversation').textContent).toContain('María García'));
    expect(open.past).toHaveBeenCalledWith('c0');
    expect((await screen.findByTestId('message-image')).getAttribute('src')).toBe('blob:media');
    expect(open.pastMedia).toHaveBeenCalledWith('c0', 'media-1');
    fireEvent.click(screen.getByTestId('past-back'));
    expect(await screen.findByTestId('history')).toBeTruthy();
  });
});
