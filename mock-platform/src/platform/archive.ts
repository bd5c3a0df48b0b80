import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import { DateTime } from 'luxon';
import { DurableJsonFile } from '../store/durable-json-file.ts';
import type { PlatformContext } from './context.ts';
import { mutate } from './mutation.ts';
import { type Conversation, type Message, put, remove } from './records.ts';

/** One month of archived messages, by conversation: a lowdb file `archive/2026-11.json`. */
export interface ArchiveMonth {
  format: 1;
  conversations: Record<string, Message[]>;
}

/** Where the month files live: a directory, or memory for tests. */
export interface ArchiveFiles {
  month(name: string): Low<ArchiveMonth>;
  months(): Promise<string[]>;
}

const MONTH_FILE = /^(\d{4}-\d{2})\.json$/;
const empty = (): ArchiveMonth => ({ format: 1, conversations: {} });

export function directoryArchive(dir: string): ArchiveFiles {
  return {
    month(name) {
      const file = new DurableJsonFile<ArchiveMonth>(join(dir, `${name}.json`));
      // The directory is made on the first write: DATA_DIR/archive does not exist until then.
      const adapter = {
        read: () => file.read(),
        async write(data: ArchiveMonth) {
          await mkdir(dir, { recursive: true });
          await file.write(data);
        },
      };
      return new Low<ArchiveMonth>(adapter, empty());
    },
    async months() {
      await mkdir(dir, { recursive: true });
      return (await readdir(dir))
        .map((file) => MONTH_FILE.exec(file)?.[1])
        .filter((month): month is string => month !== undefined)
        .sort();
    },
  };
}

export function memoryArchive(): ArchiveFiles {
  const adapters = new Map<string, Memory<ArchiveMonth>>();
  return {
    month(name) {
      let adapter = adapters.get(name);
      if (!adapter) {
        adapter = new Memory<ArchiveMonth>();
        adapters.set(name, adapter);
      }
      return new Low<ArchiveMonth>(adapter, empty());
    },
    async months() {
      return [...adapters.keys()].sort();
    },
  };
}

/** The month an archived conversation's messages are filed under (UTC, from when it ended). */
export const monthOf = (endedAt: number) => DateTime.fromMillis(endedAt, { zone: 'utc' }).toFormat('yyyy-LL');

const BATCH = 500;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Live work in memory, history on disk (issue 14): the messages of conversations that ended more
 * than `days` ago (and whose wrap-ups are all done) move to month files and out of the store's
 * memory; the conversation row stays, marked `archivedIn`, so routing, history and reports keep
 * their answers, and its messages are read back on demand with {@link archivedMessages}.
 *
 * Crash-safe in that order: the month file is written (durably, atomically) before the messages
 * are deleted from the store, and writing a conversation's messages again replaces them, so a pass
 * cut short is simply done again. Returns how many conversations it archived.
 */
export async function archiveEnded(ctx: PlatformContext, files: ArchiveFiles, days: number): Promise<number> {
  const cutoff = ctx.clock.now() - days * DAY_MS;
  const due = ctx.store
    .where('conversations', 'unarchived', 'ended')
    .filter((conversation) => (conversation.endedAt ?? Number.POSITIVE_INFINITY) < cutoff)
    .filter((conversation) =>
      ctx.store.where('wrapUps', 'conversationId', conversation.id).every((wrapUp) => wrapUp.status === 'done'),
    )
    .slice(0, BATCH);
  const byMonth = new Map<string, Conversation[]>();
  for (const conversation of due) {
    const month = monthOf(conversation.endedAt ?? 0);
    byMonth.set(month, [...(byMonth.get(month) ?? []), conversation]);
  }
  let archived = 0;
  for (const [month, conversations] of byMonth) {
    const db = files.month(month);
    await db.read();
    for (const conversation of conversations) {
      db.data.conversations[conversation.id] = ctx.store.where('messages', 'conversationId', conversation.id);
    }
    await db.write();
    await mutate(ctx, async (ctx) => {
      const ops = [];
      for (const conversation of conversations) {
        // Still ended and not archived meanwhile (nothing reopens an ended conversation, but be sure).
        const current = ctx.store.get('conversations', conversation.id);
        if (current?.status !== 'ended' || current.archivedIn) continue;
        ops.push(put('conversations', { ...current, archivedIn: month }));
        for (const message of ctx.store.where('messages', 'conversationId', conversation.id)) {
          ops.push(remove('messages', message.id));
        }
        archived++;
      }
      if (ops.length > 0) await ctx.store.commit(ops);
    });
  }
  return archived;
}

/** A conversation's messages: from the store while live, from its month file once archived. */
export async function archivedMessages(
  ctx: PlatformContext,
  files: ArchiveFiles,
  conversation: Conversation,
): Promise<Message[]> {
  if (!conversation.archivedIn) return ctx.store.where('messages', 'conversationId', conversation.id);
  const db = files.month(conversation.archivedIn);
  await db.read();
  return db.data.conversations[conversation.id] ?? [];
}
