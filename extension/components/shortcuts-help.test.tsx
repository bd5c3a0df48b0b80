// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../utils/i18n.ts';
import { ShortcutsHelp } from './shortcuts-help.tsx';
import { useShortcuts } from './use-shortcuts.ts';

afterEach(cleanup);

function Desk({ handlers }: { handlers: Parameters<typeof useShortcuts>[0] }) {
  useShortcuts(handlers);
  return <textarea data-testid="box" />;
}

describe('keyboard shortcuts', () => {
  it('run the desk action for Alt+Shift+A / N / E, from the reply box too, and nothing else', () => {
    const handlers = { accept: vi.fn(), next: vi.fn(), end: vi.fn() };
    render(<Desk handlers={handlers} />);
    const box = screen.getByTestId('box');
    const press = (code: string, init: KeyboardEventInit = { altKey: true, shiftKey: true }) => {
      const event = new KeyboardEvent('keydown', { code, bubbles: true, cancelable: true, ...init });
      box.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(press('KeyA')).toBe(true);
    press('KeyN');
    press('KeyE');
    expect(press('KeyE', { altKey: true })).toBe(false);
    expect(press('KeyQ')).toBe(false);
    expect([handlers.accept, handlers.next, handlers.end].map((handler) => handler.mock.calls.length)).toEqual([
      1, 1, 1,
    ]);
  });

  it('act on the desk as it is at the key press (the latest handlers)', () => {
    const first = { accept: vi.fn(), next: vi.fn(), end: vi.fn() };
    const second = { accept: vi.fn(), next: vi.fn(), end: vi.fn() };
    const { rerender } = render(<Desk handlers={first} />);
    rerender(<Desk handlers={second} />);
    fireEvent.keyDown(document.body, { code: 'KeyN', altKey: true, shiftKey: true });
    expect(first.next).not.toHaveBeenCalled();
    expect(second.next).toHaveBeenCalledTimes(1);
  });

  it('stop listening when the desk goes', async () => {
    const handlers = { accept: vi.fn(), next: vi.fn(), end: vi.fn() };
    const { unmount } = render(<Desk handlers={handlers} />);
    await act(() => {
      unmount();
    });
    fireEvent.keyDown(document.body, { code: 'KeyA', altKey: true, shiftKey: true });
    expect(handlers.accept).not.toHaveBeenCalled();
  });

  it('are listed in the help popover, in English and Spanish', () => {
    render(<ShortcutsHelp />);
    const toggle = screen.getByTestId('shortcuts-toggle');
    expect(toggle.getAttribute('popovertarget')).toBe('shortcuts-help');
    const help = screen.getByTestId('shortcuts-help');
    expect(help.getAttribute('popover')).toBe('auto');
    expect([...help.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Alt+Shift+A',
      'Alt+Shift+N',
      'Alt+Shift+E',
      '/',
      'Esc',
    ]);
    expect([...help.querySelectorAll('dd')].map((dd) => dd.textContent).slice(0, 3)).toEqual([
      'Accept the offer',
      'Next conversation',
      'End the conversation',
    ]);
    const es = translator('es-ES');
    expect([es('shortcutsTitle'), es('shortcutAccept'), es('shortcutNext'), es('shortcutEnd')]).toEqual([
      'Atajos de teclado',
      'Aceptar la oferta',
      'Conversación siguiente',
      'Finalizar la conversación',
    ]);
  });
});
