import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../sla/business-hours.ts';
import { matchQueue, type RoutingQueue } from './queues.ts';
import type { Contact } from './script.ts';

const hours: BusinessHours = { timeZone: 'UTC', week: { '1': [{ start: '09:00', end: '17:00' }] }, holidays: [] };
const queue = (id: string, overrides: Partial<RoutingQueue>): RoutingQueue => ({
  id,
  name: id,
  skillId: `skill_${id}`,
  priority: 0,
  order: 0,
  includedChannels: ['ch_a'],
  conditions: [],
  ...overrides,
});
const contact = (overrides: Partial<Contact> = {}): Contact => ({
  text: 'hola',
  channelId: 'ch_a',
  customerCountry: 'ES',
  customerKnown: true,
  now: Date.UTC(2026, 10, 16, 10),
  businessHours: hours,
  ...overrides,
});

describe('matchQueue (RT-3)', () => {
  const queues = [
    queue('vip', { order: 1, conditions: [{ field: 'text', op: 'contains', value: 'urgente' }], priority: 9 }),
    queue('spain', { order: 2, conditions: [{ field: 'customerCountry', op: 'in', value: ['ES'] }] }),
    queue('other_channel', { order: 0, includedChannels: ['ch_b'] }),
    queue('catch_all', { order: 9 }),
  ];

  it.each<[string, Partial<Contact>, string | undefined]>([
    ['the first queue in order whose conditions hold', { text: 'es URGENTE' }, 'vip'],
    ['a later queue when an earlier one’s conditions fail', {}, 'spain'],
    ['a queue with no conditions takes the rest of its channels', { customerCountry: 'GB' }, 'catch_all'],
    ['only queues that include the channel', { channelId: 'ch_b' }, 'other_channel'],
    ['none for a channel no queue includes', { channelId: 'ch_c' }, undefined],
  ])('%s', (_label, overrides, expected) => {
    expect(matchQueue(queues, contact(overrides))?.id).toBe(expected);
  });
});
