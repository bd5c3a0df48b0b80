import type { ChannelPermission } from '../../../shared/api/permissions.ts';
import type { Store } from '../store/store.ts';
import { DomainError } from './domain-errors.ts';
import type { Conversation, PlatformSchema, User } from './records.ts';

/**
 * Per-channel permissions from the agent's one role (RP-1 … RP-5), read from the store on every
 * call: a change to a role applies on the agent's next request.
 */
export function channelPermissionsOf(
  store: Store<PlatformSchema>,
  user: User,
  channelId: string,
): readonly ChannelPermission[] | undefined {
  if (user.role !== 'agent' || !user.roleId) return undefined;
  return store.get('roles', user.roleId)?.channels[channelId];
}

/** The agent's role includes the channel: its conversations may be offered to and shown to them. */
export function worksChannel(store: Store<PlatformSchema>, user: User, channelId: string): boolean {
  return channelPermissionsOf(store, user, channelId) !== undefined;
}

const names: Record<ChannelPermission, string> = {
  reply: 'Reply',
  templates: 'Send templates',
  transfer: 'Transfer',
  conference: 'Conference',
  end: 'End conversations',
};

/** Refuses (403, naming the permission and channel) unless the agent's role grants it. */
export function requirePermission(
  store: Store<PlatformSchema>,
  user: User,
  conversation: Pick<Conversation, 'channelId'>,
  permission: ChannelPermission,
): void {
  const granted = channelPermissionsOf(store, user, conversation.channelId);
  if (granted?.includes(permission)) return;
  const channel = store.get('channels', conversation.channelId)?.name ?? conversation.channelId;
  const role = user.roleId ? (store.get('roles', user.roleId)?.name ?? user.roleId) : undefined;
  throw new DomainError(
    'forbidden',
    'permission_denied',
    role
      ? `Your role ${role} does not have the ${names[permission]} permission on the channel ${channel}`
      : `You have no role: an administrator must give you one with the ${names[permission]} permission on ${channel}`,
  );
}
