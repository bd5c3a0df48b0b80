import { Low } from 'lowdb';
import type { JournalFiles } from './journal-files.ts';
import { lineBlocks } from './line-blocks.ts';
import { schemaFingerprint } from './schema-fingerprint.ts';
import {
  damaged,
  decodeSnapshot,
  SNAPSHOT_CHUNK_BYTES,
  type SnapshotData,
  snapshotAdapter,
} from './snapshot-format.ts';
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
  /** Bytes of the snapshot serialised between two writes (requests are served in between). */
  snapshotChunkBytes?: number;
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

/** Rows taken from the tables at a time while a snapshot is written: about a chunk's worth (256 for 64 KiB). */
const sliceRows = (chunkBytes: number) => Math.max(1, Math.floor(chunkBytes / 256));

const isRow = (row: unknown): row is Record<string, unknown> & { id: string } =>
  typeof row === 'object' &&
  row !== null &&
  typeof (row as { id?: unknown }).id === 'string' &&
  (row as { id: string }).id !== '';

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
   * A snapshot of every row; later commits go to a new journal generation. Nothing is copied at
   * once: rows are read from the live tables a slice at a time as the writer asks for the next
   * chunk, so requests are served between two chunks and go on changing rows meanwhile. The
   * snapshot is therefore *fuzzy*: every row it holds is as it was at `seq` or as a later commit
   * left it. That is crash-correct because (1) start-up replays every journal entry after `seq`
   * over it, and each entry holds whole rows (or deletions), so any row a later commit touched
   * ends as that commit left it, whatever the snapshot held; (2) before the snapshot replaces
   * the previous one, every commit applied so far is made durable (`sync()`), so a value it
   * holds always comes from a commit that start-up will find in the journal (never from one
   * that a crash lost); (3) the journal generations after `seq` are kept until the next snapshot.
   * Older generations are deleted only then.
   */
  async #compact(): Promise<void> {
    const seq = this.#appliedSeq;
    const sealed = this.#generation;
    this.#generation += 1;
    this.#journalBytes = 0;
    try {
      const store = this;
      const chunkBytes = this.#options.snapshotChunkBytes ?? SNAPSHOT_CHUNK_BYTES;
      const slices = async function* () {
        yield* store.#tables.slices(sliceRows(chunkBytes));
        // Rows may hold commits newer than `seq`: they must be durable before the snapshot is.
        await store.sync();
      };
      let bytes = 0;
      const counted = async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          yield chunk;
        }
      };
      const adapter = snapshotAdapter(
        {
          readSnapshot: () => this.#files.readSnapshot(),
          writeSnapshot: (chunks) => this.#files.writeSnapshot(counted(chunks)),
        },
        chunkBytes,
      );
      const db = new Low<SnapshotData>(adapter, {
        format: 2,
        seq: 0,
        generation: 0,
        versions: {},
        schemas: {},
        slices: [],
      });
      db.data = {
        format: 2,
        seq,
        generation: sealed + 1,
        versions: this.#versions(),
        schemas: this.#fingerprints(),
        slices: slices(),
      };
      await db.write();
      this.#snapshotBytes = bytes;
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

  /** Each collection's schema fingerprint: rows written under the same one need no zod pass on start-up. */
  #fingerprints(): Record<string, string> {
    const fingerprints: Record<string, string> = {};
    for (const [collection, schema] of Object.entries(this.#options.schemas ?? {})) {
      const fingerprint = schema ? schemaFingerprint(schema as Parameters<typeof schemaFingerprint>[0]) : undefined;
      if (fingerprint) fingerprints[collection] = fingerprint;
    }
    return fingerprints;
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
    const found = await this.#files.readSnapshot();
    let seq = 0;
    let legacy = false;
    /** Journal generations before this one are already in the snapshot: not even read. */
    let from = 0;
    if (found) {
      const snapshot = await decodeSnapshot(found.file, found.chunks);
      seq = await this.#loadSnapshot(found.file, snapshot);
      from = snapshot.generation;
      this.#snapshotBytes = found.bytes;
    } else {
      const ops = await this.#files.legacy();
      for (const op of ops ?? []) this.#tables.apply(op);
      legacy = ops !== undefined;
    }
    const generations = await this.#files.journals();
    const newest = generations.at(-1) ?? 1;
    let newestBytes = 0;
    for (const generation of generations) {
      if (generation < from) continue;
      const replayed = await this.#replay(generation, seq, generation === newest);
      seq = replayed.seq;
      newestBytes = replayed.bytes;
    }
    this.#appliedSeq = seq;
    this.#durableSeq = seq;
    // A snapshot taken when nothing followed it names a generation no file has yet: start there.
    this.#generation = Math.max(newest, from);
    this.#keepFrom = generations[0] ?? 1;
    this.#journalBytes = this.#generation === newest ? newestBytes : 0;
    if (legacy) {
      // The segment files become the first snapshot; they are removed only once it is durable.
      await this.compact();
      await this.#files.removeLegacy();
    }
  }

  /**
   * Applies the snapshot's rows as they are read. A collection whose rows were written under its
   * current version and schema (same fingerprint) gets a cheap check, its file's checksum
   * vouching for the rest (a mismatch stops start-up once the last row is read); others are
   * migrated forward and checked with zod, row by row.
   */
  async #loadSnapshot(file: string, snapshot: SnapshotData): Promise<number> {
    const fingerprints = snapshot.format === 2 ? this.#fingerprints() : {};
    for await (const [collection, rows] of snapshot.slices) {
      const spec = this.#options.versions?.[collection as keyof S] as
        | { version: number; migrations: Migration[] }
        | undefined;
      const version = spec?.version ?? 1;
      const from = snapshot.versions[collection] ?? 1;
      const trusted =
        snapshot.format === 2 && from === version && snapshot.schemas[collection] === fingerprints[collection];
      for (const stored of rows) {
        if (trusted) {
          if (!isRow(stored)) throw damaged(file, `a row of ${collection} has no id`);
          this.#tables.apply({ c: collection, id: stored.id, row: stored });
          continue;
        }
        let row = stored as Record<string, unknown>;
        for (let v = from; v < version; v++) {
          const migrate = spec?.migrations[v - 1];
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

  /**
   * Applies a generation's entries after `seq`, reading it a block of lines at a time; a torn
   * last line of the newest one is cut off and reported. Returns the last sequence applied and
   * the generation's length in bytes once repaired.
   */
  async #replay(generation: number, after: number, newest: boolean): Promise<{ seq: number; bytes: number }> {
    let seq = after;
    let line = 0;
    let bytes = 0;
    /** The first line that would not parse: only a crash's torn tail may follow it. */
    let torn: { line: number; offset: number } | undefined;
    const damagedLine = (at: number) =>
      new Error(
        `${this.#files.where}: line ${at} of journal generation ${generation} is damaged. Nothing was changed: restore the data directory from a backup.`,
      );
    for await (const block of lineBlocks(this.#files.journal(generation))) {
      const { text } = block;
      // Byte offsets of lines are needed only to cut a torn tail: counted then, not for every line.
      const offsetOf = (at: number) =>
        block.start + (text.length === block.bytes.length ? at : Buffer.byteLength(text.slice(0, at)));
      if (!block.complete) {
        // Text after the last newline: a write a crash cut short.
        line += 1;
        torn ??= { line, offset: block.start };
        break;
      }
      let at = 0;
      while (at < text.length) {
        const end = text.indexOf('\n', at);
        line += 1;
        const content = text.slice(at, end);
        if (torn) {
          if (content !== '') throw damagedLine(torn.line);
        } else {
          let entry: JournalLine | undefined;
          try {
            entry = JSON.parse(content) as JournalLine;
          } catch {
            entry = undefined;
          }
          if (!entry || typeof entry.s !== 'number' || !Array.isArray(entry.o)) {
            torn = { line, offset: offsetOf(at) };
          } else if (entry.s > seq) {
            for (const op of entry.o) {
              this.#tables.apply('deleted' in op ? op : { c: op.c, id: String(op.row.id), row: op.row });
            }
            seq = entry.s;
          }
        }
        at = end + 1;
      }
      bytes = block.start + block.bytes.length;
    }
    if (torn) {
      if (!newest) throw damagedLine(torn.line);
      // A crash in the middle of an append: that commit was never acknowledged.
      await this.#files.truncate(generation, torn.offset);
      this.#options.onWarning?.(
        `dropped an incomplete last journal line in ${this.#files.where} (a write cut short by a crash; it was never acknowledged)`,
      );
      bytes = torn.offset;
    }
    return { seq, bytes };
  }
}
