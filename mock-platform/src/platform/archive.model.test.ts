import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryJournal } from '../store/journal-files.ts';
import { testPlatform } from '../testing/harness.ts';
import { type ArchiveFiles, archivedMessages, memoryArchive } from './archive.ts';
import { mutate } from './mutation.ts';
import { type Conversation, type Message, put } from './records.ts';

const DAY = 24 * 60 * 60_000;
const CONVERSATIONS = 4;

type Command =
  | { kind: 'message'; conversation: number }
  | { kind: 'end'; conversation: number }
  | { kind: 'compact' }
  | { kind: 'archive' }
  | { kind: 'restart' };

const conversation = fc.integer({ min: 0, max: CONVERSATIONS - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: conversation.map((c) => ({ kind: 'message' as const, conversation: c })) },
  { weight: 2, arbitrary: conversation.map((c) => ({ kind: 'end' as const, conversation: c })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'archive' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** The model: each conversation's messages (texts, in order) and whether it ended. */
type Model = Map<string, { texts: string[]; ended: boolean }>;

/** A real conversation and message, made once through the webhook, as the shape of the generated ones. */
async function templates(): Promise<{ conversation: Conversation; message: Message }> {
  const t = await testPlatform();
  await t.customerSays('Hola');
  const [conversation] = t.store.all('conversations');
  const [message] = t.store.all('messages');
  if (!conversation || !message) throw new Error('the webhook stored nothing');
  return { conversation, message };
}

describe('store and archive against a model (fast-check)', () => {
  it('after random messages, endings, compactions, archivals and restarts, every conversation reads back exactly its messages, and archived ones hold none in memory', async () => {
    const shape = await templates();
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const disk = new Map<string, string>();
        const archive: ArchiveFiles = memoryArchive();
        const open = () => testPlatform({}, memoryJournal(disk), { archive });
        let t = await open();
        const model: Model = new Map();
        let counter = 0;

        const check = async () => {
          for (const [id, expected] of model) {
            const stored = t.store.get('conversations', id);
            expect(stored?.status === 'ended').toBe(expected.ended);
            if (!stored) continue;
            const messages = await archivedMessages(t.ctx, archive, stored);
            expect(messages.map((m) => m.text)).toEqual(expected.texts);
            // Archived: read from the month file, none left in memory.
            if (stored.archivedIn) expect(t.store.where('messages', 'conversationId', id)).toEqual([]);
          }
        };

        for (const c of commands) {
          if (c.kind === 'message' || c.kind === 'end') {
            const id = `conv_model_${c.conversation}`;
            const entry = model.get(id) ?? { texts: [], ended: false };
            // An ended conversation takes nothing more (a new message opens a new conversation).
            if (entry.ended) continue;
            const now = t.clock.now();
            await mutate(t.ctx, async (ctx) => {
              const current = ctx.store.get('conversations', id) ?? { ...shape.conversation, id };
              if (c.kind === 'end') {
                await ctx.store.commit([put('conversations', { ...current, status: 'ended', endedAt: now - 8 * DAY })]);
              } else {
                const text = `mensaje ${counter++}`;
                await ctx.store.commit([
                  put('conversations', current),
                  put('messages', { ...shape.message, id: `wamid.model-${counter}`, conversationId: id, text }),
                ]);
              }
            });
            if (c.kind === 'end') entry.ended = true;
            else entry.texts.push(`mensaje ${counter - 1}`);
            model.set(id, entry);
          } else if (c.kind === 'compact') {
            await t.store.compact();
          } else if (c.kind === 'archive') {
            await t.archive();
            await check();
          } else {
            // Everything acknowledged is durable; the process goes away without closing anything.
            await t.store.sync();
            t = await open();
            await check();
          }
        }
        await t.store.sync();
        t = await open();
        await check();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
  }, 120_000);
});
