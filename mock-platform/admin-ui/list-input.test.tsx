// @vitest-environment happy-dom
import { fireEvent, render } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { ListInput, parseList } from './list-input.tsx';

function Countries({ seen }: { seen: string[][] }) {
  const [codes, setCodes] = useState<string[]>([]);
  return (
    <ListInput
      aria-label="countries"
      value={codes}
      normalise={(code) => code.toUpperCase()}
      onChange={(next) => {
        seen.push(next);
        setCodes(next);
      }}
    />
  );
}

describe('lists typed with commas', () => {
  it.each([
    ['ES, MX', ['ES', 'MX']],
    ['es,mx  br', ['ES', 'MX', 'BR']],
    [' , ', []],
  ])('%j → %j', (text, expected) => {
    expect(parseList(text, (code) => code.toUpperCase())).toEqual(expected);
  });

  it('keeps the comma being typed instead of re-rendering the list under the cursor', () => {
    const seen: string[][] = [];
    const view = render(<Countries seen={seen} />);
    const box = view.getByLabelText('countries') as HTMLInputElement;
    for (const text of ['E', 'ES', 'ES,', 'ES, ', 'ES, m', 'ES, mx']) fireEvent.input(box, { target: { value: text } });
    expect(box.value).toBe('ES, mx');
    expect(seen.at(-1)).toEqual(['ES', 'MX']);
    expect(seen.at(2)).toEqual(['ES']);
  });
});
