import { performance } from 'node:perf_hooks';
import { AgentStreams } from '../mock-platform/src/events/agent-streams.ts';
import { EventHub } from '../mock-platform/src/events/event-hub.ts';
import { memoryArchive } from '../mock-platform/src/platform/archive.ts';
import { type PlatformContext, Sequence } from '../mock-platform/src/platform/context.ts';
import { dispatch, routingPass } from '../mock-platform/src/platform/dispatcher.ts';
import { Presence } from '../mock-platform/src/platform/presence.ts';
import { type PlatformSchema, platformIndexes, platformSchemas, put } from '../mock-platform/src/platform/records.ts';
import { RoutingPasses } from '../mock-platform/src/platform/routing-passes.ts';
import { Serial } from '../mock-platform/src/platform/serial.ts';
import { WebhookSkips } from '../mock-platform/src/platform/webhook-items.ts';
import { memoryJournal } from '../mock-platform/src/store/journal-files.ts';
import { JournalStore } from '../mock-platform/src/store/journal-store.ts';
import type { WriteOp } from '../mock-platform/src/store/store.ts';
import { createGraphClient } from '../mock-platform/src/whatsapp/graph-client.ts';
import type { AgentEvents } from '../shared/api/schemas.ts';
import { ManualClock } from '../shared/clock.ts';
import { decideRouting, type RoutingCandidate } from '../shared/routing/choose-agent.ts';

export interface RoutingResult {
  name: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
}

const AGENTS = 1_000;
const WAITING = 10_000;
const CAPACITY = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function timed(name: string, runs: number, work: () => unknown): RoutingResult {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, runs, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}

/**
 * 1,000 available agents (all but ten full with 5 conversations each) and 10,000 waiting
 * conversations in the platform's own store; times the pure decision and whole dispatch passes.
 */
export async function benchRouting(): Promise<RoutingResult[]> {
  const clock = new ManualClock(Date.UTC(2026, 10, 18, 15));
  const store = await JournalStore.open<PlatformSchema>({
    files: memoryJournal(),
    indexes: platformIndexes,
    schemas: platformSchemas,
  });
  const ops: WriteOp<PlatformSchema>[] = [
    put('skills', { id: 'support', name: 'Support', acceptReject: true }),
    put('channels', {
      id: 'ch',
      accountId: 'a',
      name: 'Channel',
      phoneNumberId: 'p',
      phoneNumber: '+16145551234',
      status: 'approved',
      defaultSkillId: 'support',
    }),
    // Agents are offered a channel's conversations only through a role that includes it (RP-1).
    put('roles', { id: 'role_bench', name: 'Bench', channels: { ch: ['reply', 'end'] } }),
  ];
  const now = clock.now();
  for (let a = 0; a < AGENTS; a++) {
    const id = `agent_${a}`;
    ops.push(
      put('users', {
        id,
        username: id,
        displayName: id,
        role: 'agent',
        roleId: 'role_bench',
        passwordHash: 'x',
        skills: [{ skillId: 'support', proficiency: 1 + (a % 10) }],
        capacity: CAPACITY,
      }),
      put('agentStatus', { id, state: 'available', since: now - a }),
    );
    // All agents but the last ten are full.
    const load = a < AGENTS - 10 ? CAPACITY : CAPACITY - 1;
    for (let c = 0; c < load; c++) {
      ops.push(
        put('conversations', {
          id: `active_${a}_${c}`,
          channelId: 'ch',
          customerWaId: `1${a}${c}`,
          customerName: 'x',
          skillId: 'support',
          status: 'active',
          priority: 0,
          createdAt: now,
          queuedAt: now,
          agentId: id,
        }),
      );
    }
  }
  for (let w = 0; w < WAITING; w++) {
    ops.push(
      put('conversations', {
        id: `waiting_${w}`,
        channelId: 'ch',
        customerWaId: `2${w}`,
        customerName: 'x',
        skillId: 'support',
        status: 'queued',
        priority: w % 3,
        createdAt: now - w,
        queuedAt: now - w,
      }),
    );
  }
  await store.commit(ops);
  const ctx: PlatformContext = {
    store,
    clock,
    events: new EventHub<AgentEvents>(),
    streams: new AgentStreams(store, clock),
    serial: new Serial(),
    routing: new RoutingPasses(() => routingPass(ctx)),
    archive: memoryArchive(),
    graph: createGraphClient({ baseUrl: 'http://127.0.0.1:9', version: 'v23.0', token: 'unused' }),
    messageSeq: new Sequence(),
    presence: new Presence(clock),
    webhookSkips: new WebhookSkips(),
  };

  const candidates: RoutingCandidate[] = Array.from({ length: AGENTS }, (_, a) => ({
    agentId: `agent_${a}`,
    proficiency: 1 + (a % 10),
    load: a % CAPACITY,
    capacity: CAPACITY,
    idleSince: now - a,
  }));
  const decision = timed('routing: one decision among 1,000 agents', 2_000, () =>
    decideRouting({
      candidates,
      evaluation: { mode: 'proficiency' },
      preferredAgentId: undefined,
      waitingSince: now,
      now,
    }),
  );

  // The pass that finds room for ten: ten offers made out of 10,000 waiting.
  const start = performance.now();
  await dispatch(ctx);
  const firstPass = performance.now() - start;
  const offers = store.where('offers', 'status', 'pending').length;
  // Then every later pass (the timer sweep runs one a second): everyone full, 9,990 waiting.
  const passes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const began = performance.now();
    await dispatch(ctx);
    passes.push(performance.now() - began);
  }
  passes.sort((a, b) => a - b);
  await store.close();
  return [
    decision,
    {
      name: `routing: dispatch pass over 10,000 waiting, ${offers} offers made`,
      runs: 1,
      p50Ms: firstPass,
      p99Ms: firstPass,
    },
    {
      name: 'routing: dispatch pass over 10,000 waiting, all 1,000 agents full',
      runs: 30,
      p50Ms: percentile(passes, 50),
      p99Ms: percentile(passes, 99),
    },
  ];
}
