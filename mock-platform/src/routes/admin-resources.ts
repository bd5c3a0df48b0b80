import { z } from '@hono/zod-openapi';
import { isLegacyComponentUrl } from '../../../shared/api/custom-components.ts';
import { channelPermissionSchema } from '../../../shared/api/permissions.ts';
import { routingQueueBodySchema, routingQueueSchema } from '../../../shared/routing/queues.ts';
import { routingScriptBodySchema, routingScriptSchema } from '../../../shared/routing/script.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Issue } from '../http/errors.ts';
import { agentTopic, type PlatformContext } from '../platform/context.ts';
import { deleteSkillOps } from '../platform/deletions.ts';
import { activeConversations } from '../platform/participants.ts';
import {
  closureReasonSchema,
  customComponentSchema,
  type PlatformSchema,
  put,
  remove,
  richMessageSchema,
  roleSchema,
  skillSchema,
  unavailableReasonSchema,
  userSchema,
} from '../platform/records.ts';
import { slaSettings } from '../platform/sla.ts';
import { timeSlotIssues } from '../platform/time-slots.ts';
import { announceReasonChange } from '../platform/unavailable-reasons.ts';
import { conversationView } from '../platform/views.ts';
import type { WriteOp } from '../store/store.ts';
import type { Resource } from './admin-resource.ts';

/**
 * The administrable collections (issue 4), each as a `Resource`: body schema, references checked
 * against the store, and what stops or accompanies a deletion.
 */

const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => a.name.localeCompare(b.name));

/** An issue for each id in `ids` that is not a live channel. */
function unknownChannels(ctx: PlatformContext, ids: readonly string[], path: string): Issue[] {
  return ids.flatMap((id, index) => {
    const channel = ctx.store.get('channels', id);
    return channel && channel.deletedAt === undefined
      ? []
      : [{ path: `${path}.${index}`, message: `${id} is not a channel` }];
  });
}

const roleBody = roleSchema.omit({ id: true }).extend({
  channels: z.record(z.string().min(1), z.array(channelPermissionSchema).max(10)),
});

export function roleResource(ctx: PlatformContext): Resource<'roles', typeof roleBody> {
  return {
    collection: 'roles',
    path: 'roles',
    label: 'Role',
    idPrefix: 'role',
    body: roleBody,
    view: roleSchema,
    toRow: (body, id) => ({
      id,
      ...body,
      // Each permission once, in the catalogue's order.
      channels: Object.fromEntries(
        Object.entries(body.channels).map(([channelId, granted]) => [
          channelId,
          channelPermissionSchema.options.filter((permission) => granted.includes(permission)),
        ]),
      ),
    }),
    check: (role) =>
      Object.keys(role.channels).flatMap((channelId) => {
        const channel = ctx.store.get('channels', channelId);
        return channel && channel.deletedAt === undefined
          ? []
          : [{ path: `channels.${channelId}`, message: `${channelId} is not a channel` }];
      }),
    blocksDelete: (role) => {
      const holders = ctx.store.all('users').filter((user) => user.roleId === role.id);
      return holders.length > 0
        ? `${holders.map((user) => user.displayName).join(', ')} ${holders.length === 1 ? 'has' : 'have'} this role: give them another one first (every agent has exactly one role)`
        : undefined;
    },
    describe: (role) => `role ${role.name} (${Object.keys(role.channels).length} channels)`,
    list: byName,
    // The role's agents see their new permissions at once; a channel given may start routing.
    afterWrite: async (role) => {
      announcePermissions(
        ctx,
        ctx.store.all('users').filter((user) => user.roleId === role.id),
      );
      void ctx.routing.request();
    },
  };
}

const skillBody = skillSchema.omit({ id: true });

export function skillResource(ctx: PlatformContext): Resource<'skills', typeof skillBody> {
  return {
    collection: 'skills',
    path: 'skills',
    label: 'Skill',
    idPrefix: 'skill',
    body: skillBody,
    view: skillSchema,
    toRow: (body, id) => ({ id, ...body }),
    check: (skill) => {
      const issues: Issue[] = [];
      if (skill.defaultClosureReasonId !== undefined && !ctx.store.get('closureReasons', skill.defaultClosureReasonId))
        issues.push({
          path: 'defaultClosureReasonId',
          message: `${skill.defaultClosureReasonId} is not a closure reason`,
        });
      if (skill.secondarySkillId !== undefined) {
        if (skill.secondarySkillId === skill.id)
          issues.push({ path: 'secondarySkillId', message: 'cannot be the skill itself' });
        else if (!ctx.store.get('skills', skill.secondarySkillId))
          issues.push({ path: 'secondarySkillId', message: `${skill.secondarySkillId} is not a skill` });
      }
      // The queue time-out: it needs something to do, and its message needs a time-out to go at.
      const acts = skill.secondarySkillId || skill.queueTimeoutMessage || skill.queueTimeoutTemplate;
      if (skill.queueTimeoutSeconds !== undefined && !acts)
        issues.push({
          path: 'queueTimeoutSeconds',
          message: 'choose a secondary skill or an automatic message for the time-out to act on',
        });
      if (skill.queueTimeoutSeconds === undefined) {
        for (const field of ['queueTimeoutMessage', 'queueTimeoutTemplate'] as const)
          if (skill[field] !== undefined) issues.push({ path: field, message: 'set a queue time-out to send it at' });
      }
      if (skill.direction === 'outbound' && skill.serviceLevel)
        issues.push({ path: 'serviceLevel', message: 'applies to inbound skills only' });
      return issues;
    },
    blocksDelete: (skill) => {
      const channel = ctx.store.all('channels').find((c) => c.deletedAt === undefined && c.defaultSkillId === skill.id);
      if (channel) return `${skill.name} is the default skill of the channel ${channel.name}: choose another first`;
      const queue = ctx.store.all('routingQueues').find((q) => q.skillId === skill.id);
      if (queue) return `The routing queue ${queue.name} routes to ${skill.name}: change or delete it first`;
      const script = ctx.store
        .all('routingScripts')
        .find((s) => s.fallback?.skillId === skill.id || s.rules.some((rule) => rule.route.skillId === skill.id));
      if (script) return `The routing script ${script.name} routes to ${skill.name}: change it first`;
      const secondary = ctx.store.all('skills').find((s) => s.secondarySkillId === skill.id);
      if (secondary) return `${skill.name} is the secondary skill of ${secondary.name}: change it first`;
      return undefined;
    },
    deleteOps: (skill) => {
      const { ops, after } = deleteSkillOps(ctx, skill);
      // Agents no longer hold a skill that does not exist.
      for (const user of ctx.store.all('users')) {
        if (user.skills.some((s) => s.skillId === skill.id))
          ops.push(put('users', { ...user, skills: user.skills.filter((s) => s.skillId !== skill.id) }));
      }
      return { ops, after };
    },
    describe: (skill) => `skill ${skill.name}`,
    list: byName,
    afterWrite: () => void ctx.routing.request(),
  };
}

const userBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[\w.@-]{2,64}$/, 'must be 2–64 letters, digits, . _ @ or -'),
  displayName: z.string().trim().min(1, 'is required').max(120),
  role: z.enum(['admin', 'supervisor', 'agent']),
  /** Required for agents: their one role (RP-2). */
  roleId: z.string().optional(),
  skills: z
    .array(z.object({ skillId: z.string().min(1), proficiency: z.number().int().min(1).max(10) }))
    .max(100)
    .default([]),
  capacity: z.number().int().min(1).max(50).default(3),
  /** Required when creating; on a change, absent keeps the current one (and a new one signs the user out). */
  password: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
});

export const userViewAdminSchema = userSchema.omit({ passwordHash: true });

export function userResource(ctx: PlatformContext): Resource<'users', typeof userBody, string | undefined> {
  return {
    collection: 'users',
    path: 'users',
    label: 'User',
    idPrefix: 'user',
    body: userBody,
    view: userViewAdminSchema,
    // scrypt takes a while: hashed before the write queue, not inside it.
    prepare: async ({ password }) => (password ? await hashPassword(password, ctx.passwordCost) : undefined),
    toRow: ({ password: _password, roleId, ...body }, id, existing, hash) => ({
      id,
      ...body,
      ...(body.role === 'agent' && roleId ? { roleId } : {}),
      // An empty hash can match no password: `check` refuses a new user without one anyway.
      passwordHash: hash ?? existing?.passwordHash ?? '',
    }),
    toView: ({ passwordHash: _hash, ...user }) => user,
    check: (user, existing) => {
      const issues: Issue[] = [];
      if (!user.passwordHash) issues.push({ path: 'password', message: 'is required for a new user' });
      const clash = ctx.store.where('users', 'username', user.username).find((other) => other.id !== user.id);
      if (clash) issues.push({ path: 'username', message: `${user.username} is already taken` });
      if (user.role === 'agent') {
        if (!user.roleId) issues.push({ path: 'roleId', message: 'an agent needs exactly one role' });
        else if (!ctx.store.get('roles', user.roleId))
          issues.push({ path: 'roleId', message: `${user.roleId} is not a role` });
      }
      const seen = new Set<string>();
      user.skills.forEach(({ skillId }, index) => {
        if (!ctx.store.get('skills', skillId))
          issues.push({ path: `skills.${index}.skillId`, message: `${skillId} is not a skill` });
        else if (seen.has(skillId))
          issues.push({ path: `skills.${index}.skillId`, message: `${skillId} is listed twice` });
        seen.add(skillId);
      });
      if (existing?.role === 'admin' && user.role !== 'admin' && adminCount(ctx) <= 1)
        issues.push({ path: 'role', message: 'the last administrator cannot stop being one' });
      return issues;
    },
    // A new password signs the user out everywhere.
    alsoWrite: (user, existing) =>
      existing && existing.passwordHash !== user.passwordHash
        ? ctx.store.where('sessions', 'userId', user.id).map((session) => remove('sessions', session.id))
        : [],
    blocksDelete: (user, actor) => {
      if (user.id === actor.id) return 'You cannot delete your own account';
      if (user.role === 'admin' && adminCount(ctx) <= 1) return 'The last administrator cannot be deleted';
      const live = activeConversations(ctx, user.id).length;
      return live > 0
        ? `${user.displayName} is working on ${live} conversation${live === 1 ? '' : 's'}: wait until they end or are transferred`
        : undefined;
    },
    deleteOps: (user) => {
      // Signed out everywhere, at once, with the account.
      const ops: WriteOp<PlatformSchema>[] = [remove('users', user.id)];
      for (const session of ctx.store.where('sessions', 'userId', user.id)) ops.push(remove('sessions', session.id));
      if (ctx.store.get('agentStatus', user.id)) ops.push(remove('agentStatus', user.id));
      return { ops };
    },
    describe: (user) => `${user.role} ${user.username} (${user.displayName})`,
    list: (rows) => rows.sort((a, b) => a.displayName.localeCompare(b.displayName)),
    afterWrite: async (user, action) => {
      if (action !== 'delete') announcePermissions(ctx, [user]);
      void ctx.routing.request();
    },
  };
}

/** Sends each agent's open conversations again, with the permissions their role now grants (RP-4). */
function announcePermissions(ctx: PlatformContext, users: readonly PlatformSchema['users'][]): void {
  for (const user of users) {
    for (const conversation of activeConversations(ctx, user.id)) {
      ctx.events.publish(agentTopic(user.id), 'conversation.updated', conversationView(ctx, conversation, user.id));
    }
  }
}

function adminCount(ctx: PlatformContext): number {
  return ctx.store.all('users').filter((user) => user.role === 'admin').length;
}

const componentBody = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2048)
    .refine((url) => url.includes('%s'), 'must end with %s: it is replaced by the conversation id')
    .refine((url) => !isLegacyComponentUrl(url), 'Smooch components are legacy: use the template-settings URL'),
  height: z.number().int().min(50, 'must be at least 50 px').max(2000, 'must be at most 2000 px').default(200),
  channelIds: z.array(z.string().min(1)).max(500).default([]),
});

export const customComponentViewSchema = customComponentSchema.extend({ legacy: z.boolean() });

export function customComponentResource(ctx: PlatformContext): Resource<'customComponents', typeof componentBody> {
  return {
    collection: 'customComponents',
    path: 'custom-components',
    label: 'Custom component',
    idPrefix: 'component',
    body: componentBody,
    view: customComponentViewSchema,
    toRow: (body, id) => ({ id, ...body, channelIds: [...new Set(body.channelIds)] }),
    toView: (row) => ({ ...row, legacy: isLegacyComponentUrl(row.url) }),
    check: (row) => unknownChannels(ctx, row.channelIds, 'channelIds'),
    describe: (row) =>
      `custom component ${row.name} (${row.url}, ${row.height} px, ${row.channelIds.length === 0 ? 'all channels' : `${row.channelIds.length} channels`})`,
    list: byName,
  };
}

const richMessageBody = richMessageSchema.omit({ id: true });

export function richMessageResource(ctx: PlatformContext): Resource<'richMessages', typeof richMessageBody> {
  return {
    collection: 'richMessages',
    path: 'rich-messages',
    label: 'Rich message',
    idPrefix: 'rich',
    body: richMessageBody,
    view: richMessageSchema,
    toRow: (body, id) => ({ id, ...body, channelIds: [...new Set(body.channelIds)] }),
    check: (row) => [
      ...unknownChannels(ctx, row.channelIds, 'channelIds'),
      ...(row.content.kind === 'time_picker'
        ? timeSlotIssues(row.content.slots, ctx.clock.now(), slaSettings(ctx.store, '').hours.timeZone, 'content.slots')
        : []),
    ],
    describe: (row) => `rich message ${row.name} (${row.content.kind}, ${row.channelIds.length} channels)`,
    list: byName,
  };
}

const closureReasonBody = closureReasonSchema.omit({ id: true }).extend({
  name: z.string().trim().min(1, 'is required').max(120),
});

export function closureReasonResource(ctx: PlatformContext): Resource<'closureReasons', typeof closureReasonBody> {
  return {
    collection: 'closureReasons',
    path: 'closure-reasons',
    label: 'Closure reason',
    idPrefix: 'closure',
    body: closureReasonBody,
    view: closureReasonSchema,
    toRow: (body, id) => ({ id, ...body }),
    describe: (row) => `closure reason ${row.name}`,
    blocksDelete: (reason) => {
      const skill = ctx.store.all('skills').find((s) => s.defaultClosureReasonId === reason.id);
      return skill
        ? `${reason.name} is the default closure reason of the skill ${skill.name}: choose another first`
        : undefined;
    },
    list: byName,
  };
}

const unavailableReasonBody = unavailableReasonSchema.omit({ id: true }).strict();

/** Unavailable reasons (Break, Lunch…): what agents pick when they go Unavailable. */
export function unavailableReasonResource(
  ctx: PlatformContext,
): Resource<'unavailableReasons', typeof unavailableReasonBody> {
  return {
    collection: 'unavailableReasons',
    path: 'unavailable-reasons',
    label: 'Unavailable reason',
    idPrefix: 'reason',
    body: unavailableReasonBody,
    view: unavailableReasonSchema,
    toRow: (body, id) => ({ id, ...body }),
    describe: (row) => `unavailable reason ${row.name} (${row.nameEs})`,
    list: byName,
    // Agents away for this reason keep it on screen under its new name.
    afterWrite: (row) => announceReasonChange(ctx, row.id),
  };
}

function skillIssue(ctx: PlatformContext, skillId: string, path: string): Issue[] {
  return ctx.store.get('skills', skillId) ? [] : [{ path, message: `${skillId} is not a skill` }];
}

export function routingScriptResource(
  ctx: PlatformContext,
): Resource<'routingScripts', typeof routingScriptBodySchema> {
  return {
    collection: 'routingScripts',
    path: 'routing-scripts',
    label: 'Routing script',
    idPrefix: 'script',
    upsert: true,
    body: routingScriptBodySchema,
    view: routingScriptSchema,
    toRow: (body, id) => ({ ...body, id }),
    check: (script) => [
      ...script.rules.flatMap((rule, index) => skillIssue(ctx, rule.route.skillId, `rules.${index}.route.skillId`)),
      ...(script.fallback ? skillIssue(ctx, script.fallback.skillId, 'fallback.skillId') : []),
    ],
    blocksDelete: (script) => {
      const channel = ctx.store
        .all('channels')
        .find((c) => c.deletedAt === undefined && c.defaultScriptId === script.id);
      return channel
        ? `${script.name} is the default script of the channel ${channel.name}: choose another first`
        : undefined;
    },
    describe: (script) => `routing script ${script.name} (${script.rules.length} rules)`,
    list: byName,
  };
}

export function routingQueueResource(ctx: PlatformContext): Resource<'routingQueues', typeof routingQueueBodySchema> {
  return {
    collection: 'routingQueues',
    path: 'routing-queues',
    label: 'Routing queue',
    idPrefix: 'queue',
    upsert: true,
    body: routingQueueBodySchema,
    view: routingQueueSchema,
    toRow: (body, id) => ({ ...body, id }),
    check: (queue) => [
      ...skillIssue(ctx, queue.skillId, 'skillId'),
      ...unknownChannels(ctx, queue.includedChannels, 'includedChannels'),
    ],
    describe: (queue) => `routing queue ${queue.name} (order ${queue.order})`,
    list: (rows) => rows.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
  };
}
