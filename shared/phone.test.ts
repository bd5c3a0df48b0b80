import { describe, expect, it } from 'vitest';
import { fromCloudApiNumber, fromWaId, isMetaTestNumber, parsePhone, toWaId } from './phone.ts';
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

describe('fromCloudApiNumber', () => {
  it.each([
    ['+1 555-078-3881', '+15550783881'],
    ['15550783881', '+15550783881'],
    ['+1 (555) 123-4567', '+15551234567'],
    ['+34 910 123 456', '+34910123456'],
  ])('takes %s as WhatsApp reports it: %s (Meta’s test numbers included)', (display, e164) => {
    expect(fromCloudApiNumber(display)).toBe(e164);
  });

  it.each(['', 'n/a', '+1 555', '1234567890123456'])('gives up on %j', (display) => {
    expect(fromCloudApiNumber(display)).toBeUndefined();
  });

  it('knows Meta’s +1 555 test range, which libphonenumber calls invalid', () => {
    expect(isMetaTestNumber('+1 555 078 3881')).toBe(true);
    expect(parsePhone('+1 555 078 3881').ok).toBe(false);
    expect(isMetaTestNumber('+16145551234')).toBe(false);
  });
});
