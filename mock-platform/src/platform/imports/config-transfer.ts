import { z } from 'zod';
import { versionOf } from '../../routes/versions.ts';
import { audited } from '../audit.ts';
import type { PlatformContext } from '../context.ts';
import { announceMaskingChange } from '../masking-changed.ts';
import { mutate } from '../mutation.ts';
import type { User } from '../records.ts';
import { currentSettings } from '../settings-view.ts';
import { everyAccountsTemplates } from '../templates.ts';
import { CONFIG_SECTIONS, type ConfigSection, sectionResource } from './config-sections.ts';
import { announceImport, counted, refusedRows, staleImport } from './import-outcome.ts';
import { type ImportItem, type ImportPlan, planImport } from './plan-import.ts';
import { StagedStore } from './staged-store.ts';

const LIST_SECTIONS = Object.keys(CONFIG_SECTIONS).filter((section) => section !== 'settings') as Exclude<
  ConfigSection,
  'settings'
>[];

const rowSchema = z.looseObject({
  id: z.string().regex(/^[\w-]{1,200}$/, 'must be 1–200 letters, digits, _ or -'),
  /** The row's version when it was exported: a row changed since refuses the import. Absent: not checked. */
  version: z.number().int().min(0).optional(),
});

const rowsSchema = z.array(rowSchema).max(2000).optional();

/** A configuration file as `GET /api/admin/configuration` writes it; each row is checked by its resource on import. */
export const configurationSchema = z
  .object({
    format: z.literal('loro-configuration', 'must be loro-configuration: export the file from Loro'),
    formatVersion: z.literal(1, 'must be 1'),
    exportedAt: z.string().optional(),
    settings: z.looseObject({ version: z.number().int().min(0).optional() }).optional(),
    closureReasons: rowsSchema,
    unavailableReasons: rowsSchema,
    skills: rowsSchema,
    routingScripts: rowsSchema,
    channels: rowsSchema,
    routingQueues: rowsSchema,
    roles: rowsSchema,
    customComponents: rowsSchema,
    richMessages: rowsSchema,
    cannedResponses: rowsSchema,
    /** WhatsApp's templates, for reference: created in WhatsApp Manager and reviewed by Meta, never imported. */
    templates: z
      .array(z.looseObject({ name: z.string(), language: z.string(), wabaId: z.string().optional() }))
      .optional(),
  })
  .strict();
export type Configuration = z.infer<typeof configurationSchema>;

/**
 * The whole configuration as one JSON document: settings, channels, skills, routing scripts and
 * queues, roles, custom components, rich messages, canned responses, closure and unavailable
 * reasons, each row with its version; WhatsApp's templates for reference. No users, no secrets:
 * nothing of the configuration holds a password, token or app secret.
 */
export async function exportConfiguration(ctx: PlatformContext): Promise<Record<string, unknown>> {
  const sections = Object.fromEntries(
    LIST_SECTIONS.map((section) => {
      const resource = sectionResource(section, ctx);
      const all = ctx.store
        .all(resource.collection)
        .filter((row) => !('deletedAt' in row && row.deletedAt !== undefined));
      const rows = resource.list ? resource.list(all) : all;
      return [
        section,
        rows.map((row) => {
          const { deletedAt: _deleted, ...shown } = (resource.toView ? resource.toView(row) : row) as Record<
            string,
            unknown
          >;
          return { ...shown, version: versionOf(ctx, resource.path, row.id) };
        }),
      ];
    }),
  );
  const templates = await accountTemplates(ctx);
  return {
    format: 'loro-configuration',
    formatVersion: 1,
    exportedAt: new Date(ctx.clock.now()).toISOString(),
    settings: { ...currentSettings(ctx.store), version: versionOf(ctx, 'settings', 'tenant') },
    ...sections,
    ...(templates
      ? {
          templates: templates.map(({ name, language, category, status, account }) => ({
            name,
            language,
            category,
            status,
            wabaId: account.wabaId,
          })),
        }
      : {}),
  };
}

/** Every connected WhatsApp account's templates, or undefined when WhatsApp cannot be asked. */
function accountTemplates(ctx: PlatformContext) {
  return everyAccountsTemplates(ctx).catch(() => undefined);
}

export interface ConfigImportRequest {
  configuration: Configuration;
  dryRun: boolean;
  skipRefused: boolean;
}

/**
 * Imports a configuration file: every row is checked by its resource (schema, references, unique
 * names) against the configuration the file produces, its version against the platform's (a row
 * changed since the export refuses the file, 409, naming who changed what), then — unless it is a
 * dry run — created and changed rows are written in one commit with an audit entry each and one for
 * the import. Rows the platform has and the file does not are left alone.
 */
export async function importConfiguration(
  ctx: PlatformContext,
  actor: User,
  { configuration, dryRun, skipRefused }: ConfigImportRequest,
): Promise<{ plan: ImportPlan; notes: string[] }> {
  const notes = await templateNotes(ctx, configuration.templates);
  const plan = await mutate(ctx, async (ctx) => {
    const staged = new StagedStore(ctx.store);
    const stagedCtx = { ...ctx, store: staged };
    const items: ImportItem[] = [];
    if (configuration.settings) {
      const { version, ...body } = configuration.settings;
      items.push({ ref: 'settings', resource: sectionResource('settings', stagedCtx), id: 'tenant', body, version });
    }
    for (const section of LIST_SECTIONS) {
      const resource = sectionResource(section, stagedCtx);
      const rows = configuration[section] ?? [];
      rows.forEach(({ id, version, ...body }, index) => {
        items.push({ ref: `${section}.${index}`, resource, id, body, version });
      });
    }
    const maskingBefore = currentSettings(ctx.store).maskSensitiveData;
    const plan = planImport(ctx, staged, actor, items, { skipRefused });
    if (plan.conflicts.length > 0) throw staleImport(plan.conflicts);
    if (dryRun) return plan;
    if (!skipRefused && plan.items.some((item) => item.action === 'refused')) throw refusedRows(plan);
    if (plan.ops.length === 0) return plan;
    await ctx.store.commit([
      ...plan.ops,
      audited(ctx, actor, 'create', 'imports', 'import_configuration', `Imported the configuration: ${counted(plan)}`),
    ]);
    const masking = currentSettings(ctx.store).maskSensitiveData;
    if (masking !== maskingBefore) announceMaskingChange(ctx, masking);
    return plan;
  });
  if (!dryRun)
    await announceImport(
      ctx,
      plan,
      Object.keys(CONFIG_SECTIONS).map((s) => sectionResource(s as ConfigSection, ctx)),
    );
  return { plan, notes };
}

/** Templates of the file this WhatsApp account does not have: the import cannot create them. */
async function templateNotes(ctx: PlatformContext, templates: Configuration['templates']): Promise<string[]> {
  if (!templates || templates.length === 0) return [];
  const here = await accountTemplates(ctx);
  if (!here) return ['Templates were not compared: WhatsApp could not be reached'];
  // A template is found on the account the file names (its `wabaId`), or, in a file without one, on any.
  const known = new Set(
    here.flatMap(({ name, language, account }) => [`${name}/${language}`, `${name}/${language}/${account.wabaId}`]),
  );
  const keyOf = ({ name, language, wabaId }: { name: string; language: string; wabaId?: unknown }) =>
    typeof wabaId === 'string' ? `${name}/${language}/${wabaId}` : `${name}/${language}`;
  return templates
    .filter((template) => !known.has(keyOf(template)))
    .map(
      (template) =>
        `Template ${template.name} (${template.language}) is not on ${typeof template.wabaId === 'string' ? `WhatsApp account ${template.wabaId}` : 'any connected WhatsApp account'}: create it in WhatsApp Manager (Meta reviews it); imports never create templates`,
    );
}
