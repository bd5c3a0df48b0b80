import { Low } from 'lowdb';
import type { ZodType } from 'zod';
import {
  type SegmentFile,
  type SegmentOp,
  type SegmentStorage,
  segmentName,
  segmentSequence,
} from './segment-storage.ts';
import type { Row, Store, StoreSchema, WriteOp } from './store.ts';

/** A field to index by name, or a named value computed from the row (undefined = not indexed). */
export type IndexSpec<R> = string | { name: string; value: (row: R) => string | undefined };

type Index = { value: (row: Row) => unknown; buckets: Map<string, Set<string>> };

export interface SegmentedStoreOptions<S extends StoreSchema> {
  storage: SegmentStorage;
  /** Fields to index per collection, for {@link Store.where}. */
  indexes?: { [C in keyof S]?: readonly IndexSpec<S[C]>[] };
  /** zod schemas per collection: a row that does not match is refused before anything is written. */
  schemas?: { [C in keyof S]?: ZodType<S[C]> };
  /** A segment is sealed once it holds this many operations... */
  maxOpsPerSegment?: number;
  /** ...or roughly this many bytes of JSON. */
  maxBytesPerSegment?: number;
}

interface PendingCommit {
  ops: SegmentOp[];
  /** The commit's place in apply order: a batch is durable up to its highest seq. */
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

/** A durable write failed: memory may be ahead of the disk, so the store stops taking commits. */
export class StoreFailedError extends Error {
  constructor(cause: unknown) {
    super(
      `The store could not write to disk and stopped: restart the platform (${(cause as Error)?.message ?? cause})`,
      {
        cause,
      },
    );
    this.name = 'StoreFailedError';
  }
}

/** A write refused because a row does not match its collection's schema. */
export class InvalidRowError extends Error {
  constructor(
    readonly collection: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`invalid ${collection} row: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidRowError';
  }
}

/**
 * lowdb rewrites its whole file on every write, so one file for everything would make each write
 * cost as much as all the data stored. Here the data is a log of operations split into segment
 * files of bounded size, each a lowdb database: a write rewrites only the active segment, so its
 * cost does not grow with history, and each operation is serialised once (its JSON is reused for
 * every rewrite of its segment). On open, segments are replayed in order; the last operation on an
 * id wins.
 *
 * A commit is applied to memory at once, so the next reader sees it, and resolves only once it is
 * durably on disk; commits made while a write is in flight go out together in the next one (group
 * commit). Callers acknowledge work only after their commit resolves; a reader that acknowledges
 * something it merely read awaits {@link SegmentedStore.sync}. If a write fails, memory is ahead
 * of the disk: the store fails stop, as databases do on fsync errors: that commit and every later
 * one reject, and the process must restart from what is on disk (nothing acknowledged is lost).
 */
export class SegmentedStore<S extends StoreSchema> implements Store<S> {
  readonly #options: Required<Omit<SegmentedStoreOptions<S>, 'indexes' | 'schemas'>> &
    Pick<SegmentedStoreOptions<S>, 'indexes' | 'schemas'>;
  readonly #rows = new Map<string, Map<string, Row>>();
  readonly #indexes = new Map<string, Map<string, Index>>();
  #active!: Low<SegmentFile>;
  #activeSequence = 0;
  #activeBytes = 0;
  #pending: PendingCommit[] = [];
  #failed: StoreFailedError | undefined;
  #appliedSeq = 0;
  #durableSeq = 0;
  #syncWaiters: { target: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** Each operation's JSON, made once when it is committed and reused for every rewrite. */
  readonly #json = new WeakMap<SegmentOp, string>();
  /** Per segment: how many operations its cached text covers, and that text. */
  readonly #texts = new WeakMap<SegmentFile, { count: number; body: string }>();
  #flushing: Promise<void> | undefined;
  #closed = false;

  private constructor(options: SegmentedStoreOptions<S>) {
    this.#options = { maxOpsPerSegment: 2_000, maxBytesPerSegment: 512 * 1024, ...options };
    for (const [collection, specs] of Object.entries(options.indexes ?? {})) {
      const byName = new Map<string, Index>();
      for (const spec of specs as IndexSpec<Row>[]) {
        if (typeof spec === 'string') {
          byName.set(spec, { value: (row) => (row as unknown as Record<string, unknown>)[spec], buckets: new Map() });
        } else {
          byName.set(spec.name, { value: spec.value as (row: Row) => unknown, buckets: new Map() });
        }
      }
      this.#indexes.set(collection, byName);
    }
  }

  /** Opens the store, replaying every segment into memory. */
  static async open<S extends StoreSchema>(options: SegmentedStoreOptions<S>): Promise<SegmentedStore<S>> {
    const store = new SegmentedStore<S>(options);
    await store.#load();
    return store;
  }

  async #load(): Promise<void> {
    const names = await this.#options.storage.list();
    for (const name of names) {
      const db = new Low<SegmentFile>(this.#options.storage.adapter(name, this.serialize), { version: 1, ops: [] });
      await db.read();
      for (const op of db.data.ops) this.#apply(op);
      this.#active = db;
      this.#activeSequence = segmentSequence(name);
      this.#activeBytes = JSON.stringify(db.data).length;
    }
    if (names.length === 0) this.#startSegment(1);
  }

  #startSegment(sequence: number): void {
    this.#active = new Low<SegmentFile>(this.#options.storage.adapter(segmentName(sequence), this.serialize), {
      version: 1,
      ops: [],
    });
    this.#activeSequence = sequence;
    this.#activeBytes = 0;
  }

  get<C extends keyof S & string>(collection: C, id: string): S[C] | undefined {
    return this.#rows.get(collection)?.get(id) as S[C] | undefined;
  }

  all<C extends keyof S & string>(collection: C): S[C][] {
    return [...(this.#rows.get(collection)?.values() ?? [])] as S[C][];
  }

  count<C extends keyof S & string>(collection: C): number {
    return this.#rows.get(collection)?.size ?? 0;
  }

  where<C extends keyof S & string>(collection: C, field: string, value: string): S[C][] {
    const index = this.#indexes.get(collection)?.get(field)?.buckets;
    if (!index) throw new Error(`${collection}.${field} is not indexed`);
    const rows = this.#rows.get(collection);
    const result: S[C][] = [];
    for (const id of index.get(value) ?? []) {
      const row = rows?.get(id);
      if (row) result.push(row as S[C]);
    }
    return result;
  }

  commit(ops: WriteOp<S>[]): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#closed) return Promise.reject(new Error('the store is closed'));
    if (ops.length === 0) return this.sync();
    let encoded: SegmentOp[];
    try {
      encoded = ops.map((op) => this.#encode(op));
    } catch (error) {
      return Promise.reject(error);
    }
    for (const op of encoded) this.#apply(op);
    this.#appliedSeq += 1;
    return this.#enqueue(encoded, this.#appliedSeq);
  }

  /**
   * Resolves once everything committed before this call is durable (a barrier for
   * read-then-acknowledge); later commits do not hold it up.
   */
  sync(): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    const target = this.#appliedSeq;
    if (this.#durableSeq >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.#syncWaiters.push({ target, resolve, reject }));
  }

  #enqueue(ops: SegmentOp[], seq: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ ops, seq, resolve, reject });
      // #flush clears #flushing itself, synchronously after its last check of #pending, so a
      // commit can never be queued behind a flush that has already looked for the last time.
      this.#flushing ??= this.#flush();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#flushing;
  }

  #encode(op: WriteOp<S>): SegmentOp {
    if (op.type === 'delete') return { c: op.collection, id: op.id, deleted: true };
    const schema = this.#options.schemas?.[op.collection];
    let row: Row = op.row;
    if (schema) {
      const result = schema.safeParse(op.row);
      if (!result.success) {
        throw new InvalidRowError(
          op.collection,
          result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        );
      }
      row = result.data;
    }
    if (typeof row.id !== 'string' || row.id === '') {
      throw new InvalidRowError(op.collection, [{ path: 'id', message: 'must be a non-empty string' }]);
    }
    return { c: op.collection, id: row.id, row: row as unknown as Record<string, unknown> };
  }

  /** Group commit: everything queued while a write is in flight goes out in the next write. */
  async #flush(): Promise<void> {
    // Let the commits of the current tick join the first write.
    await Promise.resolve();
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      const ops = batch.flatMap((commit) => commit.ops);
      try {
        if (ops.length > 0) await this.#append(ops);
      } catch (error) {
        this.#failed = new StoreFailedError(error);
        for (const waiter of [...batch, ...this.#pending, ...this.#syncWaiters]) waiter.reject(this.#failed);
        this.#pending = [];
        this.#syncWaiters = [];
        break;
      }
      this.#durableSeq = Math.max(this.#durableSeq, ...batch.map((commit) => commit.seq));
      for (const commit of batch) commit.resolve();
      const [done, waiting] = partition(this.#syncWaiters, (waiter) => waiter.target <= this.#durableSeq);
      this.#syncWaiters = waiting;
      for (const waiter of done) waiter.resolve();
    }
    this.#flushing = undefined;
  }

  /** Set once a write failed: the store refuses everything until the process restarts. */
  get failed(): Error | undefined {
    return this.#failed;
  }

  async #append(ops: SegmentOp[]): Promise<void> {
    const bytes = ops.reduce((sum, op) => sum + this.#jsonOf(op).length + 1, 0);
    const data = this.#active.data;
    const full =
      data.ops.length > 0 &&
      (data.ops.length + ops.length > this.#options.maxOpsPerSegment ||
        this.#activeBytes + bytes > this.#options.maxBytesPerSegment);
    if (full) {
      const previous = { db: this.#active, sequence: this.#activeSequence, bytes: this.#activeBytes };
      this.#startSegment(this.#activeSequence + 1);
      try {
        await this.#writeActive(ops, bytes);
      } catch (error) {
        this.#active = previous.db;
        this.#activeSequence = previous.sequence;
        this.#activeBytes = previous.bytes;
        throw error;
      }
      return;
    }
    await this.#writeActive(ops, bytes);
  }

  async #writeActive(ops: SegmentOp[], bytes: number): Promise<void> {
    const data = this.#active.data;
    const before = data.ops.length;
    data.ops.push(...ops);
    try {
      await this.#active.write();
    } catch (error) {
      // The file still holds the previous content (atomic rename): roll memory back to match it.
      data.ops.length = before;
      throw error;
    }
    this.#activeBytes += bytes;
  }

  #jsonOf(op: SegmentOp): string {
    let json = this.#json.get(op);
    if (json === undefined) {
      json = JSON.stringify(op);
      this.#json.set(op, json);
    }
    return json;
  }

  /**
   * The segment file's text, built incrementally: the operations' JSON already joined is kept per
   * segment and only the new ones are appended, so a write costs its new operations plus one copy
   * of the text, not a walk over every operation in the segment.
   */
  serialize = (data: SegmentFile): string => {
    let cached = this.#texts.get(data);
    // A rolled-back write leaves fewer operations than the cache covers: rebuild from scratch.
    if (!cached || cached.count > data.ops.length) cached = { count: 0, body: '' };
    if (cached.count < data.ops.length) {
      const added = data.ops
        .slice(cached.count)
        .map((op) => this.#jsonOf(op))
        .join(',');
      cached = { count: data.ops.length, body: cached.body ? `${cached.body},${added}` : added };
    }
    this.#texts.set(data, cached);
    return `{"version":1,"ops":[${cached.body}]}`;
  };

  #apply(op: SegmentOp): void {
    let rows = this.#rows.get(op.c);
    if (!rows) {
      rows = new Map();
      this.#rows.set(op.c, rows);
    }
    const previous = rows.get(op.id);
    const indexes = this.#indexes.get(op.c);
    if ('deleted' in op) {
      if (previous && indexes) this.#unindex(indexes, previous);
      rows.delete(op.id);
      return;
    }
    const row = Object.freeze(op.row) as unknown as Row;
    rows.set(op.id, row);
    if (indexes) this.#reindex(indexes, previous, row);
  }

  /**
   * Moves a row between index buckets only for the fields whose value changed, so `where` keeps
   * returning rows in the order they were first stored (a status update must not move a message
   * to the end of its conversation).
   */
  #reindex(indexes: Map<string, Index>, previous: Row | undefined, row: Row): void {
    for (const { value, buckets } of indexes.values()) {
      const oldValue = previous ? value(previous) : undefined;
      const newValue = value(row);
      if (oldValue === newValue) continue;
      if (typeof oldValue === 'string') {
        const ids = buckets.get(oldValue);
        ids?.delete(row.id);
        if (ids?.size === 0) buckets.delete(oldValue);
      }
      if (typeof newValue === 'string') {
        let ids = buckets.get(newValue);
        if (!ids) {
          ids = new Set();
          buckets.set(newValue, ids);
        }
        ids.add(row.id);
      }
    }
  }

  #unindex(indexes: Map<string, Index>, row: Row): void {
    for (const { value, buckets } of indexes.values()) {
      const key = value(row);
      if (typeof key !== 'string') continue;
      const ids = buckets.get(key);
      ids?.delete(row.id);
      if (ids?.size === 0) buckets.delete(key);
    }
  }
}
