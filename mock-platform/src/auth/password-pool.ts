import { Worker } from 'node:worker_threads';
import { ApiError } from '../http/errors.ts';

/**
 * Password hashing on a small pool of worker threads of its own. scrypt on node's default
 * thread pool would share those four threads with the store's file writes, so a flood of
 * sign-ins would stall webhook acknowledgements; here a hash never waits on, or holds up, a
 * write. At most `size` hashes run at once and `maxWaiting` wait; one more is refused (429).
 */

// Plain JavaScript, evaluated in each worker: scryptSync runs on the worker's own thread.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
// A lower CPU priority for this thread only (Linux: setpriority on the calling thread), so a
// flood of sign-ins yields the processor to the event loop that acknowledges webhooks.
try { require('node:os').setPriority(5); } catch {}
parentPort.on('message', ({ id, password, salt, n, keyLength, maxmem }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keyLength, { N: n, r: 8, p: 1, maxmem });
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

export interface ScryptJob {
  password: string;
  salt: Uint8Array;
  n: number;
  keyLength: number;
  maxmem: number;
}

interface Pending {
  job: ScryptJob;
  resolve(key: Buffer): void;
  reject(error: Error): void;
}

export class PasswordPoolBusy extends ApiError {
  constructor() {
    super(429, 'sign_in_busy', 'Too many sign-ins are being checked right now: try again in a moment');
    this.name = 'PasswordPoolBusy';
  }
}

export class PasswordPool {
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending>();
  readonly #waiting: Pending[] = [];
  #created = 0;
  #nextId = 1;

  constructor(
    readonly size = 2,
    readonly maxWaiting = 16,
  ) {}

  /** Derives the scrypt key; rejects with PasswordPoolBusy at once when the queue is full. */
  derive(job: ScryptJob): Promise<Buffer> {
    if (this.#waiting.length >= this.maxWaiting && !this.#hasRoom()) return Promise.reject(new PasswordPoolBusy());
    return new Promise((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
      this.#pump();
    });
  }

  /** Hashes running and waiting (for tests and the benchmark). */
  get load(): { running: number; waiting: number } {
    return { running: this.#busy.size, waiting: this.#waiting.length };
  }

  async close(): Promise<void> {
    const workers = [...this.#idle, ...this.#busy.keys()];
    this.#idle.length = 0;
    this.#created = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #hasRoom(): boolean {
    return this.#idle.length > 0 || this.#created < this.size;
  }

  #pump(): void {
    while (this.#waiting.length > 0 && this.#hasRoom()) {
      const worker = this.#idle.pop() ?? this.#spawn();
      const pending = this.#waiting.shift() as Pending;
      this.#busy.set(worker, pending);
      worker.ref();
      const { password, salt, n, keyLength, maxmem } = pending.job;
      worker.postMessage({ id: this.#nextId++, password, salt, n, keyLength, maxmem });
    }
  }

  #spawn(): Worker {
    this.#created += 1;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (message: { key?: Uint8Array; error?: string }) => {
      const pending = this.#busy.get(worker);
      this.#busy.delete(worker);
      worker.unref();
      this.#idle.push(worker);
      if (message.key) pending?.resolve(Buffer.from(message.key));
      else pending?.reject(new Error(message.error ?? 'scrypt failed'));
      this.#pump();
    });
    worker.on('error', (error) => {
      // A worker that died is replaced; its job fails (the caller answers 500, nothing stored).
      const pending = this.#busy.get(worker);
      this.#busy.delete(worker);
      this.#created -= 1;
      pending?.reject(error);
      this.#pump();
    });
    worker.unref();
    return worker;
  }
}

/** The process's one pool: every password hash and check goes through it. */
export const passwordPool = new PasswordPool();
