// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Errors } from '../ui.tsx';
import { TimeSlotsField } from './time-slots-field.tsx';

function Slots({ seen, errors = {}, start = '2026-12-04T10:00' }: { seen: string[]; errors?: Errors; start?: string }) {
  const [value, setValue] = useState(start);
  return (
    <TimeSlotsField
      name="content.slots"
      value={value}
      errors={errors}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

afterEach(cleanup);

describe('time slots picked with a date-and-time control', () => {
  it('adds a row, takes its time, removes a row', () => {
    const seen: string[] = [];
    render(<Slots seen={seen} />);
    expect((screen.getByTestId('slot-0') as HTMLInputElement).type).toBe('datetime-local');
    fireEvent.click(screen.getByTestId('add-slot'));
    expect(seen.at(-1)).toBe('2026-12-04T10:00\n');
    fireEvent.input(screen.getByTestId('slot-1'), { target: { value: '2026-12-05T16:30' } });
    expect(seen.at(-1)).toBe('2026-12-04T10:00\n2026-12-05T16:30');
    fireEvent.click(screen.getByLabelText('Remove time 1'));
    expect(seen.at(-1)).toBe('2026-12-05T16:30');
  });

  it('starts empty and keeps a row just added, before it has a time', () => {
    const seen: string[] = [];
    render(<Slots seen={seen} start="" />);
    fireEvent.click(screen.getByTestId('add-slot'));
    expect((screen.getByTestId('slot-0') as HTMLInputElement).value).toBe('');
    fireEvent.input(screen.getByTestId('slot-0'), { target: { value: '2026-12-05T16:30' } });
    expect(seen.at(-1)).toBe('2026-12-05T16:30');
  });

  it('shows each slot’s refusal beside that slot', () => {
    render(<Slots seen={[]} errors={{ 'content.slots.0': '2026-12-04T10:00 ya ha pasado' }} />);
    expect(screen.getByTestId('error-content.slots.0').textContent).toBe('2026-12-04T10:00 ya ha pasado');
    expect(screen.getByTestId('slot-0').getAttribute('aria-invalid')).toBe('true');
  });

  it('offers at most 10 times, as WhatsApp lists do', () => {
    const seen: string[] = [];
    render(<Slots seen={seen} />);
    for (let i = 0; i < 9; i++) fireEvent.click(screen.getByTestId('add-slot'));
    expect(screen.queryByTestId('add-slot')).toBeNull();
  });
});
