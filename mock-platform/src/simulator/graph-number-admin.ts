import type { Hono } from 'hono';
import { z } from 'zod';
import { newDisplayNameSchema, usernameSchema } from './display-name.ts';
import { readJson, toMetaError } from './graph-helpers.ts';
import { MetaError } from './meta-error.ts';
import { numberSettingsRequestSchema, numberSettingsView, updateNumberSettings } from './number-settings.ts';
import { putSim } from './records.ts';
import type { Simulator } from './simulator.ts';

const pin = z.string().regex(/^\d{6}$/, 'PIN must be exactly 6 digits');

const callbackUri = z.url({ protocol: /^https?$/ });

/**
 * `POST /{phone-number-id}` as Meta's OpenAPI describes it (`PhoneNumberStatusUpdateRequest`): any
 * of its parts, combined in one request.
 */
const numberUpdateSchema = z.looseObject({
  pin: pin.optional(),
  whatsapp_business_api_data: z
    .strictObject({
      pin: pin.optional(),
      show_security_notifications: z.boolean().optional(),
      notify_user_change_number: z.boolean().optional(),
    })
    .optional(),
  webhook_configuration: z
    .strictObject({
      // "" removes the number's override.
      override_callback_uri: z.union([callbackUri, z.literal('')]),
      verify_token: z.string().optional(),
    })
    .optional(),
  /** The number's callback URL: the same override as `webhook_configuration`, which wins when both are given. */
  webhook_url: callbackUri.optional(),
  new_display_name: newDisplayNameSchema.optional(),
  username: usernameSchema.optional(),
  search_visibility: z.enum(['VISIBLE', 'HIDDEN']).optional(),
  connection_status: z
    .enum([
      'CONNECTED',
      'DISCONNECTED',
      'PENDING',
      'FLAGGED',
      'RESTRICTED',
      'RATE_LIMITED',
      'MESSAGING_LIMIT_TIER_0',
      'MESSAGING_LIMIT_TIER_1',
      'MESSAGING_LIMIT_TIER_2',
      'MESSAGING_LIMIT_TIER_3',
      'MESSAGING_LIMIT_TIER_4',
    ])
    .optional(),
});
const UPDATABLE = [
  'pin',
  'whatsapp_business_api_data',
  'webhook_configuration',
  'webhook_url',
  'new_display_name',
  'username',
  'search_visibility',
  'connection_status',
];

const subscribeSchema = z.strictObject({
  override_callback_uri: z.url({ protocol: /^https?$/ }).optional(),
  verify_token: z.string().optional(),
});

/** The JSON body checked against `schema`; with `optional`, no body at all counts as `{}`. */
async function parse<T>(schema: z.ZodType<T>, request: Request, optional = false): Promise<T> {
  const body =
    optional && request.headers.get('content-length') === null && !request.body ? {} : await readJson(request);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw toMetaError(parsed.error);
  return parsed.data;
}

/**
 * A number's configuration and its account's webhook subscription on the Cloud API:
 * `GET|POST /{phone-number-id}/settings`, `POST /{phone-number-id}` (two-step PIN, webhook
 * override), `POST /{phone-number-id}/deregister`, `GET|POST|DELETE /{waba-id}/subscribed_apps`.
 */
export function numberAdminRoutes(app: Hono, simulator: Simulator, prefixes: readonly string[]): void {
  const account = (wabaId: string, method: string) => {
    if (!simulator.store.get('wabas', wabaId)) throw MetaError.unsupported(method, wabaId);
    return wabaId;
  };
  for (const prefix of prefixes) {
    app.get(`${prefix}/:phoneNumberId/settings`, (c) => {
      const phone = simulator.phoneNumber(c.req.param('phoneNumberId'));
      return c.json(numberSettingsView(simulator.store.get('numberSettings', phone.id)), 200);
    });

    app.post(`${prefix}/:phoneNumberId/settings`, async (c) => {
      const phone = simulator.phoneNumber(c.req.param('phoneNumberId'));
      await updateNumberSettings(simulator.store, phone.id, await parse(numberSettingsRequestSchema, c.req.raw));
      return c.json({ success: true }, 200);
    });

    app.post(`${prefix}/:phoneNumberId/deregister`, async (c) => {
      await simulator.registration.deregister(simulator.phoneNumber(c.req.param('phoneNumberId')));
      return c.json({ success: true }, 200);
    });

    // Shares its path with the template edit (`POST /{template-id}`): other ids go on to it.
    app.post(`${prefix}/:id`, async (c, next) => {
      const phone = simulator.store.get('phoneNumbers', c.req.param('id'));
      if (!phone) return next();
      const update = await parse(numberUpdateSchema, c.req.raw);
      if (!UPDATABLE.some((field) => field in update)) {
        throw new MetaError(400, 100, `Invalid parameter: give at least one of ${UPDATABLE.join(', ')}`);
      }
      // WhatsApp sets the connection status itself (register, deregister, its reviews): saying the
      // current one is harmless, asking for another is refused (this simulator's reading of it).
      if (update.connection_status !== undefined && update.connection_status !== phone.status) {
        throw new MetaError(
          400,
          100,
          `Invalid parameter connection_status: the number is ${phone.status}; register or deregister it to change that`,
        );
      }
      if (update.new_display_name !== undefined && update.new_display_name === phone.verifiedName) {
        throw new MetaError(
          400,
          100,
          `Invalid parameter new_display_name: ${phone.verifiedName} is already the display name`,
        );
      }
      if (update.username !== undefined) {
        const holder = simulator.store.all('phoneNumbers').find((n) => n.username === update.username);
        if (holder && holder.id !== phone.id) {
          throw new MetaError(400, 100, `Invalid parameter username: ${update.username} is already taken`);
        }
      }
      const newPin = update.pin ?? update.whatsapp_business_api_data?.pin;
      const webhook =
        update.webhook_configuration ??
        (update.webhook_url ? { override_callback_uri: update.webhook_url, verify_token: undefined } : undefined);
      if (webhook?.override_callback_uri === '') await simulator.subscriptions.clearNumberOverride(phone.id);
      else if (webhook) {
        await simulator.subscriptions.subscribe('number', phone.id, {
          uri: webhook.override_callback_uri,
          verifyToken: webhook.verify_token,
        });
      }
      if (newPin !== undefined) await simulator.registration.setPin(simulator.phoneNumber(phone.id), newPin);
      if (update.username !== undefined || update.search_visibility !== undefined) {
        const current = simulator.phoneNumber(phone.id);
        await simulator.store.commit([
          putSim('phoneNumbers', {
            ...current,
            ...(update.username !== undefined ? { username: update.username } : {}),
            ...(update.search_visibility !== undefined ? { searchVisibility: update.search_visibility } : {}),
          }),
        ]);
      }
      if (update.new_display_name !== undefined) {
        await simulator.displayNames.request(simulator.phoneNumber(phone.id), update.new_display_name);
      }
      return c.json({ success: true }, 200);
    });

    app.get(`${prefix}/:wabaId/subscribed_apps`, (c) => {
      return c.json({ data: simulator.subscriptions.list(account(c.req.param('wabaId'), 'get')) }, 200);
    });

    app.post(`${prefix}/:wabaId/subscribed_apps`, async (c) => {
      const wabaId = account(c.req.param('wabaId'), 'post');
      const { override_callback_uri: uri, verify_token: verifyToken } = await parse(subscribeSchema, c.req.raw, true);
      await simulator.subscriptions.subscribe('waba', wabaId, uri ? { uri, verifyToken } : undefined);
      return c.json(uri ? { success: true, data: simulator.subscriptions.list(wabaId) } : { success: true }, 200);
    });

    app.delete(`${prefix}/:wabaId/subscribed_apps`, async (c) => {
      await simulator.subscriptions.unsubscribe(account(c.req.param('wabaId'), 'delete'));
      return c.json({ success: true }, 200);
    });
  }
}
