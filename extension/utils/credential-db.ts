/**
 * A tiny key-value store in the extension origin's IndexedDB, for secrets that must survive a
 * browser restart. Why not `storage.local`: Chrome lets content scripts read it (it has no access
 * level, unlike `storage.session`), and a content script runs inside the host page's process. The
 * extension's IndexedDB belongs to the `chrome-extension://` origin: a content script only ever
 * reaches the page's own. The factory is passed in so tests use an in-memory one.
 */
export interface CredentialDb {
  get(key: string): Promise<unknown>;
  /** Writes `key`, or only when `when(current)` holds: read and write in one transaction. */
  put(key: string, value: unknown, when?: (current: unknown) => boolean): Promise<void>;
  /** Deletes `key`, or only when `when(current)` holds: read and delete in one transaction. */
  remove(key: string, when?: (current: unknown) => boolean): Promise<void>;
}

const DB_NAME = 'loro-credentials';
const STORE = 'credentials';

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs `work` in one transaction and resolves with its result once the transaction commits. */
async function transaction<T>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore, done: (value: T) => void) => void,
): Promise<T> {
  const db = await open(factory);
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let result: T;
      work(tx.objectStore(STORE), (value) => {
        result = value;
      });
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Applies `write` to `key`, unconditionally or when `when` holds for its current value. */
function change(
  factory: IDBFactory,
  key: string,
  when: ((current: unknown) => boolean) | undefined,
  write: (store: IDBObjectStore) => void,
): Promise<void> {
  return transaction<void>(factory, 'readwrite', (store) => {
    if (!when) {
      write(store);
      return;
    }
    const request = store.get(key);
    request.onsuccess = () => {
      if (when(request.result)) write(store);
    };
  });
}

/** The extension's credential store (the page's or the worker's `indexedDB` by default). */
export function indexedDbCredentials(factory: IDBFactory = globalThis.indexedDB): CredentialDb {
  return {
    get: (key) =>
      transaction<unknown>(factory, 'readonly', (store, done) => {
        const request = store.get(key);
        request.onsuccess = () => done(request.result);
      }),
    put: (key, value, when) => change(factory, key, when, (store) => store.put(value, key)),
    remove: (key, when) => change(factory, key, when, (store) => store.delete(key)),
  };
}
