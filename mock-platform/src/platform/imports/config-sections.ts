import type { z } from 'zod';
import { cannedResponseResource } from '../../routes/admin-canned-responses.ts';
import { updateChannelSchema } from '../../routes/admin-channels.ts';
import {
  closureReasonResource,
  customComponentResource,
  richMessageResource,
  roleResource,
  routingQueueResource,
  routingScriptResource,
  skillResource,
  unavailableReasonResource,
} from '../../routes/admin-resources.ts';
import type { PlatformContext } from '../context.ts';
import type { Issue } from '../domain-errors.ts';
import { type Channel, channelSchema, routingModeOf, type settingsSchema } from '../records.ts';
import { currentSettings, settingsViewSchema } from '../settings-view.ts';
import type { AnyResource } from './plan-import.ts';

/**
 * The sections of a configuration file, each the administrable resource its rows go to. Users are
 * not configuration here (they travel as CSV, without passwords); templates are WhatsApp's (created
 * in WhatsApp Manager and reviewed by Meta), so the file lists them for reference only.
 */
export const CONFIG_SECTIONS = {
  settings: (ctx: PlatformContext) => settingsResource(ctx),
  closureReasons: (ctx: PlatformContext) => closureReasonResource(ctx),
  unavailableReasons: (ctx: PlatformContext) => unavailableReasonResource(ctx),
  skills: (ctx: PlatformContext) => skillResource(ctx),
  routingScripts: (ctx: PlatformContext) => routingScriptResource(ctx),
  channels: (ctx: PlatformContext) => channelResource(ctx),
  routingQueues: (ctx: PlatformContext) => routingQueueResource(ctx),
  roles: (ctx: PlatformContext) => roleResource(ctx),
  customComponents: (ctx: PlatformContext) => customComponentResource(ctx),
  richMessages: (ctx: PlatformContext) => richMessageResource(ctx),
  cannedResponses: (ctx: PlatformContext) => cannedResponseResource(ctx),
} as const satisfies Record<string, (ctx: PlatformContext) => unknown>;
export type ConfigSection = keyof typeof CONFIG_SECTIONS;

/** The section's resource, typed loosely: the import only moves rows between its functions. */
export const sectionResource = (section: ConfigSection, ctx: PlatformContext) =>
  CONFIG_SECTIONS[section](ctx) as unknown as AnyResource;

type ChannelBody = z.infer<typeof updateChannelSchema>;

/**
 * Channels, as an import may change them: name, default skill, routing, SLA, business hours and
 * survey. A channel is created from a WhatsApp number of the account (the WhatsApp page), so a
 * channel the platform does not have is refused.
 */
function channelResource(ctx: PlatformContext) {
  return {
    collection: 'channels' as const,
    path: 'channels',
    label: 'Channel',
    idPrefix: 'ch',
    body: updateChannelSchema,
    view: channelSchema,
    toRow: (body: ChannelBody, id: string, existing: Channel | undefined): Channel => {
      const { sla, businessHours, surveyTemplate, defaultScriptId, ...defaults } = body;
      const {
        sla: _sla,
        businessHours: _hours,
        surveyTemplate: _survey,
        routingMode: _mode,
        defaultScriptId: _script,
        ...kept
      } = existing ?? {
        // Never written: `check` refuses it, and `deletedAt` keeps other rows from taking it for a channel meanwhile.
        id,
        accountId: '',
        phoneNumberId: '',
        phoneNumber: '+000000',
        status: 'pending' as const,
        deletedAt: 0,
      };
      return {
        ...kept,
        ...defaults,
        ...(defaultScriptId ? { defaultScriptId } : {}),
        ...(sla ? { sla } : {}),
        ...(businessHours ? { businessHours } : {}),
        ...(surveyTemplate ? { surveyTemplate } : {}),
      };
    },
    check: (channel: Channel) => {
      if (channel.deletedAt !== undefined)
        return [
          {
            path: 'id',
            message: `${channel.id} is not a channel: channels are created from a WhatsApp number on the WhatsApp page`,
          },
        ];
      const issues: Issue[] = [];
      if (!ctx.store.get('skills', channel.defaultSkillId))
        issues.push({ path: 'defaultSkillId', message: `${channel.defaultSkillId} is not a skill` });
      if (channel.defaultScriptId && !ctx.store.get('routingScripts', channel.defaultScriptId))
        issues.push({ path: 'defaultScriptId', message: `${channel.defaultScriptId} is not a routing script` });
      return issues;
    },
    describe: (channel: Channel) => `channel ${channel.name}`,
    // Channels saved before the choice existed route as they did: the file says how.
    toView: (channel: Channel) => ({ ...channel, routingMode: routingModeOf(channel) }),
    stored: (id: string) => {
      const channel = ctx.store.get('channels', id);
      return channel && { ...channel, routingMode: routingModeOf(channel) };
    },
    afterWrite: () => void ctx.routing.request(),
  };
}

type Settings = z.infer<typeof settingsSchema>;

/** The tenant settings: masking, the global SLA, business hours, the disconnect grace. One row, `tenant`. */
function settingsResource(ctx: PlatformContext) {
  return {
    collection: 'settings' as const,
    path: 'settings',
    label: 'Settings',
    idPrefix: 'settings',
    body: settingsViewSchema,
    view: settingsViewSchema,
    toRow: (body: z.infer<typeof settingsViewSchema>, _id: string, existing: Settings | undefined): Settings => ({
      ...existing,
      ...body,
      id: 'tenant',
    }),
    describe: () => 'settings',
    stored: (): Settings => ({ ...ctx.store.get('settings', 'tenant'), ...currentSettings(ctx.store), id: 'tenant' }),
  };
}
