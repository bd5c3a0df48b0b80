import { createRoute, z } from '@hono/zod-openapi';
import { TEMPLATE_LANGUAGES } from '../../../shared/whatsapp/template-languages.ts';
import { createTemplateRequestSchema } from '../../../shared/whatsapp/template-schema.ts';
import { rejectionReasonSchema, reviewDecisionSchema } from '../../../shared/whatsapp/template-status.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { WebAssets } from '../http/web-assets.ts';
import { servePage } from '../http/web-page.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, simOutboxSchema, simPhoneNumberSchema, simTemplateSchema } from './records.ts';
import type { Simulator } from './simulator.ts';
import { addTestNumber } from './test-numbers.ts';
import { numberQualityWebhook } from './webhook-payloads.ts';

const idParam = z.object({ id: z.string().min(1).max(64) });
const TIERS = ['TIER_250', 'TIER_1K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED'] as const;

/**
 * The simulator's "WhatsApp" side that Meta runs: the template reviewer (TP-1) and the quality
 * ratings of templates and numbers (CH-8). Each change reaches the platform as Meta's webhook.
 */
export function businessManagerRoutes(simulator: Simulator, clock: { now(): number }, web: WebAssets) {
  const app = router();
  const tags = ['WhatsApp reviewer (simulator)'];
  const languages = Object.entries(TEMPLATE_LANGUAGES).map(([code, name]) => ({ code, name }));
  const template = (id: string) => {
    const found = simulator.store.get('templates', id);
    if (!found) throw new ApiError(404, 'not_found', `Template ${id} was not found`);
    return found;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/templates',
      tags,
      summary: 'Every template of every account, with status and quality',
      responses: { 200: jsonContent(z.array(simTemplateSchema), 'Templates') },
    }),
    (c) =>
      c.json(
        simulator.store.all('templates').sort((a, b) => a.name.localeCompare(b.name)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/template-languages',
      tags,
      summary: 'The language codes WhatsApp accepts for templates, with their names (Meta’s list)',
      responses: { 200: jsonContent(z.array(z.object({ code: z.string(), name: z.string() })), 'Languages') },
    }),
    (c) => c.json(languages, 200),
  );

  // The page (`web/whatsapp-manager/`), with Meta's template languages as its data: English, or
  // Spanish to a Spanish browser.
  app.get('/business', (c) =>
    servePage(c, web, { entry: 'whatsapp-manager', title: 'WhatsApp Manager (simulated)', data: { languages } }),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/templates',
      tags,
      summary: 'Create a template from WhatsApp Manager (the same rules as the Graph API; PENDING until reviewed)',
      request: { body: jsonBody(z.object({ wabaId: z.string().min(1), template: createTemplateRequestSchema })) },
      responses: { 201: jsonContent(simTemplateSchema, 'Created'), 400: errorResponses[400] },
    }),
    async (c) => {
      const { wabaId, template } = c.req.valid('json');
      try {
        return c.json(await simulator.templates.create(wabaId, template), 201);
      } catch (error) {
        if (error instanceof MetaError) {
          throw new ApiError(400, 'validation_failed', error.details ?? error.message, [
            { path: 'template.name', message: error.details ?? error.message },
          ]);
        }
        throw error;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/templates/{id}/review',
      tags,
      summary:
        'Approve, reject (with Meta’s reason), pause or disable a template, along Meta’s transitions only: PENDING → APPROVED or REJECTED, APPROVED → PAUSED or DISABLED, PAUSED → APPROVED or DISABLED (status webhook to the platform)',
      request: {
        params: idParam,
        body: jsonBody(
          z.object({
            decision: reviewDecisionSchema,
            /** Required for REJECTED: Meta's `rejected_reason`. */
            reason: rejectionReasonSchema.optional(),
          }),
        ),
      },
      responses: {
        200: jsonContent(simTemplateSchema, 'Reviewed'),
        400: errorResponses[400],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      template(id);
      const { decision, reason } = c.req.valid('json');
      return c.json(await simulator.templates.review(id, decision, reason), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/templates/{id}/quality',
      tags,
      summary: 'Set a template’s quality score (RED pauses it)',
      request: { params: idParam, body: jsonBody(z.object({ score: z.enum(['GREEN', 'YELLOW', 'RED']) })) },
      responses: { 200: jsonContent(simTemplateSchema, 'Rated'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      template(id);
      return c.json(await simulator.templates.rate(id, c.req.valid('json').score), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/numbers/{id}',
      tags,
      summary: 'A business number with its status, quality rating and messaging limit tier',
      request: { params: idParam },
      responses: { 200: jsonContent(simPhoneNumberSchema.omit({ pinHash: true }), 'Number'), 404: errorResponses[404] },
    }),
    async (c) => {
      await simulator.approveDue();
      const phone = simulator.store.get('phoneNumbers', c.req.valid('param').id);
      if (!phone) throw new ApiError(404, 'not_found', `Number ${c.req.valid('param').id} was not found`);
      const { pinHash: _pin, ...view } = phone;
      return c.json(view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/numbers/{id}/quality',
      tags,
      summary: 'Set a number’s quality rating and messaging limit tier; FLAGGED lowers its limit (CH-8)',
      request: {
        params: idParam,
        body: jsonBody(
          z.object({
            rating: z.enum(['GREEN', 'YELLOW', 'RED']),
            flagged: z.boolean().default(false),
            tier: z.enum(TIERS).optional(),
          }),
        ),
      },
      responses: {
        200: jsonContent(simPhoneNumberSchema, 'Rated'),
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const phone = simulator.store.get('phoneNumbers', c.req.valid('param').id);
      if (!phone) throw new ApiError(404, 'not_found', `Number ${c.req.valid('param').id} was not found`);
      const { rating, flagged, tier } = c.req.valid('json');
      const index = TIERS.indexOf(tier ?? phone.messagingLimitTier);
      // A flagged number drops one tier (never below the first).
      const newTier = flagged ? (TIERS[Math.max(0, index - 1)] ?? 'TIER_250') : (tier ?? phone.messagingLimitTier);
      const rated = {
        ...phone,
        qualityRating: rating,
        status: flagged ? ('FLAGGED' as const) : phone.status === 'FLAGGED' ? ('CONNECTED' as const) : phone.status,
        messagingLimitTier: newTier,
      };
      await simulator.store.commit([put('phoneNumbers', rated)]);
      const event = flagged
        ? 'FLAGGED'
        : phone.status === 'FLAGGED'
          ? 'UNFLAGGED'
          : index < TIERS.indexOf(newTier)
            ? 'UPGRADE'
            : newTier === phone.messagingLimitTier
              ? 'ONBOARDING'
              : 'DOWNGRADE';
      simulator.notify(numberQualityWebhook(rated, event, clock.now()));
      return c.json(rated, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/numbers/{id}/display-name',
      tags,
      summary:
        'Approve or decline a number’s pending display name change (new_display_name); phone_number_name_update webhook',
      request: {
        params: idParam,
        body: jsonBody(
          z.object({ decision: z.enum(['APPROVED', 'DECLINED']), reason: z.string().max(200).optional() }),
        ),
      },
      responses: {
        200: jsonContent(simPhoneNumberSchema.omit({ pinHash: true }), 'Reviewed'),
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!simulator.store.get('phoneNumbers', id)) throw new ApiError(404, 'not_found', `Number ${id} was not found`);
      const { decision, reason } = c.req.valid('json');
      try {
        const { pinHash: _pin, ...view } = await simulator.displayNames.review(id, decision, reason);
        return c.json(view, 200);
      } catch (error) {
        if (error instanceof MetaError) throw invalidField('decision', error.details ?? error.message);
        throw error;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/test-numbers',
      tags,
      summary:
        'Add one of Meta’s developer test numbers (+1 555 …) to an account: registered and connected at once, no code',
      request: { body: jsonBody(z.object({ wabaId: z.string().min(1, 'choose a WhatsApp Business account') })) },
      responses: {
        201: jsonContent(simPhoneNumberSchema.omit({ pinHash: true }), 'The test number'),
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const { wabaId } = c.req.valid('json');
      if (!simulator.store.get('wabas', wabaId))
        throw invalidField('wabaId', `${wabaId} is not a WhatsApp Business account`);
      const { pinHash: _pin, ...view } = await addTestNumber(simulator, wabaId);
      return c.json(view, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/outbox',
      tags,
      summary: 'Verification codes the simulated phone network delivered (SMS and voice calls), newest first',
      request: { query: z.object({ phoneNumberId: z.string().optional() }) },
      responses: { 200: jsonContent(z.array(simOutboxSchema), 'Delivered codes') },
    }),
    (c) => {
      const { phoneNumberId } = c.req.valid('query');
      return c.json(
        simulator.store
          .all('outbox')
          .filter((entry) => !phoneNumberId || entry.phoneNumberId === phoneNumberId)
          .reverse()
          .sort((a, b) => b.sentAt - a.sentAt),
        200,
      );
    },
  );

  return app;
}
