import type { ZodType } from 'zod';
import type { Row, StoreSchema, WriteOp } from './store.ts';
import { InvalidRowError } from './store-errors.ts';

/** A field to index by name, or a named value computed from the row (undefined = not indexed). */
export type IndexSpec<R> = string | { name: string; value: (row: R) => string | undefined };

export type IndexSpecs<S extends StoreSchema> = { [C in keyof S]?: readonly IndexSpec<S[C]>[] };
export type RowSchemas<S extends StoreSchema> = { [C in keyof S]?: ZodType<S[C]> };

/** One operation as stored on disk: the collection, the id, and the row or its deletion. */
export type StoredOp =
  | { c: string; id: string; row: Record<string, unknown> }
  | { c: string; id: string; deleted: true };

type Index = { value: (row: Row) => unknown; buckets: Map<string, Set<string>> };

/**
 * The store's rows in memory, with their secondary indexes: what every read is served from.
 * Rows are frozen and replaced, never changed in place.
 */
export class Tables<S extends StoreSchema> {
  readonly #rows = new Map<string, Map<string, Row>>();
  readonly #indexes = new Map<string, Map<string, Index>>();
  readonly #schemas: RowSchemas<S>;

  constructor(indexes: IndexSpecs<S> = {}, schemas: RowSchemas<S> = {}) {
    this.#schemas = schemas;
    for (const [collection, specs] of Object.entries(indexes)) {
      const byName = new Map<string, Index>();
      for (const spec of (specs ?? []) as IndexSpec<Row>[]) {
        if (typeof spec === 'string') {
          byName.set(spec, { value: (row) => (row as unknown as Record<string, unknown>)[spec], buckets: new Map() });
        } else {
          byName.set(spec.name, { value: spec.value as (row: Row) => unknown, buckets: new Map() });
        }
      }
      this.#indexes.set(collection, byName);
    }
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

  /**
   * Every row, `size` at a time as `[collection, rows]`, read from the live tables as the slices
   * are asked for: no copy of a million rows is ever made at once. Writes made meanwhile may or
   * may not show (a row replaced after the walk began gives its old or its new value, a row
   * deleted and put again may come twice or not at all, a row added may not come); the snapshot
   * writer relies only on every row that was there when the walk began, and was not changed
   * since, coming exactly as it is.
   */
  *slices(size: number): Generator<readonly [string, Row[]]> {
    for (const [collection, rows] of this.#rows) {
      let slice: Row[] = [];
      // Rows added during the walk come after every row there when it began: the walk stops
      // once it has given as many as there were, or writes faster than it could keep it going.
      let left = rows.size;
      for (const row of rows.values()) {
        if (left-- === 0) break;
        slice.push(row);
        if (slice.length >= size) {
          yield [collection, slice];
          slice = [];
        }
      }
      if (slice.length > 0) yield [collection, slice];
    }
  }

  /** Validates a write against its collection's schema; throws {@link InvalidRowError} naming the field. */
  encode(op: WriteOp<S>): StoredOp {
    if (op.type === 'delete') return { c: op.collection, id: op.id, deleted: true };
    const schema = this.#schemas[op.collection];
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

  /** Validates a row read back from disk (a snapshot written by an older version, say). */
  check(collection: string, row: unknown): Row {
    const schema = this.#schemas[collection as keyof S];
    if (!schema) return row as Row;
    const result = schema.safeParse(row);
    if (!result.success) {
      throw new InvalidRowError(
        collection,
        result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    }
    return result.data as Row;
  }

  apply(op: StoredOp): void {
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
