import type { Condition } from '../../../shared/routing/script.ts';
import type { WriteOp } from '../store/store.ts';
import { audited } from './audit.ts';
import type { PlatformContext } from './context.ts';
import { type Channel, type PlatformSchema, put, remove, type User } from './records.ts';

const mentions = (channelId: string) => (condition: Condition) =>
  condition.field === 'channel' && condition.value === channelId;

/**
 * What else must change when a channel is deleted, so no saved configuration points at it: a role
 * that still listed the dead channel could no longer be saved, and its editor could not show it to
 * untick. Each change keeps what the configuration did for the channels that remain:
 * - roles, rich messages: the channel is taken off;
 * - canned responses: taken off; one that served only this channel is deleted;
 * - custom components: taken off; one that served only this channel is deleted (an empty list
 *   would mean "every channel");
 * - routing-script rules that require this channel can never hold again: removed;
 * - routing queues: taken off their included channels; a queue left without channels, or that
 *   requires this channel in a condition, can never apply again: deleted.
 * Every change has its own audit entry, committed with the deletion.
 */
export function channelReferenceOps(ctx: PlatformContext, actor: User, channel: Channel): WriteOp<PlatformSchema>[] {
  const id = channel.id;
  const why = `channel ${channel.name} was deleted`;
  const ops: WriteOp<PlatformSchema>[] = [];
  const changed = (resource: string, rowId: string, summary: string) =>
    ops.push(audited(ctx, actor, 'update', resource, rowId, `${summary} (${why})`));
  const deleted = (resource: string, rowId: string, summary: string) =>
    ops.push(audited(ctx, actor, 'delete', resource, rowId, `${summary} (${why})`));

  for (const role of ctx.store.all('roles')) {
    if (!(id in role.channels)) continue;
    const { [id]: _gone, ...channels } = role.channels;
    ops.push(put('roles', { ...role, channels }));
    changed('roles', role.id, `Took the channel off role ${role.name}`);
  }
  for (const rich of ctx.store.all('richMessages')) {
    if (!rich.channelIds.includes(id)) continue;
    ops.push(put('richMessages', { ...rich, channelIds: rich.channelIds.filter((c) => c !== id) }));
    changed('rich-messages', rich.id, `Took the channel off rich message ${rich.name}`);
  }
  for (const canned of ctx.store.all('cannedResponses')) {
    if (!canned.channelIds.includes(id)) continue;
    const channelIds = canned.channelIds.filter((c) => c !== id);
    if (channelIds.length === 0 && !canned.allChannels) {
      ops.push(remove('cannedResponses', canned.id));
      deleted('canned-responses', canned.id, `Deleted canned response ${canned.name}, used only on that channel`);
    } else {
      ops.push(put('cannedResponses', { ...canned, channelIds }));
      changed('canned-responses', canned.id, `Took the channel off canned response ${canned.name}`);
    }
  }
  for (const component of ctx.store.all('customComponents')) {
    if (!component.channelIds.includes(id)) continue;
    const channelIds = component.channelIds.filter((c) => c !== id);
    if (channelIds.length === 0) {
      ops.push(remove('customComponents', component.id));
      deleted(
        'custom-components',
        component.id,
        `Deleted custom component ${component.name}, used only on that channel`,
      );
    } else {
      ops.push(put('customComponents', { ...component, channelIds }));
      changed('custom-components', component.id, `Took the channel off custom component ${component.name}`);
    }
  }
  for (const script of ctx.store.all('routingScripts')) {
    const rules = script.rules.filter((rule) => !rule.when.some(mentions(id)));
    if (rules.length === script.rules.length) continue;
    ops.push(put('routingScripts', { ...script, rules }));
    changed(
      'routing-scripts',
      script.id,
      `Removed ${script.rules.length - rules.length} rule(s) that required the channel from routing script ${script.name}`,
    );
  }
  for (const queue of ctx.store.all('routingQueues')) {
    const includedChannels = queue.includedChannels.filter((c) => c !== id);
    const required = queue.conditions.some(mentions(id));
    if (includedChannels.length === queue.includedChannels.length && !required) continue;
    if (includedChannels.length === 0 || required) {
      ops.push(remove('routingQueues', queue.id));
      deleted(
        'routing-queues',
        queue.id,
        `Deleted routing queue ${queue.name}, which could only apply to that channel`,
      );
    } else {
      ops.push(put('routingQueues', { ...queue, includedChannels }));
      changed('routing-queues', queue.id, `Took the channel off routing queue ${queue.name}`);
    }
  }
  return ops;
}
