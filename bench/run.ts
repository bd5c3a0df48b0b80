import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchStoreAppend } from './store-append.ts';

/**
 * `npm run bench`: prints one table and writes bench/results/latest.json. Each figure is compared
 * with a baseline from the same run, because absolute times on a shared machine are noisy.
 */
const sizes = (process.env.BENCH_STORE_SIZES ?? '1000,10000,100000').split(',').map(Number);
const store = await benchStoreAppend(sizes);
const baseline = store[0];
const rows = store.map((r) => ({
  benchmark: `store: durable append after ${r.stored.toLocaleString('en')} messages`,
  p50: `${r.p50Ms.toFixed(2)} ms`,
  p99: `${r.p99Ms.toFixed(2)} ms`,
  'vs first': baseline ? `${(r.p50Ms / baseline.p50Ms).toFixed(2)}×` : '',
  target: '≤ 1.5× of the first',
}));
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
  `${JSON.stringify({ at: new Date().toISOString(), machine, store }, null, 2)}\n`,
);
