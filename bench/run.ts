import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BUDGETS, measure as bundleSizes } from '../scripts/check-bundles.ts';
import { benchAgentActions } from './agent-actions.ts';
import { benchCrashKills } from './crash-kills.ts';
import { benchMasking } from './masking.ts';
import { benchMessagePath } from './message-path.ts';
import { benchPanelRender } from './panel-render.ts';
import { benchRestartArchived } from './restart-archived.ts';
import { benchRouting } from './routing.ts';
import { benchRoutingPatterns } from './routing-patterns.ts';
import { benchSignInFlood } from './sign-in-flood.ts';
import { benchStartup } from './startup.ts';
import { benchStoreAppend } from './store-append.ts';

/**
 * `npm run bench`: prints one table and writes bench/results/latest.json. Each figure stands next
 * to a baseline measured in the same run, because absolute times on a shared machine are noisy.
 */
const sizes = (process.env.BENCH_STORE_SIZES ?? '1000,10000,100000').split(',').map(Number);
const percent = (value: number) => `${(value * 100).toFixed(0)}%`;

const store = await benchStoreAppend(sizes);
const first = store[0];
const masking = benchMasking();
const messagePath = await benchMessagePath(
  Number(process.env.BENCH_RATE ?? 1000),
  Number(process.env.BENCH_SECONDS ?? 5),
);
const bare = messagePath[0];
const routing = await benchRouting();
const patterns = benchRoutingPatterns();
const panel = await benchPanelRender();
const startup = await benchStartup(Number(process.env.BENCH_STARTUP_MESSAGES ?? 100_000));
const loro = masking[0];
const flood = await benchSignInFlood(
  Number(process.env.BENCH_FLOOD_CONCURRENCY ?? 400),
  60,
  Number(process.env.BENCH_FLOOD_ADDRESSES ?? 200),
);
const actions = await benchAgentActions(
  Number(process.env.BENCH_ACTIONS_RATE ?? 500),
  Number(process.env.BENCH_ACTIONS_CYCLES ?? 100),
);
const restart = await benchRestartArchived(
  Number(process.env.BENCH_RESTART_MESSAGES ?? 1_000_000),
  Number(process.env.BENCH_RESTART_LIVE ?? 50_000),
);
const crash = await benchCrashKills(Number(process.env.BENCH_CRASH_KILLS ?? 20));

const rows = [
  ...messagePath.map((m) => ({
    benchmark: `message path: ${m.name}`,
    result: `${m.achievedPerSecond.toFixed(0)} msg/s of ${m.offeredPerSecond} offered · p50 ${m.p50Ms.toFixed(1)} ms · p99 ${m.p99Ms.toFixed(1)} ms · ${m.delivered}/${m.sent} arrived · ${m.failed} failed`,
    baseline:
      bare && m !== bare
        ? `p99 +${(m.p99Ms - bare.p99Ms).toFixed(1)} ms over the bare server's (${bare.p99Ms.toFixed(1)} ms)`
        : 'baseline',
    target: m === bare ? 'baseline' : 'p99 ≤ the bare server’s + 50 ms, 0 failed (issue 14)',
  })),
  ...routing.map((r, index) => ({
    benchmark: r.name,
    result: `p50 ${r.p50Ms.toFixed(3)} ms · p99 ${r.p99Ms.toFixed(3)} ms (${r.runs} runs)`,
    baseline: index === 0 ? 'pure decision (shared/routing)' : 'whole pass: availability, queue order, offers',
    target: index === 0 ? 'p99 < 1 ms' : 'well under the 1 s timer sweep',
  })),
  ...patterns.map((p) => ({
    benchmark: `routing pattern ${p.pattern} on a customer message`,
    result: `${p.shortMs.toFixed(3)} ms at 1,000 chars · ${p.longMs.toFixed(3)} ms at 10,000 chars`,
    baseline: `${(p.longMs / p.shortMs).toFixed(1)}× for 10× the text`,
    target: 'linear: about 10× (JavaScript RegExp: never returns on ^(a+)+$)',
  })),
  ...panel.map((r) => ({
    benchmark: r.name,
    result: `task list ${r.taskListMs.toFixed(0)} ms · transcript ${r.transcriptMs.toFixed(0)} ms (from Sign in) · ${r.taskRowsInDom} rows and ${r.messagesInDom} messages in the DOM`,
    baseline:
      r === panel[0]
        ? 'baseline'
        : `${(r.transcriptMs / (panel[0]?.transcriptMs ?? 1)).toFixed(2)}× the baseline's transcript time`,
    target: 'first render well under a second',
  })),
  ...startup.map((r) => ({
    benchmark: `${r.name}${r.messages ? ` (${r.messages.toLocaleString('en')} messages)` : ''}`,
    result: `${(r.toHealthyMs / 1000).toFixed(2)} s to /healthz`,
    baseline:
      r === startup[0] ? 'baseline' : `${(r.toHealthyMs / (startup[0]?.toHealthyMs ?? 1)).toFixed(2)}× the empty start`,
    target: 'within seconds',
  })),
  ...Object.entries(bundleSizes()).map(([entry, size]) => ({
    benchmark: `extension bundle: ${entry}`,
    result: `${(size / 1024).toFixed(1)} KiB gzip`,
    baseline: 'after the last build',
    target: `≤ ${((BUDGETS[entry] ?? 0) / 1024).toFixed(0)} KiB (checked by npm run build and the e2e setup)`,
  })),
  ...store.map((r) => ({
    benchmark: `store: durable append after ${r.stored.toLocaleString('en')} messages`,
    result: `p50 ${r.p50Ms.toFixed(2)} ms · p99 ${r.p99Ms.toFixed(2)} ms · heap ${r.heapMiB.toFixed(0)} MiB · restart ${(r.restartMs / 1000).toFixed(2)} s · ${r.writeAmplification.toFixed(2)}× bytes written per byte stored`,
    baseline: first ? `${(r.p50Ms / first.p50Ms).toFixed(2)}× the first size` : '',
    target: '≤ 1.5× the first size',
  })),
  ...store.map((r) => ({
    benchmark: `store: durable append during a compaction, ${r.stored.toLocaleString('en')} messages`,
    result: `p99 ${r.duringCompaction.p99Ms.toFixed(1)} ms · max ${r.duringCompaction.maxMs.toFixed(1)} ms over ${r.duringCompaction.samples} appends during 5 compactions (a snapshot takes ${(r.duringCompaction.compactionMs / 1000).toFixed(2)} s)`,
    baseline: `+${(r.duringCompaction.p99Ms - r.duringCompaction.beforeP99Ms).toFixed(1)} ms over the p99 just before each (${r.duringCompaction.beforeP99Ms.toFixed(1)} ms)`,
    target: '≤ +50 ms',
  })),
  {
    benchmark: `webhook acknowledgement during a wrong-password flood (${process.env.BENCH_FLOOD_CONCURRENCY ?? 400} concurrent sign-ins from ${process.env.BENCH_FLOOD_ADDRESSES ?? 200} addresses)`,
    result: `idle p50 ${flood.idleP50Ms.toFixed(0)} ms · p95 ${flood.idleP95Ms.toFixed(0)} ms → flood p50 ${flood.floodP50Ms.toFixed(0)} ms · p95 ${flood.floodP95Ms.toFixed(0)} ms · sign-ins: ${flood.signIns.tried} tried, ${flood.signIns.refused} refused (429) · load average ${flood.loadAverage.before.toFixed(1)}`,
    baseline: `**${flood.ratioP50.toFixed(1)}× (p50) · ${flood.ratioP95.toFixed(1)}× (p95)** the idle latency`,
    target: '≤ 3× the idle latency',
  },
  ...(['accept', 'reply', 'state', 'all'] as const).map((action) => ({
    benchmark: `agent action p99 (${action === 'state' ? 'state change' : action === 'all' ? 'all three' : action}) while ${actions.webhooks.offeredPerSecond.toFixed(0)} signed webhooks/s arrive (${actions.samples} cycles)`,
    result: `${actions.loaded[action].toFixed(1)} ms · background webhooks: ${actions.webhooks.ok}/${actions.webhooks.sent} answered 200, ${actions.webhooks.failed} failed, ack p99 ${actions.webhooks.p99Ms.toFixed(0)} ms`,
    baseline: `**${(actions.loaded[action] / actions.idle[action]).toFixed(1)}×** the idle p99 (${actions.idle[action].toFixed(1)} ms)`,
    target: '≤ 3× the idle p99',
  })),
  {
    benchmark: `restart: ${restart.messages.toLocaleString('en')} messages stored, all but ${restart.live.toLocaleString('en')} archived (${restart.conversations.toLocaleString('en')} conversations)`,
    result: `${(restart.toHealthyMs / 1000).toFixed(2)} s to /healthz · heap ${restart.heapMiB.toFixed(0)} MiB (RSS ${restart.rssMiB.toFixed(0)} MiB) · built in ${restart.fillSeconds.toFixed(0)} s + ${restart.archiveSeconds.toFixed(0)} s archiving (${restart.archivePasses} passes)`,
    baseline: `empty data directory: ${(restart.emptyToHealthyMs / 1000).toFixed(2)} s, heap ${restart.emptyHeapMiB.toFixed(0)} MiB`,
    target: '≤ 2 s to /healthz, heap ≤ 150 MiB',
  },
  {
    benchmark: `SIGKILL under mixed load: crash-mixed-load.test.ts with ${crash.kills} kills`,
    result: `${crash.passed ? 'passed' : 'FAILED'} in ${crash.seconds.toFixed(0)} s`,
    baseline: 'the unit suite runs it with 6 kills',
    target:
      '0 acknowledged changes lost, no conversation with two owners, no offer at an ended conversation, loads equal conversations',
  },
  ...masking.map((m) => ({
    benchmark: `masking: ${m.name}`,
    result: `${m.microsecondsPerMessage.toFixed(1)} µs/msg · ${m.megabytesPerSecond.toFixed(2)} MB/s`,
    baseline: `hides ${percent(m.recall)} of sensitive values · keeps ${percent(m.kept)} of look-alikes${
      loro && m !== loro ? ` · ${(m.microsecondsPerMessage / loro.microsecondsPerMessage).toFixed(2)}× Loro's time` : ''
    }`,
    target: m === loro ? 'hides 100% · keeps 100%' : 'comparison',
  })),
];
console.table(rows);

const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
await mkdir(join(import.meta.dirname, 'results'), { recursive: true });
await writeFile(
  join(import.meta.dirname, 'results', 'latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), machine, messagePath, routing, patterns, panel, startup, store, masking, flood, actions, restart, crash }, null, 2)}\n`,
);
