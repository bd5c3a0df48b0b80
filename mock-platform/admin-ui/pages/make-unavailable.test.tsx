// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n.ts';
import { MakeUnavailable } from './make-unavailable.tsx';

const reasons = [
  { id: 'reason_break', name: 'Break', nameEs: 'Descanso' },
  { id: 'reason_lunch', name: 'Lunch', nameEs: 'Comida' },
];

afterEach(() => {
  cleanup();
  setLanguage('en');
});

describe('Make Unavailable on the agent board', () => {
  it.each([
    ['reason_lunch', 'reason_lunch'],
    ['', undefined],
  ])('picks reason %j (in the UI’s language) and sends %j', async (choice, sent) => {
    setLanguage('es');
    const confirmed: (string | undefined)[] = [];
    render(
      <MakeUnavailable
        agentName="Ana"
        reasons={reasons}
        disabled={false}
        onConfirm={async (reasonId) => {
          confirmed.push(reasonId);
        }}
      />,
    );
    fireEvent.click(screen.getByTestId('make-unavailable'));
    const select = screen.getByTestId('unavailable-reason') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Sin motivo', 'Descanso', 'Comida']);
    expect(select.getAttribute('aria-label')).toBe('Por qué Ana no está disponible');
    fireEvent.change(select, { target: { value: choice } });
    fireEvent.click(screen.getByTestId('confirm-unavailable'));
    await waitFor(() => expect(screen.queryByTestId('unavailable-reason')).toBeNull());
    expect(confirmed).toEqual([sent]);
  });

  it('sends nothing when cancelled, and offers nothing for an agent who is not Available', () => {
    const confirmed: (string | undefined)[] = [];
    const view = render(
      <MakeUnavailable
        agentName="Ana"
        reasons={reasons}
        disabled={false}
        onConfirm={async (id) => void confirmed.push(id)}
      />,
    );
    fireEvent.click(screen.getByTestId('make-unavailable'));
    fireEvent.click(screen.getByTestId('cancel-unavailable'));
    expect(screen.queryByTestId('unavailable-reason')).toBeNull();
    view.rerender(
      <MakeUnavailable
        agentName="Ana"
        reasons={reasons}
        disabled={true}
        onConfirm={async (id) => void confirmed.push(id)}
      />,
    );
    expect((screen.getByTestId('make-unavailable') as HTMLButtonElement).disabled).toBe(true);
    expect(confirmed).toEqual([]);
  });
});
