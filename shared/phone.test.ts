import { describe, expect, it } from 'vitest';
import { fromWaId, parsePhone, toWaId } from './phone.ts';
import { formatPhone } from './phone-format.ts';

describe('parsePhone', () => {
  it.each([
    ['+1 614 555 1234', '+16145551234'],
    ['+34 612 345 678', '+34612345678'],
    ['+447966197542', '+447966197542'],
  ])('normalises %s to %s', (input, e164) => {
    const result = parsePhone(input);
    expect(result).toMatchObject({ ok: true, e164, waId: e164.slice(1) });
  });

  it('reads a national number with a default region', () => {
    expect(parsePhone('612 34 56 78', 'ES')).toMatchObject({ ok: true, e164: '+34612345678' });
  });

  it.each([
    ['', 'required'],
    ['hello', 'international format'],
    ['+34 123', 'not a valid'],
    ['+44 7700 900123', 'not a valid'],
  ])('rejects %j with a reason mentioning %s', (input, reason) => {
    const result = parsePhone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('converts between E.164 and wa_id', () => {
    expect(toWaId('+16145551234')).toBe('16145551234');
    expect(fromWaId('16145551234')).toBe('+16145551234');
    expect(formatPhone('+16145551234')).toBe('+1 614 555 1234');
  });
});
