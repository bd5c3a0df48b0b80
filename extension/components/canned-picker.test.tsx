// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CannedResponseView } from '../../shared/api/canned-response-view.ts';
import { Composer } from './composer.tsx';
import { cannedQuery } from './use-canned-picker.ts';

afterEach(cleanup);

const responses: CannedResponseView[] = [
  { id: 'r1', name: 'Greeting', shortcut: 'hello', language: 'en', text: 'Hello María, I am Ana.' },
  { id: 'r2', name: 'Saludo', shortcut: 'hola', language: 'es', text: 'Hola María, soy Ana.' },
  { id: 'r3', name: 'Checking', shortcut: 'check', language: 'en', text: 'Let me check that for you.' },
];

function setup(load: () => Promise<CannedResponseView[]> = async () => responses) {
  const onSend = vi.fn();
  const onEscape = vi.fn();
  const loader = vi.fn(load);
  function Holder() {
    const [text, setText] = useState('');
    return (
      <Composer
        conversationId="c1"
        text={text}
        sending={false}
        placeholder="Reply"
        disabled={false}
        onTextChange={(_, next) => setText(next)}
        onSend={onSend}
        loadCanned={loader}
        onEscape={onEscape}
      />
    );
  }
  render(<Holder />);
  const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
  const type = (value: string) => fireEvent.input(input, { target: { value } });
  const key = (key: string) => fireEvent.keyDown(input, { key });
  const options = () => screen.queryAllByTestId('canned-option').map((option) => option.dataset.shortcut);
  return { input, type, key, options, onSend, onEscape, loader };
}

describe('cannedQuery', () => {
  it.each([
    ['/', ''],
    ['/hol', 'hol'],
    ['/buenos días', 'buenos días'],
    ['hola /x', undefined],
    ['/a\nb', undefined],
    ['', undefined],
  ])('%j → %j', (text, query) => expect(cannedQuery(text)).toBe(query));
});

describe('the canned-response picker in the composer', () => {
  it('opens on / at the start, loads once, searches as the agent types', async () => {
    const { type, options, loader } = setup();
    type('/');
    await waitFor(() => expect(options()).toEqual(['check', 'hello', 'hola']));
    type('/h');
    expect(options()).toEqual(['hello', 'hola', 'check']);
    type('/saludo');
    expect(options()).toEqual(['hola']);
    expect(loader).toHaveBeenCalledTimes(1);
    type('hola');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
  });

  it('arrows choose, Enter inserts the text (editable, not sent)', async () => {
    const { input, type, key, onSend } = setup();
    type('/h');
    await screen.findAllByTestId('canned-option');
    key('ArrowDown');
    expect(screen.getAllByTestId('canned-option')[1]?.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe('canned-c1-1');
    key('ArrowUp');
    key('ArrowUp');
    expect(screen.getAllByTestId('canned-option')[2]?.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    key('ArrowDown');
    expect(screen.getAllByTestId('canned-option')[1]?.getAttribute('aria-selected')).toBe('true');
    key('Enter');
    expect(input.value).toBe('Hola María, soy Ana.');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    expect(onSend).not.toHaveBeenCalled();
    type('Hola María, soy Ana. ¿Le ayudo?');
    key('Enter');
    expect(onSend).toHaveBeenCalledWith('c1', 'Hola María, soy Ana. ¿Le ayudo?');
  });

  it('a click inserts too', async () => {
    const { input, type } = setup();
    type('/check');
    fireEvent.mouseDown(await screen.findByText('Let me check that for you.'));
    expect(input.value).toBe('Let me check that for you.');
  });

  it('Esc closes it until the / is gone; Esc without the list cancels (the quoted reply)', async () => {
    const { type, key, onEscape, onSend } = setup();
    type('/zzz');
    expect((await screen.findByTestId('canned-note')).textContent).toContain('“zzz”');
    key('Enter');
    expect(onSend).not.toHaveBeenCalled();
    key('Escape');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    expect(onEscape).not.toHaveBeenCalled();
    type('/zzzz');
    expect(screen.queryByTestId('canned-picker')).toBeNull();
    key('Escape');
    expect(onEscape).toHaveBeenCalledTimes(1);
    type('');
    type('/');
    expect(screen.getByTestId('canned-picker')).toBeTruthy();
  });

  it('says so when none exist or they cannot be loaded', async () => {
    const empty = setup(async () => []);
    empty.type('/');
    expect((await screen.findByTestId('canned-note')).textContent).toBe('No canned responses for this channel yet.');
    cleanup();
    const failing = setup(() => Promise.reject(new Error('offline')));
    failing.type('/');
    await waitFor(() =>
      expect(screen.getByTestId('canned-note').textContent).toBe('Canned responses could not be loaded.'),
    );
  });
});
