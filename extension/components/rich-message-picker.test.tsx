// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../utils/api-client.ts';
import { RichMessagePicker } from './rich-message-picker.tsx';

afterEach(cleanup);

describe('RichMessagePicker (TP-3)', () => {
  it('lists the channel’s rich messages with previews and sends the chosen one', async () => {
    const send = vi.fn(async () => true);
    render(
      <RichMessagePicker
        conversationId="c1"
        load={async () => [
          { id: 'r1', name: 'Refund or exchange', kind: 'quick_replies', preview: 'Refund?\n[Yes] [No]' },
          { id: 'r2', name: 'Track', kind: 'rich_link', preview: 'Track\nhttps://loro.example' },
        ]}
        onSend={send}
      />,
    );
    const items = await screen.findAllByTestId('rich-message');
    expect(items.map((item) => item.textContent)).toEqual([
      'Refund or exchange Quick repliesRefund?\n[Yes] [No]Send',
      'Track Rich linkTrack\nhttps://loro.example' + 'Send',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Send Track' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('r2'));
  });

  it('says when the channel has none', async () => {
    render(<RichMessagePicker conversationId="c1" load={async () => []} onSend={async () => true} />);
    expect((await screen.findByTestId('no-rich-messages')).textContent).toBe(
      'No rich messages are assigned to this channel.',
    );
  });

  it('says in words why the list did not load, the platform’s code as the detail', async () => {
    const failure = new PlatformError(0, 'unreachable', 'The platform at http://x cannot be reached');
    render(<RichMessagePicker conversationId="c1" load={() => Promise.reject(failure)} onSend={async () => true} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The rich messages could not be loaded. The platform cannot be reached: check your connection, then try again.',
    );
  });
});
