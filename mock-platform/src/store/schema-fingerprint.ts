import { createHash } from 'node:crypto';
import { type ZodType, z } from 'zod';

/**
 * A short hash of what a zod schema accepts (its JSON Schema): equal fingerprints mean rows that
 * passed the schema when written pass it now, so a snapshot's rows need no second zod pass on
 * start-up (at 1 M messages that pass was most of a restart's CPU time). Any change a JSON
 * Schema shows (a field added, made required, given a default, a limit moved) changes it, and
 * the next start-up checks every row of that collection again. What JSON Schema cannot show
 * (a `refine` function's body, a transform) does not: a change there needs the collection's
 * version raised (`versions` in the store's options), which also forces the full check.
 * Undefined when the schema cannot be described: its rows are always checked.
 */
export function schemaFingerprint(schema: ZodType): string | undefined {
  if (known.has(schema)) return known.get(schema);
  let fingerprint: string | undefined;
  try {
    const described = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
    fingerprint = createHash('sha256').update(JSON.stringify(described)).digest('base64url').slice(0, 16);
  } catch {
    fingerprint = undefined;
  }
  known.set(schema, fingerprint);
  return fingerprint;
}

/** Schemas are defined once per process: each is described once, not at every compaction. */
const known = new WeakMap<ZodType, string | undefined>();
