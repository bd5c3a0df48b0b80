/** A durable write failed: memory may be ahead of the disk, so the store stops taking commits. */
export class StoreFailedError extends Error {
  constructor(cause: unknown) {
    super(
      `The store could not write to disk and stopped: restart the platform (${(cause as Error)?.message ?? cause})`,
      { cause },
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

/** The data directory is held by another running process: two writers would corrupt it. */
export class StoreLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(`${dir} is in use by another Loro process (${holder}): stop it, or give this one another DATA_DIR`);
    this.name = 'StoreLockedError';
  }
}
