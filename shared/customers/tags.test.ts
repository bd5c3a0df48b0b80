import { describe, expect, it } from 'vitest';
import { customerTagSchema, withoutTag, withTag } from './tags.ts';

describe('customerTagSchema', () => {
  it.each([
    ['vip', 'vip'],
    ['  reclamación   abierta ', 'reclamación abierta'],
    ['cliente_2024', 'cliente_2024'],
    ['pre-venta', 'pre-venta'],
  ])('%j → %j', (input, expected) => {
    expect(customerTagSchema.parse(input)).toBe(expected);
  });

  it.each([
    ['', 'tag must not be empty'],
    ['   ', 'tag must not be empty'],
    ['x'.repeat(33), 'tag must be at most 32 characters'],
    ['+34 612 345 678', 'tag may hold letters, digits, spaces, - and _ only'],
    ['ana@example.com', 'tag may hold letters, digits, spaces, - and _ only'],
    ['12345', 'tag must contain a letter'],
  ])('rejects %j (%s)', (input, message) => {
    const result = customerTagSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('withTag / withoutTag', () => {
  it('adds once, case-insensitively, keeping order', () => {
    expect(withTag(['vip'], 'VIP')).toEqual(['vip']);
    expect(withTag(['vip'], 'moroso')).toEqual(['vip', 'moroso']);
  });
  it('removes case-insensitively', () => {
    expect(withoutTag(['vip', 'moroso'], 'VIP')).toEqual(['moroso']);
    expect(withoutTag(['vip'], 'otro')).toEqual(['vip']);
  });
});
