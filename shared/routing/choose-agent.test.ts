import { describe, expect, it } from 'vitest';
import {
  chooseAgent,
  decideRouting,
  type Evaluation,
  type RoutingCandidate,
  type RoutingDecision,
} from './choose-agent.ts';

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

describe('decideRouting', () => {
  const candidates = [agent('ana', { proficiency: 8 }), agent('bruno', { proficiency: 6 })];
  const preferred = (lock: 'offline' | 'available', reservationMinutes = 10): Evaluation => ({
    mode: 'preferred',
    focus: 'customer',
    lock,
    reservationMinutes,
  });
  const minute = 60_000;

  it.each<[string, Parameters<typeof decideRouting>[0], RoutingDecision]>([
    [
      'proficiency ignores history',
      { candidates, evaluation: { mode: 'proficiency' }, preferredAgentId: 'bruno', waitingSince: 0, now: 0 },
      { kind: 'offer', agentId: 'ana', reason: 'proficiency' },
    ],
    [
      'the preferred agent when available, though less proficient',
      { candidates, evaluation: preferred('available'), preferredAgentId: 'bruno', waitingSince: 0, now: 0 },
      { kind: 'offer', agentId: 'bruno', reason: 'preferred' },
    ],
    [
      'no history → proficiency',
      { candidates, evaluation: preferred('offline'), preferredAgentId: undefined, waitingSince: 0, now: 0 },
      { kind: 'offer', agentId: 'ana', reason: 'proficiency' },
    ],
    [
      '"when available": preferred agent away → proficiency at once',
      {
        candidates: [candidates[0] as RoutingCandidate],
        evaluation: preferred('available'),
        preferredAgentId: 'bruno',
        waitingSince: 0,
        now: 0,
      },
      { kind: 'offer', agentId: 'ana', reason: 'proficiency' },
    ],
    [
      '"when offline": preferred agent away → wait within the reservation time',
      {
        candidates: [candidates[0] as RoutingCandidate],
        evaluation: preferred('offline', 10),
        preferredAgentId: 'bruno',
        waitingSince: 0,
        now: 10 * minute - 1,
      },
      { kind: 'wait', reason: 'reserved' },
    ],
    [
      '"when offline": reservation time over → proficiency',
      {
        candidates: [candidates[0] as RoutingCandidate],
        evaluation: preferred('offline', 10),
        preferredAgentId: 'bruno',
        waitingSince: 0,
        now: 10 * minute,
      },
      { kind: 'offer', agentId: 'ana', reason: 'proficiency' },
    ],
    [
      'a preferred agent without room counts as away',
      {
        candidates: [candidates[0] as RoutingCandidate, agent('bruno', { load: 3 })],
        evaluation: preferred('available'),
        preferredAgentId: 'bruno',
        waitingSince: 0,
        now: 0,
      },
      { kind: 'offer', agentId: 'ana', reason: 'proficiency' },
    ],
    [
      'nobody available',
      { candidates: [], evaluation: preferred('available'), preferredAgentId: 'bruno', waitingSince: 0, now: 0 },
      { kind: 'wait', reason: 'nobody' },
    ],
  ])('%s', (_label, input, expected) => {
    expect(decideRouting(input)).toEqual(expected);
  });
});
