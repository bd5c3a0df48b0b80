/**
 * The platform's storage interface. Records are plain JSON objects with an `id`, grouped in named
 * collections; writes are batches that are applied all together or not at all, and a commit's
 * promise resolves only once its data is durable. Reads are served from memory.
 *
 * The embedded engine is {@link SegmentedStore} (lowdb files); another engine only has to
 * implement this interface.
 */
export type Row = { readonly id: string };
export type StoreSchema = Record<string, Row>;

export type WriteOp<S extends StoreSchema> = {
  [C in keyof S & string]: { type: 'put'; collection: C; row: S[C] } | { type: 'delete'; collection: C; id: string };
}[keyof S & string];

export interface Store<S extends StoreSchema> {
  get<C extends keyof S & string>(collection: C, id: string): S[C] | undefined;
  /** Every row of a collection, in no particular order. */
  all<C extends keyof S & string>(collection: C): S[C][];
  /** Rows whose indexed `field` equals `value` (the field must be declared as an index). */
  where<C extends keyof S & string>(collection: C, field: string, value: string): S[C][];
  count<C extends keyof S & string>(collection: C): number;
  /**
   * Applies the operations atomically (visible to readers at once); resolves once they are
   * durably stored. Acknowledge work only after it resolves.
   */
  commit(ops: WriteOp<S>[]): Promise<void>;
  /** Resolves once everything committed so far is durable: await it before acknowledging what was only read. */
  sync(): Promise<void>;
  close(): Promise<void>;
  /** Set once the store stopped taking writes (a failed journal write): what `/healthz` reports. */
  readonly failed?: Error | undefined;
}

/**
 * Typed builders of write operations for one schema, so call sites read as sentences and each row
 * is checked against its collection: `const { put } = writeOps<MySchema>()`.
 */
export function writeOps<S extends StoreSchema>() {
  return {
    put: <C extends keyof S & string>(collection: C, row: S[C]) => ({ type: 'put', collection, row }) as WriteOp<S>,
    remove: <C extends keyof S & string>(collection: C, id: string) =>
      ({ type: 'delete', collection, id }) as WriteOp<S>,
  };
}
