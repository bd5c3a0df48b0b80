// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMERS, DemoConsole } from './console.tsx';

afterEach(cleanup);

describe('the demo console', () => {
  it('lists each customer with the number as the console shows it, for the overlay to find', () => {
    render(<DemoConsole />);
    const rows = screen.getByTestId('customers').querySelectorAll('tbody tr');
    expect([...rows].map((row) => row.querySelector('.phone')?.textContent)).toEqual(CUSTOMERS.map((c) => c.phone));
    expect(rows[0]?.textContent).toBe('Lucía Pérez+34 699 000 111Order A-2001 delayed');
  });
});
