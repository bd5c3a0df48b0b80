import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type PlatformSchema, platformIndexes, platformSchemas, put } from '../mock-platform/src/platform/records.ts';
import { directoryJournal, type JournalFiles } from '../mock-platform/src/store/journal-files.ts';
import { JournalStore } from '../mock-platform/src/store/journal-store.ts';

/**
 * Cost of durably storing one message after N messages are already stored. The design target:
 * it does not grow with N (lowdb alone would rewrite all N each time).
 */
export interface StoreAppendResult {
  stored: number;
  p50Ms: number;
  p99Ms: number;
  /** JS heap in use with the store loaded (after a GC when --expose-gc is on). */
  heapMiB: number;
  /** Opening the store again from its files: the snapshot and the journal after it. */
  restartMs: number;
  /** CPU time (user + system, all threads) of that reopening: what a loaded machine's wall time hides. */
  restartCpuMs: number;
  /** Bytes written to disk (journal appends and snapshots) per byte of row JSON committed. */
  writeAmplification: number;
  /** The same single appends while a snapshot of everything is being written (a compaction). */
  duringCompaction: {
    samples: number;
    p99Ms: number;
    maxMs: number;
    compactionMs: number;
    beforeP99Ms: number;
    /** The event loop's longest stall while compactions ran (any request would have waited that long). */
    loopMaxMs: number;
    /** The same while not compacting (the appends just before): the machine's own noise. */
    loopMaxBeforeMs: number;
  };
}

/** Directory files that count every byte they write. */
function counted(inner: JournalFiles, bytes: { written: number }): JournalFiles {
  return {
    ...inner,
    append(generation, text) {
      bytes.written += Buffer.byteLength(text);
      return inner.append(generation, text);
    },
    writeSnapshot(chunks) {
      return inner.writeSnapshot(
        (async function* () {
          for await (const chunk of chunks) {
            bytes.written += chunk.length;
            yield chunk;
          }
        })(),
      );
    },
  };
}

/**
 * The event loop's longest stall per phase: a 5 ms timer's lateness. (perf_hooks'
 * monitorEventLoopDelay counts the time it was disabled as a stall when enabled again.)
 */
function loopStalls() {
  const max = { before: 0, during: 0 };
  let phase: keyof typeof max | undefined;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (phase) max[phase] = Math.max(max[phase], now - last - 5);
    last = now;
  }, 5);
  return {
    max,
    phase(next: keyof typeof max | undefined) {
      phase = next;
      last = performance.now();
    },
    stop: () => clearInterval(timer),
  };
}

const SAMPLES = 200;
/** Compactions timed per size (each after 40 appends without one). */
const COMPACTION_ROUNDS = 5;

function message(i: number) {
  return {
    id: `wamid.bench-${i}`,
    conversationId: `conv_${i % 500}`,
    direction: 'inbound' as const,
    type: 'text',
    text: `Customer message number ${i}: where is my order?`,
    timestamp: 1_767_600_000_000 + i,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function benchStoreAppend(sizes: number[]): Promise<StoreAppendResult[]> {
  const results: StoreAppendResult[] = [];
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'loro-bench-store-'));
    const bytes = { written: 0 };
    let committed = 0;
    const store = await JournalStore.open<PlatformSchema>({
      files: counted(directoryJournal(dir), bytes),
      indexes: platformIndexes,
      schemas: platformSchemas,
    });
    // Fill in large batches (group commit), then time single durable appends.
    for (let i = 0; i < size; i += 1_000) {
      const batch = [];
      for (let j = i; j < Math.min(size, i + 1_000); j++) {
        committed += JSON.stringify(message(j)).length;
        batch.push(put('messages', message(j)));
      }
      await store.commit(batch);
    }
    let next = size;
    const append = async () => {
      const start = performance.now();
      committed += JSON.stringify(message(next)).length;
      await store.commit([put('messages', message(next++))]);
      return performance.now() - start;
    };
    // Let a compaction the fill started finish, so the samples below are the idle ones.
    await store.compacted();
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) times.push(await append());
    const writeAmplification = bytes.written / committed;
    // The same appends while a compaction runs, against appends just before it: rounds taken
    // in turn, so both sides see the same load on a shared machine.
    const before: number[] = [];
    const during: number[] = [];
    let compactionMs = 0;
    const loop = loopStalls();
    for (let round = 0; round < COMPACTION_ROUNDS; round++) {
      loop.phase('before');
      for (let i = 0; i < 40; i++) before.push(await append());
      loop.phase('during');
      let compacting = true;
      const compactionStart = performance.now();
      const compaction = store.compact().finally(() => {
        compacting = false;
      });
      while (compacting) during.push(await append());
      await compaction;
      loop.phase(undefined);
      compactionMs += (performance.now() - compactionStart) / COMPACTION_ROUNDS;
    }
    loop.stop();
    before.sort((a, b) => a - b);
    during.sort((a, b) => a - b);
    (globalThis as { gc?: () => void }).gc?.();
    const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
    await store.close();
    const reopenStart = performance.now();
    const cpuStart = process.cpuUsage();
    const reopened = await JournalStore.open<PlatformSchema>({
      files: directoryJournal(dir),
      indexes: platformIndexes,
      schemas: platformSchemas,
    });
    const restartMs = performance.now() - reopenStart;
    const cpu = process.cpuUsage(cpuStart);
    const restartCpuMs = (cpu.user + cpu.system) / 1000;
    if (reopened.count('messages') !== next) throw new Error('the store lost messages on restart');
    await reopened.close();
    await rm(dir, { recursive: true, force: true });
    times.sort((a, b) => a - b);
    results.push({
      stored: size,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      heapMiB,
      restartMs,
      restartCpuMs,
      writeAmplification,
      duringCompaction: {
        samples: during.length,
        p99Ms: percentile(during, 99),
        maxMs: during.at(-1) ?? Number.NaN,
        compactionMs,
        beforeP99Ms: percentile(before, 99),
        loopMaxMs: loop.max.during,
        loopMaxBeforeMs: loop.max.before,
      },
    });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.env.BENCH_STORE_SIZES ?? '1000,100000').split(',').map(Number);
  console.log(JSON.stringify(await benchStoreAppend(sizes), null, 2));
}
