import { describe, expect, it } from 'vitest';
import { detectSensitive } from './detect.ts';
import { maskSensitive, maskValue } from './mask.ts';
import type { SensitiveKind } from './types.ts';

/** The values detected in `text`, as [kind, value] pairs. */
function found(text: string, regions: string[] = []): [SensitiveKind, string][] {
  return detectSensitive(text, { regions }).map((span) => [span.kind, text.slice(span.start, span.end)]);
}

describe('the reference document’s examples', () => {
  it.each([
    ['phone', '+ 1 (123) 456 7890', '**********7890'],
    ['phone', '+447966197542', '*********7542'],
    ['email', 'melissa@gmail.com', 'm******@gmail.com'],
  ] as const)('%s %s → %s', (kind, value, masked) => {
    expect(maskValue(kind, value)).toBe(masked);
  });

  it('masks the two that are valid in running text the same way', () => {
    expect(maskSensitive('Escríbeme a melissa@gmail.com o llama al +447966197542.')).toBe(
      'Escríbeme a m******@gmail.com o llama al *********7542.',
    );
  });

  // The customer's and the channel's countries must not matter: none, the same, or others.
  it.each([[[]], [['US']], [['GB', 'US']], [['ES', 'MX']], [['IN', 'BR']]])(
    'gives exactly the reference output in free text with regions %j',
    (regions) => {
      for (const [value, masked] of [
        ['+ 1 (123) 456 7890', '**********7890'],
        ['+447966197542', '*********7542'],
        ['melissa@gmail.com', 'm******@gmail.com'],
      ] as const) {
        expect(maskSensitive(value, { regions })).toBe(masked);
        expect(maskSensitive(`Mi dato: ${value}, gracias`, { regions })).toBe(`Mi dato: ${masked}, gracias`);
      }
    },
  );
});

describe('credit cards', () => {
  it.each([
    ['Visa', '4111 1111 1111 1111'],
    ['Visa, compact', '4111111111111111'],
    ['Visa, dashes', '4012-8888-8888-1881'],
    ['Visa, dots', '4111.1111.1111.1111'],
    ['Mastercard', '5555 5555 5555 4444'],
    ['Mastercard 2-series', '2223 0031 2200 3222'],
    ['American Express', '3782 822463 10005'],
    ['Discover', '6011 1111 1111 1117'],
    ['JCB', '3530 1113 3330 0000'],
    ['Diners Club', '3056 9309 0259 04'],
    ['UnionPay', '6200 0000 0000 0005'],
  ])('finds %s (%s)', (_issuer, number) => {
    expect(found(`mi tarjeta es ${number}, gracias`)).toEqual([['credit_card', number]]);
  });

  it.each([
    ['a Luhn failure', '4111 1111 1111 1112'],
    ['an unknown issuer prefix', '9111 1111 1111 1111'],
    ['too short', '4111 1111 111'],
    ['mixed separators', '4111 1111-1111.1111'],
    ['an order number', 'ORD-100023456789'],
    ['a long tracking number', '123456789012345678901234'],
  ])('leaves %s alone (%s)', (_label, text) => {
    expect(found(text).filter(([kind]) => kind === 'credit_card')).toEqual([]);
  });
});

describe('IBANs', () => {
  it.each([
    ['ES91 2100 0418 4502 0005 1332'],
    ['ES9121000418450200051332'],
    ['GB82 WEST 1234 5698 7654 32'],
    ['DE89 3704 0044 0532 0130 00'],
    ['FR14 2004 1010 0505 0001 3M02 606'],
    ['NL91ABNA0417164300'],
  ])('finds %s', (iban) => {
    expect(found(`IBAN: ${iban}. Gracias`)).toEqual([['iban', iban]]);
  });

  it('stops at the country’s length, not at the next word', () => {
    expect(found('ES9121000418450200051332 OK YES')).toEqual([['iban', 'ES9121000418450200051332']]);
  });

  it.each([
    ['a bad checksum', 'ES92 2100 0418 4502 0005 1332'],
    ['a wrong length for the country', 'ES91 2100 0418 4502 0005 133'],
    ['an unknown country', 'ZZ91 2100 0418 4502 0005 1332'],
    ['a product code', 'AB12CDEF'],
  ])('leaves %s alone (%s)', (_label, text) => {
    expect(found(text).filter(([kind]) => kind === 'iban')).toEqual([]);
  });
});

describe('US social security numbers', () => {
  it.each([['123-45-6789'], ['123 45 6789'], ['SSN 123456789'], ['my social security number is 078051120']])(
    'finds %s',
    (text) => {
      expect(found(text).map(([kind, value]) => [kind, value.replace(/\D/g, '')])).toEqual([
        ['ssn', text.replace(/\D/g, '').slice(-9)],
      ]);
    },
  );

  it.each([
    ['area 000', '000-12-3456'],
    ['area 666', '666-12-3456'],
    ['area 9xx', '912-34-5678'],
    ['group 00', '123-00-4567'],
    ['serial 0000', '123-45-0000'],
    ['mixed separators', '123-45 6789'],
    ['a bare 9-digit number without a keyword', 'pedido 123456789'],
    ['a date', '2024-01-15'],
  ])('leaves %s alone (%s)', (_label, text) => {
    expect(found(text).filter(([kind]) => kind === 'ssn')).toEqual([]);
  });
});

describe('emails', () => {
  it.each([
    ['melissa@gmail.com'],
    ['ana.maria+pedidos@correo.example.es'],
    ['josé.núñez@empresa.mx'],
    ['x_y-z%1@mail.sub.domain.co.uk'],
  ])('finds %s', (email) => {
    expect(found(`(${email})`)).toEqual([['email', email]]);
  });

  it.each([['user@localhost'], ['@handle'], ['a@b'], ['name@domain.c']])('leaves %s alone', (text) => {
    expect(found(text).filter(([kind]) => kind === 'email')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['+447966197542', []],
    ['+44 7966 197542', []],
    ['+1 614 555 1234', []],
    ['+34 612 34 56 78', []],
    ['612 34 56 78', ['ES']],
    ['07966 197542', ['GB']],
    ['(614) 555-1234', ['US']],
    ['+447966197542', ['ES']],
  ])('finds %s (regions %j)', (phone, regions) => {
    expect(found(`llámame al ${phone} mañana`, regions)).toEqual([['phone', phone]]);
  });

  // Written in the national format of a region that is neither the customer's nor the channel's.
  it.each([
    ['ES mobile', '612 34 56 78'],
    ['ES landline', '91 123 45 67'],
    ['MX mobile', '55 1234 5678'],
    ['MX, dashes', '55-1234-5678'],
    ['BR mobile', '(11) 91234-5678'],
    ['BR landline', '(21) 2345-6789'],
    ['GB mobile', '07966 197542'],
    ['GB mobile, no spaces', '07966197542'],
    ['GB landline', '020 7946 0958'],
    ['DE mobile', '0151 23456789'],
    ['DE mobile, slash', '0151/23456789'],
    ['DE landline', '030 12345678'],
    ['IN mobile', '98765 43210'],
    ['IN mobile with trunk prefix', '098765 43210'],
    ['IN landline', '011 2345 6789'],
  ])('finds a national %s number from any region (%s)', (_label, phone) => {
    for (const regions of [[], ['US'], ['GB', 'US'], ['JP']]) {
      expect(found(`mi número es ${phone}, gracias`, regions)).toEqual([['phone', phone]]);
    }
  });

  it('finds a bare run of digits from any region when the text says it is a phone number', () => {
    expect(found('mi móvil: 612345678', ['GB', 'US'])).toEqual([['phone', '612345678']]);
    expect(found('pedido 612345678', ['GB', 'US'])).toEqual([]);
  });

  it.each([
    ['an unassigned area code', '+1 (123) 456 7890'],
    ['a typo', '+44 7966 19754'],
    ['dots', '+34.612.34.56.7'],
  ])('masks any international number, valid or not: %s (%s)', (_label, phone) => {
    expect(found(`llama al ${phone} hoy`)).toEqual([['phone', phone]]);
  });

  it('stops an international number before a time or a quantity', () => {
    expect(found('+1 (123) 456 7890 10:30')).toEqual([['phone', '+1 (123) 456 7890']]);
    expect(found('+34 612 34 56 78 3 cajas')).toEqual([['phone', '+34 612 34 56 78']]);
  });

  it('does not take the next number for an extension', () => {
    expect(found('07966 197542, 0151 23456789', ['GB'])).toEqual([
      ['phone', '07966 197542'],
      ['phone', '0151 23456789'],
    ]);
  });

  it.each([
    ['a date', '2024-01-15'],
    ['a date, day first', '21/11/2026'],
    ['a date with dots', '15.01.2024'],
    ['a time', '10:30'],
    ['an amount', '1.234.567,89 €'],
    ['an amount with spaces', '$ 1 234 567'],
    ['a price', 'Price 1234 5678 9012'],
    ['an order number', 'order #123456789'],
    ['an invoice', 'factura 2026/004512'],
    ['an invoice code', 'INV-2026-004512'],
    ['a build number', 'build 20261121'],
    ['a version', 'v10.4.2'],
    ['an IBAN-like reference with a bad checksum', 'ES92 2100 0418 4502 0005 1332'],
    ['a creditor reference', 'RF18 5390 0754 7034'],
  ])('leaves %s alone whatever the regions (%s)', (_label, text) => {
    for (const regions of [[], ['ES'], ['GB', 'US'], ['IN', 'BR', 'MX', 'DE']]) {
      expect(found(`${text} ok`, regions).filter(([kind]) => kind === 'phone')).toEqual([]);
    }
  });

  it.each([
    ['a date', '2024-01-15', ['ES', 'US']],
    ['a time', '10:30', ['ES']],
    ['an impossible number', '+34 123', []],
    ['an order number', 'pedido 100023456789', ['ES']],
    ['a number inside an invoice code', 'Invoice INV-2026-004512', ['GB', 'ES', 'US']],
    ['a number glued to letters', 'ref612345678', ['ES']],
  ])('leaves %s alone (%s)', (_label, text, regions) => {
    expect(found(text, regions).filter(([kind]) => kind === 'phone')).toEqual([]);
  });
});

describe('detectSensitive', () => {
  it('returns sorted spans that do not overlap, the specific kind winning', () => {
    const text = 'Card 4111111111111111, mail 34612345678@wa.example.com, tel +34 612 34 56 78';
    const spans = detectSensitive(text);
    expect(spans.map((s) => s.kind)).toEqual(['credit_card', 'email', 'phone']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]?.start).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
  });

  it('does not take a card out of the tail of an SSN next to it', () => {
    expect(found('123-45-6789 4111 1111 1111 1111')).toEqual([
      ['ssn', '123-45-6789'],
      ['credit_card', '4111 1111 1111 1111'],
    ]);
  });

  it('finds a number right after a time', () => {
    expect(found('612 34 56 78 : 10:30 612 34 56 78', ['ES'])).toEqual([
      ['phone', '612 34 56 78'],
      ['phone', '612 34 56 78'],
    ]);
  });

  it('finds a number after a stray bracket', () => {
    expect(found('A[ +447966197542 and (+34 612 34 56 78', ['ES'])).toEqual([
      ['phone', '+447966197542'],
      ['phone', '+34 612 34 56 78'],
    ]);
  });

  it('uses UTF-16 offsets', () => {
    const text = '😀 melissa@gmail.com';
    const [span] = detectSensitive(text);
    expect(span).toEqual({ kind: 'email', start: 3, end: 20 });
  });
});

describe('numbers next to codes', () => {
  it('leaves a number named as a code alone, whatever the regions', () => {
    for (const text of ['pedido nº 612 34 56 78', 'Order #612345678', 'Factura: 612 34 56 78']) {
      for (const regions of [[], ['ES'], ['GB', 'US'], ['IN', 'BR', 'MX', 'DE']]) {
        expect(found(`${text} ok`, regions)).toEqual([]);
      }
    }
  });

  it('finds a number after a short code, in the customer’s region or any other', () => {
    for (const regions of [['ES'], ['GB', 'US']]) {
      expect(found('pedido A-1042 612 34 56 78', regions)).toEqual([['phone', '612 34 56 78']]);
    }
  });
});

describe('numbers in brackets', () => {
  it('leaves the closing bracket after a number in brackets', () => {
    expect(maskSensitive('el canal (+16145551234) se borró')).toBe('el canal (********1234) se borró');
    expect(maskSensitive('(+ 1 (123) 456 7890)', { regions: ['GB'] })).toBe('(**********7890)');
  });
});
