import { Low } from 'lowdb';
import { damaged, type JournalFiles, type SnapshotData } from './journal-files.ts';
import { snapshotChunks } from './snapshot-chunks.ts';
import type { Store, StoreSchema, WriteOp } from './store.ts';
import { InvalidRowError, StoreFailedError } from './store-errors.ts';
import { type IndexSpecs, type RowSchemas, type StoredOp, Tables } from './tables.ts';

/** Moves a collection's stored rows from one schema version to the next (index = from-version - 1). */
export type Migration = (row: Record<string, unknown>) => Record<string, unknown>;

export interface JournalStoreOptions<S extends StoreSchema> {
  files: JournalFiles;
  /** Fields to index per collection, for {@link Store.where}. */
  indexes?: IndexSpecs<S>;
  /** zod schemas per collection: a row that does not match is refused before anything is written. */
  schemas?: RowSchemas<S>;
  /** Each collection's current row version (default 1) and the migrations that lead to it. */
  versions?: { [C in keyof S]?: { version: number; migrations: Migration[] } };
  /** A snapshot is taken and the journal rotated once the journal passes this many bytes. */
  compactAfterBytes?: number;
  /** What start-up repaired (a torn last line) or compaction could not do: logged, never fatal. */
  onWarning?: (message: string) => void;
}

interface Pending {
  line: string;
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type JournalLine = { s: number; o: ({ c: string; row: Record<string, unknown> } | StoredOp)[] };

/**
 * The embedded engine: rows in memory, every commit appended once to a journal of JSON lines
 * (group commit: one write and one fdatasync for everything committed meanwhile), and a snapshot
 * of all rows written with lowdb (temporary file, fsync, rename, directory fsync) when the journal
 * passes a size; the journal then starts a new generation and the ones the previous snapshot
 * already held are deleted. Start-up = snapshot + the journal entries after it.
 *
 * A commit is applied to memory at once, so the next reader sees it, and resolves only once its
 * line is durable. If a journal write fails, memory is ahead of the disk: the store fails stop
 * (that commit and every later one reject) and the process restarts from the disk. A snapshot that
 * cannot be written is only a warning: the journal still holds everything.
 */
export class JournalStore<S extends StoreSchema> implements Store<S> {
  readonly #files: JournalFiles;
  readonly #tables: Tables<S>;
  readonly #options: JournalStoreOptions<S>;
  readonly #compactAfter: number;
  #generation = 1;
  #journalBytes = 0;
  #appliedSeq = 0;
  #durableSeq = 0;
  #pending: Pending[] = [];
  #syncWaiters: { target: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #flushing: Promise<void> | undefined;
  #compacting: Promise<void> | undefined;
  #failed: StoreFailedError | undefined;
  #closed = false;
  /** The size of the last snapshot written: the journal grows to twice that before the next one. */
  #snapshotBytes = 0;
  /** The oldest journal generation the previous snapshot still needs (kept until the next one). */
  #keepFrom = 1;

  private constructor(options: JournalStoreOptions<S>) {
    this.#options = options;
    this.#files = options.files;
    this.#tables = new Tables<S>(options.indexes, options.schemas);
    this.#compactAfter = options.compactAfterBytes ?? 16 * 1024 * 1024;
  }

  /** Takes the directory's lock, then loads the snapshot and replays the journal after it. */
  static async open<S extends StoreSchema>(options: JournalStoreOptions<S>): Promise<JournalStore<S>> {
    const store = new JournalStore<S>(options);
    await options.files.lock();
    try {
      await store.#load();
    } catch (error) {
      await options.files.close();
      await options.files.unlock();
      throw error;
    }
    return store;
  }

  get<C extends keyof S & string>(collection: C, id: string): S[C] | undefined {
    return this.#tables.get(collection, id);
  }

  all<C extends keyof S & string>(collection: C): S[C][] {
    return this.#tables.all(collection);
  }

  count<C extends keyof S & string>(collection: C): number {
    return this.#tables.count(collection);
  }

  where<C extends keyof S & string>(collection: C, field: string, value: string): S[C][] {
    return this.#tables.where(collection, field, value);
  }

  /** Set once a journal write failed: the store refuses everything until the process restarts. */
  get failed(): Error | undefined {
    return this.#failed;
  }

  commit(ops: WriteOp<S>[]): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#closed) return Promise.reject(new Error('the store is closed'));
    if (ops.length === 0) return this.sync();
    let encoded: StoredOp[];
    try {
      encoded = ops.map((op) => this.#tables.encode(op));
    } catch (error) {
      return Promise.reject(error);
    }
    for (const op of encoded) this.#tables.apply(op);
    const seq = ++this.#appliedSeq;
    // A put's id is its row's: written once, not twice.
    const o = encoded.map((op) => ('deleted' in op ? op : { c: op.c, row: op.row }));
    const line = `${JSON.stringify({ s: seq, o } satisfies JournalLine)}\n`;
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ line, seq, resolve, reject });
      // #flush clears #flushing itself, synchronously after its last look at #pending, so a
      // commit can never wait behind a flush that has already looked for the last time.
      this.#flushing ??= this.#flush();
    });
  }

  /** Resolves once everything committed before this call is durable (a barrier for read-then-acknowledge). */
  sync(): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    const target = this.#appliedSeq;
    if (this.#durableSeq >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.#syncWaiters.push({ target, resolve, reject }));
  }

  /** Takes a snapshot now (normally done when the journal passes its size). */
  async compact(): Promise<void> {
    await this.#flushing;
    this.#compacting ??= this.#compact();
    await this.#compacting;
  }

  /** Resolves once no snapshot is being written (for benchmarks that time requests without one). */
  async compacted(): Promise<void> {
    await this.#compacting;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#flushing;
    await this.#compacting;
    await this.#files.close();
    await this.#files.unlock();
  }

  /** Group commit: everything queued while a write is in flight goes out in the next write. */
  async #flush(): Promise<void> {
    // Let the commits of the current tick join the first write.
    await Promise.resolve();
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      const text = batch.map((commit) => commit.line).join('');
      try {
        await this.#files.append(this.#generation, text);
      } catch (error) {
        this.#failed = new StoreFailedError(error);
        for (const waiter of [...batch, ...this.#pending, ...this.#syncWaiters]) waiter.reject(this.#failed);
        this.#pending = [];
        this.#syncWaiters = [];
        break;
      }
      this.#journalBytes += Buffer.byteLength(text);
      this.#durableSeq = Math.max(this.#durableSeq, batch.at(-1)?.seq ?? 0);
      for (const commit of batch) commit.resolve();
      const waiting = [];
      for (const waiter of this.#syncWaiters) {
        if (waiter.target <= this.#durableSeq) waiter.resolve();
        else waiting.push(waiter);
      }
      this.#syncWaiters = waiting;
      // Between two appends nothing is in flight: the place to start a new journal generation.
      // Twice the last snapshot at least: snapshots then cost at most half the journal's bytes, so
      // each change is written about 1.5 times in all, however large the data grows.
      const threshold = Math.max(this.#compactAfter, 2 * this.#snapshotBytes);
      if (this.#journalBytes >= threshold && !this.#compacting && !this.#closed) {
        this.#compacting = this.#compact();
      }
    }
    this.#flushing = undefined;
  }

  /**
   * A snapshot of every row as it is now; later commits go to a new journal generation. The
   * picture is taken synchronously (rows are frozen and replaced, never changed), serialised and
   * written a chunk at a time so requests keep being served, and only then are older generations
   * deleted.
   */
  async #compact(): Promise<void> {
    const seq = this.#appliedSeq;
    const picture = this.#tables.picture();
    const sealed = this.#generation;
    this.#generation += 1;
    this.#journalBytes = 0;
    try {
      const store = this;
      const serialize = async function* (data: SnapshotData) {
        let bytes = 0;
        for await (const chunk of snapshotChunks(data)) {
          bytes += Buffer.byteLength(chunk);
          yield chunk;
        }
        store.#snapshotBytes = bytes;
      };
      const db = new Low<SnapshotData>(this.#files.snapshot(serialize), {
        format: 1,
        seq: 0,
        versions: {},
        collections: {},
      });
      db.data = { format: 1, seq, versions: this.#versions(), collections: picture };
      await db.write();
      // The snapshot before this one stays as a fallback, with the journal generations it needs.
      for (const generation of await this.#files.journals()) {
        if (generation < this.#keepFrom) await this.#files.remove(generation);
      }
      this.#keepFrom = sealed + 1;
    } catch (error) {
      this.#options.onWarning?.(
        `could not write a snapshot in ${this.#files.where} (the journal still holds everything): ${(error as Error).message}`,
      );
    } finally {
      this.#compacting = undefined;
    }
  }

  #versions(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.#options.versions ?? {}).map(([collection, spec]) => [
        collection,
        (spec as { version: number }).version,
      ]),
    );
  }

  async #load(): Promise<void> {
    const snapshot = await this.#files.snapshot(snapshotChunks).read();
    let seq = 0;
    let legacy = false;
    if (snapshot) {
      seq = this.#loadSnapshot(snapshot);
    } else {
      const ops = await this.#files.legacy();
      for (const op of ops ?? []) this.#tables.apply(op);
      legacy = ops !== undefined;
    }
    const generations = await this.#files.journals();
    for (const [position, generation] of generations.entries()) {
      seq = await this.#replay(generation, seq, position === generations.length - 1);
    }
    this.#appliedSeq = seq;
    this.#durableSeq = seq;
    this.#generation = generations.at(-1) ?? 1;
    this.#keepFrom = generations[0] ?? 1;
    this.#journalBytes = generations.length > 0 ? Buffer.byteLength(await this.#files.read(this.#generation)) : 0;
    if (legacy) {
      // The segment files become the first snapshot; they are removed only once it is durable.
      await this.compact();
      await this.#files.removeLegacy();
    }
  }

  #loadSnapshot(snapshot: SnapshotData): number {
    const file = `${this.#files.where}/snapshot.json`;
    if (snapshot.format !== 1 || typeof snapshot.seq !== 'number' || typeof snapshot.collections !== 'object') {
      throw damaged(file, 'not a Loro snapshot');
    }
    for (const [collection, rows] of Object.entries(snapshot.collections)) {
      const spec = this.#options.versions?.[collection as keyof S] as
        | { version: number; migrations: Migration[] }
        | undefined;
      const from = snapshot.versions?.[collection] ?? 1;
      for (const stored of rows) {
        let row = stored as Record<string, unknown>;
        for (let version = from; version < (spec?.version ?? 1); version++) {
          const migrate = spec?.migrations[version - 1];
          if (migrate) row = migrate(row);
        }
        try {
          const checked = this.#tables.check(collection, row);
          this.#tables.apply({ c: collection, id: checked.id, row: checked as unknown as Record<string, unknown> });
        } catch (error) {
          if (error instanceof InvalidRowError) throw damaged(file, error.message);
          throw error;
        }
      }
    }
    return snapshot.seq;
  }

  /** Applies a generation's entries after `seq`; a torn last line of the newest one is dropped and reported. */
  async #replay(generation: number, after: number, newest: boolean): Promise<number> {
    const text = await this.#files.read(generation);
    let seq = after;
    let offset = 0;
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      const last = index === lines.length - 1;
      if (line === '' && last) break;
      let entry: JournalLine | undefined;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch {
        entry = undefined;
      }
      const complete = entry !== undefined && !last && typeof entry.s === 'number' && Array.isArray(entry.o);
      if (!complete) {
        const tail = lines.slice(index + 1).every((rest) => rest === '');
        if (newest && tail) {
          // A crash in the middle of an append: that commit was never acknowledged.
          await this.#files.truncate(generation, offset);
          this.#options.onWarning?.(
            `dropped an incomplete last journal line in ${this.#files.where} (a write cut short by a crash; it was never acknowledged)`,
          );
          break;
        }
        throw new Error(
          `${this.#files.where}: line ${index + 1} of journal generation ${generation} is damaged. Nothing was changed: restore the data directory from a backup.`,
        );
      }
      offset += Buffer.byteLength(line) + 1;
      if (!entry || entry.s <= seq) continue;
      for (const op of entry.o) {
        this.#tables.apply('deleted' in op ? op : { c: op.c, id: String(op.row.id), row: op.row });
      }
      seq = entry.s;
    }
    return seq;
  }
}
