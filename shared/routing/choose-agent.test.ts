import { describe, expect, it } from 'vitest';
import { chooseAgent, type RoutingCandidate } from './choose-agent.ts';

const agent = (agentId: string, overrides: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  agentId,
  proficiency: 5,
  load: 0,
  capacity: 3,
  idleSince: 1_000,
  ...overrides,
});

describe('chooseAgent', () => {
  it.each<[string, RoutingCandidate[], string | undefined]>([
    ['nobody is there', [], undefined],
    ['the highest proficiency wins', [agent('a', { proficiency: 3 }), agent('b', { proficiency: 8 })], 'b'],
    ['ties go to the agent idle longest', [agent('a', { idleSince: 2_000 }), agent('b', { idleSince: 1_500 })], 'b'],
    ['a full agent is skipped', [agent('a', { proficiency: 9, load: 3 }), agent('b', { proficiency: 1 })], 'b'],
    ['everyone full means nobody', [agent('a', { load: 3 }), agent('b', { load: 5 })], undefined],
    ['full ties are broken by id', [agent('b'), agent('a')], 'a'],
  ])('%s', (_label, candidates, expected) => {
    expect(chooseAgent(candidates)).toBe(expected);
  });
});
