// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentStatus } from '../../shared/api/schemas.ts';
import { reasonName, StateBar } from './state-bar.tsx';

const start = Date.UTC(2026, 10, 18, 10, 0, 0);
const reasons = [
  { id: 'reason_break', name: 'Break', nameEs: 'Descanso' },
  { id: 'reason_lunch', name: 'Lunch', nameEs: 'Comida' },
];

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(start);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function bar(status: AgentStatus, onChange = vi.fn()) {
  render(
    <StateBar
      status={status}
      connected={true}
      displayName="Ana Agent"
      reasons={reasons}
      onChange={onChange}
      onSignOut={() => undefined}
    />,
  );
  return onChange;
}

describe('StateBar (issue 13: states with reasons)', () => {
  it('shows the state, its reason and how long it has lasted', () => {
    bar({ state: 'unavailable', since: start - 125_000, reason: reasons[1] as (typeof reasons)[number] });
    expect(screen.getByTestId('agent-state').textContent).toBe('Unavailable · Lunch · 02:05');
    expect((screen.getByTestId('unavailable-reason') as HTMLSelectElement).value).toBe('reason_lunch');
  });

  it('goes Unavailable with the reason picked from the list', () => {
    const onChange = bar({ state: 'available', since: start });
    fireEvent.change(screen.getByTestId('unavailable-reason'), { target: { value: 'reason_break' } });
    expect(onChange).toHaveBeenCalledWith('unavailable', 'reason_break');
  });

  it('says why when the platform made her Unavailable (disconnected), and does not pretend she picked it', () => {
    bar({
      state: 'unavailable',
      since: start,
      reason: { id: 'disconnected', name: 'Disconnected', nameEs: 'Desconectado', system: true },
    });
    expect(screen.getByTestId('agent-state-reason').textContent).toContain('Disconnected');
    expect(screen.getByTestId('disconnected-notice')).toBeTruthy();
    expect((screen.getByTestId('unavailable-reason') as HTMLSelectElement).value).toBe('');
  });

  it('counts down after-contact work', () => {
    bar({ state: 'acw', since: start - 10_000, until: start + 50_000 });
    expect(screen.getByTestId('agent-state').textContent).toBe('After-contact work · 00:50 left');
    expect(screen.getByTestId('acw-notice')).toBeTruthy();
  });

  it('names a reason in the panel’s language', () => {
    expect(reasonName(reasons[0] as (typeof reasons)[number], 'es-ES')).toBe('Descanso');
    expect(reasonName(reasons[0] as (typeof reasons)[number], 'en-GB')).toBe('Break');
  });
});
