// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from './composer.tsx';

afterEach(cleanup);

function setup({ disabled = false, sent = true } = {}) {
  const onSend = vi.fn(async (_text: string) => sent);
  render(<Composer placeholder="Reply to María" disabled={disabled} onSend={onSend} />);
  const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
  return { onSend, input };
}

const type = (input: HTMLTextAreaElement, value: string) => fireEvent.input(input, { target: { value } });

describe('Composer (AG-5)', () => {
  it('limits replies to 4096 characters and counts them', () => {
    const { input } = setup();
    expect(input.maxLength).toBe(4096);
    expect(input.placeholder).toBe('Reply to María');
    type(input, 'Hola');
    expect(screen.getByTestId('composer-counter').textContent).toBe('4/4096');
  });

  it('sends with Enter and clears the box; Shift+Enter starts a new line instead', async () => {
    const { input, onSend } = setup();
    type(input, 'line one');
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('line one');
    await vi.waitFor(() => expect(input.value).toBe(''));
  });

  it('keeps the text when sending fails', async () => {
    const { input, onSend } = setup({ sent: false });
    type(input, 'try again');
    fireEvent.click(screen.getByTestId('composer-send'));
    await vi.waitFor(() => expect(onSend).toHaveBeenCalled());
    expect(input.value).toBe('try again');
  });

  it('does not send blank text, nor anything while disabled (24-hour window closed)', () => {
    const blank = setup();
    type(blank.input, '   ');
    fireEvent.keyDown(blank.input, { key: 'Enter' });
    expect(blank.onSend).not.toHaveBeenCalled();
    expect((screen.getByTestId('composer-send') as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    const closed = setup({ disabled: true });
    expect(closed.input.disabled).toBe(true);
  });
});
