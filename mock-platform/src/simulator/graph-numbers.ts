import type { Hono } from 'hono';
import { z } from 'zod';
import { businessProfileUpdateSchema, updateBusinessProfile } from './business-profile.ts';
import { mediaDownloadUrl, readJson, toMetaError } from './graph-helpers.ts';
import type { Simulator } from './simulator.ts';

const requestCodeSchema = z.looseObject({
  code_method: z.enum(['SMS', 'VOICE']),
  language: z.string().min(2).max(10),
});
const verifyCodeSchema = z.looseObject({ code: z.string().regex(/^\d{6}$/, 'code must be 6 digits') });
const registerSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  pin: z.string().regex(/^\d{6}$/, 'pin must be 6 digits'),
});

/**
 * A number's registration (`request_code`, `verify_code`, `register`) and its WhatsApp Business
 * profile (`whatsapp_business_profile`, whose GET answer is flat, as client libraries expect).
 */
export function numberRoutes(app: Hono, simulator: Simulator, prefixes: readonly string[]): void {
  const parse = async <T>(schema: z.ZodType<T>, request: Request): Promise<T> => {
    const parsed = schema.safeParse(await readJson(request));
    if (!parsed.success) throw toMetaError(parsed.error);
    return parsed.data;
  };
  for (const prefix of prefixes) {
    app.post(`${prefix}/:phoneNumberId/request_code`, async (c) => {
      const phone = simulator.phoneNumber(c.req.param('phoneNumberId'));
      const { code_method } = await parse(requestCodeSchema, c.req.raw);
      await simulator.registration.requestCode(phone, code_method);
      return c.json({ success: true }, 200);
    });

    app.post(`${prefix}/:phoneNumberId/verify_code`, async (c) => {
      const phone = simulator.phoneNumber(c.req.param('phoneNumberId'));
      const { code } = await parse(verifyCodeSchema, c.req.raw);
      await simulator.registration.verifyCode(phone, code);
      return c.json({ success: true, id: phone.id }, 200);
    });

    app.post(`${prefix}/:phoneNumberId/register`, async (c) => {
      const phone = simulator.phoneNumber(c.req.param('phoneNumberId'));
      const { pin } = await parse(registerSchema, c.req.raw);
      await simulator.registration.register(phone, pin);
      return c.json({ success: true }, 200);
    });

    app.get(`${prefix}/:phoneNumberId/whatsapp_business_profile`, (c) => {
      const phone = simulator.phoneNumber(c.req.param('phoneNumberId'));
      const profile = simulator.store.get('businessProfiles', phone.id);
      return c.json(
        {
          data: [
            {
              about: profile?.about ?? '',
              address: profile?.address ?? '',
              description: profile?.description ?? '',
              email: profile?.email ?? '',
              messaging_product: 'whatsapp',
              profile_picture_url: profile?.pictureMediaId ? mediaDownloadUrl(c.req.url, profile.pictureMediaId) : '',
              websites: profile?.websites ?? [],
              vertical: profile?.vertical ?? 'UNDEFINED',
            },
          ],
        },
        200,
      );
    });

    app.post(`${prefix}/:phoneNumberId/whatsapp_business_profile`, async (c) => {
      const phone = simulator.phoneNumber(c.req.param('phoneNumberId'));
      const update = await parse(businessProfileUpdateSchema, c.req.raw);
      await updateBusinessProfile(simulator.store, simulator.media, phone.id, update);
      return c.json({ success: true }, 200);
    });
  }
}
