import type { z } from 'zod';
import {
  type InboundMessage,
  inboundMessageCoreSchema,
  inboundMessageSchema,
  messagesValueShellSchema,
  type StatusUpdate,
  statusUpdateSchema,
  type WebhookEnvelope,
  webhookChangeSchema,
  webhookContactSchema,
  webhookEntrySchema,
} from '../../../shared/whatsapp/webhook-schema.ts';

/** One `messages` value of a webhook, every item of it that could be read. */
export interface ReadableValue {
  phoneNumberId: string;
  /** Profile names by wa_id. */
  names: Map<string, string>;
  messages: InboundMessage[];
  statuses: StatusUpdate[];
}

/** Something in a webhook that cannot be stored, and why (never its content: no personal data). */
export interface Skip {
  item: 'entry' | 'change' | 'contact' | 'message' | 'status';
  reason: string;
}

/**
 * Reads a webhook's entries, changes, contacts, messages and statuses one by one: one the receiver
 * cannot read is reported as a `Skip` and costs only itself, never the rest of the body (Meta
 * would re-send the whole body, which would fail again, until it gives up).
 */
export function readWebhook(envelope: WebhookEnvelope): {
  values: ReadableValue[];
  other: { field: string; accountId: string; value: unknown }[];
  skipped: Skip[];
} {
  const values: ReadableValue[] = [];
  const other: { field: string; accountId: string; value: unknown }[] = [];
  const skipped: Skip[] = [];
  for (const rawEntry of envelope.entry) {
    const entry = webhookEntrySchema.safeParse(rawEntry);
    if (!entry.success) {
      skipped.push({ item: 'entry', reason: reasonOf(entry.error) });
      continue;
    }
    for (const rawChange of entry.data.changes) {
      const change = webhookChangeSchema.safeParse(rawChange);
      if (!change.success) {
        skipped.push({ item: 'change', reason: reasonOf(change.error) });
        continue;
      }
      if (change.data.field !== 'messages') {
        other.push({ field: change.data.field, accountId: entry.data.id ?? '?', value: change.data.value });
        continue;
      }
      const shell = messagesValueShellSchema.safeParse(change.data.value);
      if (!shell.success) {
        skipped.push({ item: 'change', reason: reasonOf(shell.error) });
        continue;
      }
      values.push(readValue(shell.data, skipped));
    }
  }
  return { values, other, skipped };
}

function readValue(shell: z.infer<typeof messagesValueShellSchema>, skipped: Skip[]): ReadableValue {
  const names = new Map<string, string>();
  for (const raw of shell.contacts ?? []) {
    const contact = webhookContactSchema.safeParse(raw);
    if (!contact.success) {
      skipped.push({ item: 'contact', reason: reasonOf(contact.error) });
      continue;
    }
    const waId = contact.data.wa_id;
    const name = contact.data.profile?.name;
    if (waId === undefined) skipped.push({ item: 'contact', reason: 'wa_id: missing (business-scoped user id only)' });
    else if (typeof name === 'string' && name !== '') names.set(waId, name);
  }
  const messages: InboundMessage[] = [];
  for (const raw of shell.messages ?? []) {
    const read = readMessage(raw);
    if (read.ok) messages.push(read.message);
    else skipped.push({ item: 'message', reason: read.reason });
  }
  const statuses: StatusUpdate[] = [];
  for (const raw of shell.statuses ?? []) {
    const status = statusUpdateSchema.safeParse(raw);
    if (status.success) statuses.push(status.data);
    else skipped.push({ item: 'status', reason: reasonOf(status.error) });
  }
  return { phoneNumberId: shell.metadata.phone_number_id, names, messages, statuses };
}

/**
 * A message as far as it can be read: when its type-specific part does not match Meta's shape,
 * it is still stored, with its id, sender and type (the agent reads that it could not be shown).
 */
function readMessage(raw: unknown): { ok: true; message: InboundMessage } | { ok: false; reason: string } {
  const full = inboundMessageSchema.safeParse(raw);
  const core = full.success ? full : inboundMessageCoreSchema.safeParse(raw);
  if (!core.success) return { ok: false, reason: reasonOf(core.error) };
  if (core.data.from === undefined) return { ok: false, reason: 'from: missing (business-scoped user id only)' };
  if (full.success) return { ok: true, message: full.data };
  const { id, from, timestamp, type } = core.data;
  return {
    ok: true,
    message: { id, from, type, ...(timestamp !== undefined ? { timestamp } : {}), unreadable: true },
  };
}

/** The first problem's place and rule, e.g. `timestamp: must be Unix seconds` (never the value: the words are the rule's). */
function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unreadable';
  const path = issue.path.map(String).join('.') || '(the item)';
  return `${path}: ${issue.message}`;
}

/** How many webhook items were not stored, by kind and reason, since start-up. */
export class WebhookSkips {
  readonly #counts = new Map<string, number>();

  add(skip: Skip): void {
    const key = `${skip.item}: ${skip.reason}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  get total(): number {
    let total = 0;
    for (const count of this.#counts.values()) total += count;
    return total;
  }

  byReason(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }
}
