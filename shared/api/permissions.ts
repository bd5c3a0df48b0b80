import { z } from 'zod';

/**
 * The digital-engagement permissions a role grants per channel (RP-1, RP-3). A role that does not
 * list a channel gives no access to it at all: its conversations are neither offered nor shown.
 */
export const channelPermissions = ['reply', 'templates', 'transfer', 'conference', 'end'] as const;
export const channelPermissionSchema = z.enum(channelPermissions);
export type ChannelPermission = z.infer<typeof channelPermissionSchema>;

/** What a new role, or a channel newly added to a role, starts with: everything an agent needs. */
export const defaultChannelPermissions: readonly ChannelPermission[] = channelPermissions;
