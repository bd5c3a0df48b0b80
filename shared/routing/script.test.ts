import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../sla/business-hours.ts';
import { type Contact, evaluateScript, type RoutingScript, routingScriptSchema } from './script.ts';

const hours: BusinessHours = {
  timeZone: 'Europe/Madrid',
  week: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
};
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();

const script: RoutingScript = {
  id: 'script_demo',
  name: 'Demo',
  rules: [
    {
      name: 'VIP words',
      when: [{ field: 'text', op: 'matches', value: '\\b(urgent|urgente)\\b' }],
      route: { skillId: 'support', priority: 9 },
    },
    {
      name: 'Billing',
      when: [{ field: 'text', op: 'contains', value: 'factura' }],
      route: { skillId: 'billing', priority: 5 },
    },
    {
      name: 'Spain after hours',
      when: [
        { field: 'customerCountry', op: 'in', value: ['ES'] },
        { field: 'businessHours', op: 'is', value: 'closed' },
      ],
      route: { skillId: 'night', priority: 1 },
    },
    {
      name: 'Weekend mornings',
      when: [
        { field: 'weekday', op: 'in', value: [6, 7] },
        { field: 'localTime', op: 'between', value: ['08:00', '12:00'] },
      ],
      route: { skillId: 'weekend', priority: 2 },
    },
    {
      name: 'New customers',
      when: [{ field: 'customerKnown', op: 'is', value: false }],
      route: { skillId: 'sales', priority: 3 },
    },
  ],
  fallback: { skillId: 'support', priority: 0 },
};

const contact = (overrides: Partial<Contact>): Contact => ({
  text: 'hola',
  channelId: 'ch',
  customerCountry: 'ES',
  customerKnown: true,
  now: at('2026-11-18T10:00'),
  businessHours: hours,
  ...overrides,
});

describe('evaluateScript', () => {
  it.each<[string, Partial<Contact>, { skillId: string; priority: number; rule: number }]>([
    [
      'a regular expression, case-insensitive',
      { text: 'Es URGENTE por favor' },
      { skillId: 'support', priority: 9, rule: 0 },
    ],
    [
      'the first matching rule wins',
      { text: 'urgent: factura duplicada' },
      { skillId: 'support', priority: 9, rule: 0 },
    ],
    ['contains', { text: 'Tengo una FACTURA duplicada' }, { skillId: 'billing', priority: 5, rule: 1 }],
    ['all conditions of a rule', { now: at('2026-11-18T20:00') }, { skillId: 'night', priority: 1, rule: 2 }],
    [
      'a condition failing skips the rule',
      { now: at('2026-11-18T20:00'), customerCountry: 'GB' },
      { skillId: 'support', priority: 0, rule: -1 },
    ],
    [
      'weekday and local time',
      { now: at('2026-11-21T09:30'), customerCountry: 'GB' },
      { skillId: 'weekend', priority: 2, rule: 3 },
    ],
    ['customer history', { customerKnown: false }, { skillId: 'sales', priority: 3, rule: 4 }],
    ['nothing matches → fallback', {}, { skillId: 'support', priority: 0, rule: -1 }],
  ])('%s', (_label, overrides, expected) => {
    expect(evaluateScript(script, contact(overrides))).toEqual(expected);
  });

  it('has no answer without a fallback when nothing matches', () => {
    const { fallback: _fallback, ...withoutFallback } = script;
    expect(evaluateScript(withoutFallback, contact({}))).toBeUndefined();
  });

  it('validates scripts, naming the bad part', () => {
    const bad = {
      ...script,
      rules: [{ when: [{ field: 'text', op: 'matches', value: '(unclosed' }], route: { skillId: 's', priority: 1 } }],
    };
    const result = routingScriptSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe('rules.0.when.0.value');
    expect(
      routingScriptSchema.safeParse({ ...script, rules: [{ when: [], route: { skillId: 's', priority: 1 } }] }).success,
    ).toBe(false);
  });
});
