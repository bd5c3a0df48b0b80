// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from './composer.tsx';

afterEach(cleanup);

/** The composer as the desk holds it: the draft lives outside, per conversation. */
function Holder({ disabled, onSend }: { disabled: boolean; onSend: (conversationId: string, text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <Composer
      conversationId="c1"
      text={text}
      sending={false}
      placeholder="Reply to María"
      disabled={disabled}
      onTextChange={(_, next) => setText(next)}
      onSend={onSend}
    />
  );
}

function setup({ disabled = false } = {}) {
  const onSend = vi.fn((_conversationId: string, _text: string) => undefined);
  render(<Holder disabled={disabled} onSend={onSend} />);
  const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
  return { onSend, input };
}

const type = (input: HTMLTextAreaElement, value: string) => fireEvent.input(input, { target: { value } });

describe('Composer (AG-5)', () => {
  it('limits replies to 4096 characters and counts them; the text runs in its own direction', () => {
    const { input } = setup();
    expect(input.maxLength).toBe(4096);
    expect(input.placeholder).toBe('Reply to María');
    expect(input.getAttribute('dir')).toBe('auto');
    type(input, 'Hola');
    expect(screen.getByTestId('composer-counter').textContent).toBe('4/4096');
  });

  it('sends with Enter, naming its conversation; Shift+Enter starts a new line instead', () => {
    const { input, onSend } = setup();
    type(input, 'line one');
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('c1', 'line one');
  });

  it('says so when a paste is cut at 4096 characters', () => {
    const { input } = setup();
    type(input, 'Hola ');
    input.setSelectionRange(5, 5);
    const clipboardData = { getData: () => 'x'.repeat(5000) };
    fireEvent.paste(input, { clipboardData });
    type(input, `Hola ${'x'.repeat(4091)}`);
    expect(screen.getByTestId('composer-cut').textContent).toMatch(/cut.*4,096 characters/);
    type(input, 'Hola');
    expect(screen.queryByTestId('composer-cut')).toBeNull();
  });

  it('says nothing when a paste fits', () => {
    const { input } = setup();
    fireEvent.paste(input, { clipboardData: { getData: () => 'short' } });
    type(input, 'short');
    expect(screen.queryByTestId('composer-cut')).toBeNull();
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
