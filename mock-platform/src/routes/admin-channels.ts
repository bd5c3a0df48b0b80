import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { newId } from '../../../shared/ids.ts';
import { fromCloudApiNumber } from '../../../shared/phone.ts';
import { businessHoursSchema } from '../../../shared/sla/business-hours.ts';
import type { AuthEnv } from '../auth/require-user.ts';
import { ApiError, type Issue, invalidRequest, notFound } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from '../http/openapi.ts';
import { audited, changesBetween } from '../platform/audit.ts';
import { channelReferenceOps } from '../platform/channel-references.ts';
import type { PlatformContext } from '../platform/context.ts';
import { deleteChannelOps } from '../platform/deletions.ts';
import { mutate } from '../platform/mutation.ts';
import { type Channel, channelSchema, put, slaPolicySchema } from '../platform/records.ts';
import { everyAccountsTemplates } from '../platform/templates.ts';
import { GraphApiError } from '../whatsapp/graph-client.ts';
import { checkVersion, expectedVersion, versionOf } from './versions.ts';

/**
 * Digital touchpoints → WhatsApp (CH-4, CH-5, RT-2, SL-1): the account's numbers as WhatsApp
 * Manager lists them, "My channels" with the template-settings URL under the list, channel
 * creation from a verified number, each channel's defaults and SLA, deletion (AG-4).
 */

const channelView = channelSchema.omit({ deletedAt: true }).extend({ version: z.number().int() });
const myChannelsSchema = z.object({
  channels: z.array(channelView),
  /** Paste it into a custom component with `%s` appended (TP-5). */
  templateSettingsUrl: z.string(),
});
const numberViewSchema = z.object({
  phoneNumberId: z.string(),
  phoneNumber: z.string(),
  verifiedName: z.string(),
  status: z.string(),
  qualityRating: z.string(),
  messagingLimitTier: z.string().optional(),
  /** The channel already using the number, if any. */
  channelId: z.string().optional(),
});

const connectAccountSchema = z.object({
  wabaId: z
    .string()
    .trim()
    .regex(/^\d{1,30}$/, 'a WhatsApp Business account id is digits'),
});
const accountViewSchema = z.object({ id: z.string(), name: z.string(), wabaId: z.string() });

const defaultsShape = {
  name: z.string().trim().min(1, 'is required').max(120),
  defaultSkillId: z.string().min(1, 'choose a default skill'),
  /** script: the channel's routing script sets skill and priority; queues: the routing queues that include it. */
  routingMode: z.enum(['script', 'queues']).default('script'),
  /** Required when routing by script. */
  defaultScriptId: z.string().optional(),
};
/**
 * A channel routing by script names its script. Checked even when other fields are wrong (`when`),
 * so a form left empty hears about every missing field at once.
 */
const SCRIPT_REQUIRED = 'choose a default routing script, or route by routing queues';
const scriptChosen = {
  check: (body: { routingMode?: unknown; defaultScriptId?: unknown }) =>
    body.routingMode === 'queues' || (typeof body.defaultScriptId === 'string' && body.defaultScriptId !== ''),
  params: {
    path: ['defaultScriptId'],
    message: SCRIPT_REQUIRED,
    when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
  },
};
const createChannelSchema = z
  .object({
    phoneNumberId: z.string().min(1, 'choose a verified number'),
    ...defaultsShape,
  })
  .refine(scriptChosen.check, scriptChosen.params);
export const updateChannelSchema = z
  .object({
    ...defaultsShape,
    /** null: follow the global SLA (SL-1). */
    sla: slaPolicySchema.nullable().default(null),
    /** null: the tenant's business hours. */
    businessHours: businessHoursSchema.nullable().default(null),
    surveyTemplate: z
      .object({ name: z.string().min(1), language: z.string().min(2) })
      .nullable()
      .default(null),
  })
  .refine(scriptChosen.check, scriptChosen.params);

type Defaults = z.infer<z.ZodObject<typeof defaultsShape>>;

const idParam = z.object({ id: z.string().min(1).max(200) });
const base = { tags: ['Administration'], security: bearerSecurity };

export function channelRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext): void {
  /** Every account the administrator connected (the demo's, and each one the signup created). */
  const accounts = () => {
    const all = ctx.store.all('accounts');
    if (all.length === 0) throw new ApiError(409, 'no_account', 'Connect a WhatsApp Business account first');
    return all;
  };
  const live = () => ctx.store.all('channels').filter((channel) => channel.deletedAt === undefined);
  const liveChannel = (id: string) => {
    const channel = ctx.store.get('channels', id);
    if (!channel || channel.deletedAt !== undefined) throw notFound(`Channel ${id}`);
    return channel;
  };
  const defaultsIssues = (body: Defaults): Issue[] => {
    const issues: Issue[] = ctx.store.get('skills', body.defaultSkillId)
      ? []
      : [{ path: 'defaultSkillId', message: `${body.defaultSkillId} is not a skill` }];
    if (body.defaultScriptId && !ctx.store.get('routingScripts', body.defaultScriptId))
      issues.push({ path: 'defaultScriptId', message: `${body.defaultScriptId} is not a routing script` });
    return issues;
  };
  /** The routing fields as stored: a channel routing by queues may keep a script for later. */
  const routing = ({ routingMode, defaultScriptId, ...rest }: Defaults) => ({
    ...rest,
    routingMode,
    ...(defaultScriptId ? { defaultScriptId } : {}),
  });
  const refuse = (issues: Issue[]) => {
    if (issues.length > 0) throw invalidRequest(issues);
  };
  const view = ({ deletedAt: _deleted, ...channel }: Channel) => ({
    ...channel,
    version: versionOf(ctx, 'channels', channel.id),
  });

  /** Channels whose number WhatsApp was still approving become approved once it is CONNECTED. */
  async function approvePendingChannels(): Promise<void> {
    if (!live().some((channel) => channel.status === 'pending')) return;
    const connected = new Set(
      (await accountNumbers().catch(() => [])).filter((n) => n.status === 'CONNECTED').map((n) => n.id),
    );
    await mutate(ctx, async (ctx) => {
      const approved = live().filter((channel) => channel.status === 'pending' && connected.has(channel.phoneNumberId));
      if (approved.length > 0)
        await ctx.store.commit(approved.map((channel) => put('channels', { ...channel, status: 'approved' })));
    });
  }

  /** The numbers of every connected account, each with the account it belongs to. */
  async function accountNumbers() {
    try {
      const lists = await Promise.all(
        accounts().map(async (owner) =>
          (await ctx.graph.listPhoneNumbers(owner.wabaId)).map((number) => ({ ...number, owner })),
        ),
      );
      return lists.flat();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(502, 'whatsapp_unreachable', 'The WhatsApp account’s numbers could not be loaded');
    }
  }

  /**
   * Against Meta's Cloud API a new account's webhooks reach nobody until the app subscribes to it
   * (`POST /{waba-id}/subscribed_apps`); the embedded simulator subscribes its accounts itself.
   * A refusal stops the channel's creation with WhatsApp's words, on the number's field.
   */
  async function subscribeApp(wabaId: string): Promise<void> {
    try {
      await ctx.graph.subscribeApp(wabaId);
    } catch (error) {
      const refused = error instanceof GraphApiError && error.httpStatus < 500;
      const message = refused
        ? `WhatsApp refused to send this platform the account’s messages (subscribed_apps): ${error.message}`
        : 'WhatsApp could not be reached to send this platform the account’s messages (subscribed_apps): try again';
      throw new ApiError(502, 'whatsapp_subscription_failed', message, [{ path: 'phoneNumberId', message }]);
    }
  }

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/whatsapp-accounts',
      summary:
        'Connect a WhatsApp Business account (its id from the signup): its numbers join WhatsApp Manager’s list and can become channels (CH-5)',
      request: { body: jsonBody(connectAccountSchema) },
      responses: {
        200: jsonContent(accountViewSchema, 'Already connected'),
        201: jsonContent(accountViewSchema, 'Connected'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        502: errorResponses[502],
      },
    }),
    async (c) => {
      const { wabaId } = c.req.valid('json');
      const known = ctx.store.all('accounts').find((a) => a.wabaId === wabaId);
      if (known) return c.json(known, 200);
      let found: { id: string; name: string };
      try {
        found = await ctx.graph.getAccount(wabaId);
      } catch (error) {
        if (error instanceof GraphApiError && error.httpStatus < 500)
          throw invalidRequest([
            { path: 'wabaId', message: `WhatsApp does not let this platform read the account: ${error.message}` },
          ]);
        const message = 'WhatsApp could not be reached to check the account: try again';
        throw new ApiError(502, 'whatsapp_unreachable', message, [{ path: 'wabaId', message }]);
      }
      const connected = await mutate(ctx, async (ctx) => {
        const again = ctx.store.all('accounts').find((a) => a.wabaId === wabaId);
        if (again) return { account: again, created: false };
        const account = { id: newId('acc'), name: found.name, wabaId };
        await ctx.store.commit([
          put('accounts', account),
          audited(
            ctx,
            c.get('user'),
            'create',
            'accounts',
            account.id,
            `Connected WhatsApp Business account ${account.name} (${wabaId})`,
          ),
        ]);
        return { account, created: true };
      });
      return connected.created ? c.json(connected.account, 201) : c.json(connected.account, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/channels',
      summary: 'My channels, and the template-settings URL to paste into a custom component',
      responses: { 200: jsonContent(myChannelsSchema, 'Channels'), 401: errorResponses[401], 403: errorResponses[403] },
    }),
    async (c) => {
      await approvePendingChannels();
      return c.json(
        {
          channels: live()
            .sort((a, b) => a.name.localeCompare(b.name))
            .map(view),
          templateSettingsUrl: `${new URL(c.req.url).origin}/components/templates/`,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/whatsapp-numbers',
      summary: 'The WhatsApp Business account’s numbers (status, quality, limit tier) and the channel using each',
      responses: {
        200: jsonContent(z.array(numberViewSchema), 'Numbers'),
        401: errorResponses[401],
        403: errorResponses[403],
        502: errorResponses[502],
      },
    }),
    async (c) => {
      const byNumberId = new Map(live().map((channel) => [channel.phoneNumberId, channel.id]));
      const numbers = (await accountNumbers()).map((number) => {
        const channelId = byNumberId.get(number.id);
        return {
          phoneNumberId: number.id,
          phoneNumber: fromCloudApiNumber(number.display_phone_number) ?? number.display_phone_number,
          verifiedName: number.verified_name,
          status: number.status ?? 'CONNECTED',
          qualityRating: number.quality_rating,
          ...(number.messaging_limit_tier ? { messagingLimitTier: number.messaging_limit_tier } : {}),
          ...(channelId ? { channelId } : {}),
        };
      });
      return c.json(numbers, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/templates',
      summary:
        'The message templates of every connected WhatsApp Business account, as WhatsApp reports them (TP-1, TP-2), each with its account and the reason and time of the last status webhook (message_template_status_update) the platform stored',
      responses: {
        200: jsonContent(
          z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              language: z.string(),
              status: z.string(),
              category: z.string(),
              /** The connected WhatsApp Business account the template belongs to. */
              account: z.object({ id: z.string(), name: z.string(), wabaId: z.string() }),
              /** WhatsApp's reason for the last status change (a rejection's, e.g. INVALID_FORMAT), from its webhook. */
              reason: z.string().optional(),
              /** When the platform received the last `message_template_status_update` about it. */
              statusChangedAt: z.number().optional(),
            }),
          ),
          'Templates',
        ),
        401: errorResponses[401],
        403: errorResponses[403],
        502: errorResponses[502],
      },
    }),
    async (c) => {
      accounts();
      const templates = await everyAccountsTemplates(ctx);
      return c.json(
        templates.map(({ id, name, language, status, category, account }) => {
          const update = ctx.store.get('templateStatuses', id);
          return {
            id,
            name,
            language,
            status,
            category,
            account,
            // The reason belongs to the status it came with: an edit since (PENDING again) has none.
            ...(update && update.event === status && update.reason !== 'NONE' ? { reason: update.reason } : {}),
            ...(update ? { statusChangedAt: update.at } : {}),
          };
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/channels',
      summary: 'Create a channel from a verified number of the account (pending until WhatsApp approves it)',
      request: { body: jsonBody(createChannelSchema) },
      responses: {
        201: jsonContent(channelView, 'Created'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        502: errorResponses[502],
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { phoneNumberId: _number, ...defaults } = body;
      const numbers = await accountNumbers();
      const chosen = numbers.find((n) => n.id === body.phoneNumberId);
      if (ctx.subscribesApps && chosen) {
        // Checked before Meta is asked, so a form with a wrong field hears about it first.
        refuse(defaultsIssues(body));
        await subscribeApp(chosen.owner.wabaId);
      }
      const channel = await mutate(ctx, async (ctx) => {
        const number = numbers.find((n) => n.id === body.phoneNumberId);
        const issues = defaultsIssues(body);
        if (!number) issues.push({ path: 'phoneNumberId', message: 'is not a number of this WhatsApp account' });
        else if (number.code_verification_status && number.code_verification_status !== 'VERIFIED')
          issues.push({
            path: 'phoneNumberId',
            message: 'the number is not verified yet: finish its verification first',
          });
        const used = live().find((channel) => channel.phoneNumberId === body.phoneNumberId);
        if (used) issues.push({ path: 'phoneNumberId', message: `is already the channel ${used.name}` });
        refuse(issues);
        // As WhatsApp reports it, not re-validated: Meta's +1 555 test numbers are channels too.
        const e164 = fromCloudApiNumber(number?.display_phone_number ?? '');
        if (!number || !e164) throw new ApiError(502, 'whatsapp_invalid', 'WhatsApp returned an invalid number');
        const channel: Channel = {
          id: newId('ch'),
          accountId: number.owner.id,
          phoneNumberId: number.id,
          phoneNumber: e164,
          status: number.status === 'CONNECTED' ? 'approved' : 'pending',
          ...routing(defaults),
        };
        await ctx.store.commit([
          put('channels', channel),
          audited(
            ctx,
            c.get('user'),
            'create',
            'channels',
            channel.id,
            `Created channel ${channel.name} (${channel.phoneNumber})`,
          ),
        ]);
        return channel;
      });
      return c.json(view(channel), 201);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'put',
      path: '/channels/{id}',
      summary:
        'Change a channel: name, default skill, routing by script or by queues (RT-2 … RT-4), its SLA or "follow global" (SL-1)',
      request: { params: idParam, body: jsonBody(updateChannelSchema) },
      responses: {
        200: jsonContent(channelView, 'Saved'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
        412: errorResponses[409],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { sla, businessHours, surveyTemplate, ...defaults } = c.req.valid('json');
      const expected = await expectedVersion(c);
      const saved = await mutate(ctx, async (ctx) => {
        const channel = liveChannel(id);
        checkVersion(ctx, 'channels', id, `Channel ${channel.name}`, expected);
        refuse(defaultsIssues(defaults));
        const {
          sla: _sla,
          businessHours: _hours,
          surveyTemplate: _survey,
          routingMode: _mode,
          defaultScriptId: _script,
          ...rest
        } = channel;
        const saved: Channel = {
          ...rest,
          ...routing(defaults),
          ...(sla ? { sla } : {}),
          ...(businessHours ? { businessHours } : {}),
          ...(surveyTemplate ? { surveyTemplate } : {}),
        };
        const slaText = sla ? `its own SLA` : 'the global SLA';
        await ctx.store.commit([
          put('channels', saved),
          audited(
            ctx,
            c.get('user'),
            'update',
            'channels',
            id,
            `Changed channel ${saved.name}: follows ${slaText}`,
            changesBetween(channel, saved),
          ),
        ]);
        return saved;
      });
      return c.json(view(saved), 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'delete',
      path: '/channels/{id}',
      summary: 'Delete a WhatsApp channel: its conversations are interrupted (agents can only end them)',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.object({ ok: z.literal(true) }), 'Deleted'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        412: errorResponses[409],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const expected = await expectedVersion(c);
      await mutate(ctx, async (ctx) => {
        const channel = liveChannel(id);
        checkVersion(ctx, 'channels', id, `Channel ${channel.name}`, expected);
        const { ops, after } = deleteChannelOps(ctx, channel);
        await ctx.store.commit([
          ...ops,
          ...channelReferenceOps(ctx, c.get('user'), channel),
          audited(
            ctx,
            c.get('user'),
            'delete',
            'channels',
            id,
            `Deleted channel ${channel.name} (${channel.phoneNumber})`,
          ),
        ]);
        after();
        void ctx.routing.request();
      });
      return c.json({ ok: true as const }, 200);
    },
  );
}
