import type { Store } from '../../store/store.ts';
import type { PlatformSchema } from '../records.ts';

type Collection = keyof PlatformSchema & string;

/**
 * The store as it would be once an import's rows are written: reads see the staged rows over the
 * real ones, so each imported row's checks (references, unique names) are made against the
 * configuration the whole import produces. It never writes: the import commits through the real
 * store, in one commit, once every row is decided.
 */
export class StagedStore implements Store<PlatformSchema> {
  readonly #staged = new Map<Collection, Map<string, PlatformSchema[Collection]>>();

  constructor(readonly base: Store<PlatformSchema>) {}

  stage<C extends Collection>(collection: C, row: PlatformSchema[C]): void {
    const rows = this.#staged.get(collection) ?? new Map();
    this.#staged.set(collection, rows.set(row.id, row));
  }

  unstage(collection: Collection, id: string): void {
    this.#staged.get(collection)?.delete(id);
  }

  get<C extends Collection>(collection: C, id: string): PlatformSchema[C] | undefined {
    return (this.#staged.get(collection)?.get(id) as PlatformSchema[C] | undefined) ?? this.base.get(collection, id);
  }

  all<C extends Collection>(collection: C): PlatformSchema[C][] {
    const staged = this.#staged.get(collection) as Map<string, PlatformSchema[C]> | undefined;
    if (!staged || staged.size === 0) return this.base.all(collection);
    return [...this.base.all(collection).filter((row) => !staged.has(row.id)), ...staged.values()];
  }

  /** Staged rows match on the plain field of that name (the indexes of administrable rows are plain fields). */
  where<C extends Collection>(collection: C, field: string, value: string): PlatformSchema[C][] {
    const staged = this.#staged.get(collection) as Map<string, PlatformSchema[C]> | undefined;
    const base = this.base.where(collection, field, value);
    if (!staged || staged.size === 0) return base;
    return [
      ...base.filter((row) => !staged.has(row.id)),
      ...[...staged.values()].filter((row) => (row as Record<string, unknown>)[field] === value),
    ];
  }

  count(collection: Collection): number {
    return this.all(collection).length;
  }

  commit(): Promise<void> {
    return Promise.reject(new Error('A staged store only answers reads: commit through the real store'));
  }

  sync(): Promise<void> {
    return this.base.sync();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  get failed(): Error | undefined {
    return this.base.failed;
  }
}
