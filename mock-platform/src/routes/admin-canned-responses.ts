import { cannedResponseBodySchema, cannedResponseSchema } from '../../../shared/api/canned-responses.ts';
import type { Issue } from '../http/errors.ts';
import type { PlatformContext } from '../platform/context.ts';
import type { Resource } from './admin-resource.ts';

/**
 * Canned responses (issue 16): texts with variables that agents insert from the composer with
 * `/shortcut`. A shortcut names one response per language; channels must exist.
 */
export function cannedResponseResource(
  ctx: PlatformContext,
): Resource<'cannedResponses', typeof cannedResponseBodySchema> {
  return {
    collection: 'cannedResponses',
    path: 'canned-responses',
    label: 'Canned response',
    idPrefix: 'canned',
    body: cannedResponseBodySchema,
    view: cannedResponseSchema,
    toRow: ({ version: _basedOn, ...body }, id) => ({
      id,
      ...body,
      // "All channels" needs no list; a list is kept once per channel.
      channelIds: body.allChannels ? [] : [...new Set(body.channelIds)],
    }),
    check: (row) => {
      const issues: Issue[] = row.channelIds.flatMap((channelId, index) => {
        const channel = ctx.store.get('channels', channelId);
        return channel && channel.deletedAt === undefined
          ? []
          : [{ path: `channelIds.${index}`, message: `${channelId} is not a channel` }];
      });
      const twin = ctx.store
        .all('cannedResponses')
        .find((other) => other.id !== row.id && other.shortcut === row.shortcut && other.language === row.language);
      if (twin)
        issues.push({
          path: 'shortcut',
          message: `/${row.shortcut} is already the shortcut of ${twin.name} in this language`,
        });
      return issues;
    },
    describe: (row) =>
      `canned response ${row.name} (/${row.shortcut}, ${row.language}, ${row.allChannels ? 'all channels' : `${row.channelIds.length} channels`})`,
    list: (rows) => rows.sort((a, b) => a.shortcut.localeCompare(b.shortcut) || a.language.localeCompare(b.language)),
  };
}
