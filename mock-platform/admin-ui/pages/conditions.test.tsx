// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConditionsEditor } from './conditions.tsx';

afterEach(cleanup);

describe('routing conditions', () => {
  it('shows each condition’s refusal under that condition, not in a summary with its path', () => {
    render(
      <ConditionsEditor
        name="rules.0.when"
        channels={[]}
        onChange={() => undefined}
        conditions={[
          { field: 'text', op: 'contains', value: 'refund' },
          { field: 'text', op: 'matches', value: '(a)\\1' },
        ]}
        errors={{ 'rules.0.when.1.value': 'no es una expresión regular que la plataforma pueda evaluar' }}
      />,
    );
    expect(screen.queryByTestId('error-rules.0.when.0')).toBeNull();
    const error = screen.getByTestId('error-rules.0.when.1');
    expect(error.textContent).toBe('no es una expresión regular que la plataforma pueda evaluar');
    // Beside its own condition's value box.
    const box = error.parentElement?.querySelector('[data-testid="condition-value"]') as HTMLInputElement;
    expect(box.value).toBe('(a)\\1');
  });
});
