import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { WebAssets } from '../http/web-assets.ts';
import { servePage } from '../http/web-page.ts';
import { VERTICALS } from './business-profile.ts';
import { businessDetailsSchema, numberSignupSchema, type Onboarding } from './onboarding.ts';
import { profileState } from './profile-state.ts';
import type { Simulator } from './simulator.ts';

/** WhatsApp's Embedded Signup, simulated: the wizard page and the API it calls (CH-1 … CH-5). */
export function onboardingRoutes(onboarding: Onboarding, simulator: Simulator, web: WebAssets) {
  const app = router();
  const tags = ['WhatsApp signup (simulator)'];

  // The page (web/signup/) speaks the admin UI's language; the server gives it Meta's category codes.
  app.get('/signup', (c) =>
    servePage(c, web, {
      entry: 'signup',
      title: 'WhatsApp Business · Signup (simulated)',
      data: { categories: VERTICALS.filter((code) => code !== 'UNDEFINED') },
    }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/signup/accounts',
      tags,
      summary: 'WhatsApp Business accounts the signed-in Facebook user can select',
      responses: { 200: jsonContent(z.array(z.object({ id: z.string(), name: z.string() })), 'Accounts') },
    }),
    (c) =>
      c.json(
        simulator.store.all('wabas').map(({ id, name }) => ({ id, name })),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/signup/profiles',
      tags,
      summary:
        'The account’s existing WhatsApp Business profiles, each with where its number stands (connected, pending review, unverified)',
      request: { query: z.object({ wabaId: z.string().min(1) }) },
      responses: {
        200: jsonContent(
          z.array(
            z.object({
              id: z.string(),
              verifiedName: z.string(),
              phoneNumber: z.string(),
              state: z.enum(['connected', 'pending', 'unverified']),
            }),
          ),
          'Profiles',
        ),
        400: errorResponses[400],
      },
    }),
    (c) => {
      const { wabaId } = c.req.valid('query');
      return c.json(
        simulator.store
          .all('phoneNumbers')
          .filter((phone) => phone.wabaId === wabaId)
          .map((phone) => ({
            id: phone.id,
            verifiedName: phone.verifiedName,
            phoneNumber: phone.phoneNumber,
            state: profileState(phone),
          })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/signup/business',
      tags,
      summary: 'Business details: select a WhatsApp Business account, or create one (name, website, country, address)',
      request: { body: jsonBody(businessDetailsSchema) },
      responses: {
        200: jsonContent(z.object({ wabaId: z.string(), name: z.string() }), 'The account'),
        400: errorResponses[400],
      },
    }),
    async (c) => c.json(await onboarding.business(c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/signup/number',
      tags,
      summary: 'WhatsApp Business profile and phone number; sends the six-digit code by SMS or voice (to the outbox)',
      request: { body: jsonBody(numberSignupSchema) },
      responses: {
        200: jsonContent(z.object({ phoneNumberId: z.string(), phoneNumber: z.string() }), 'Code sent'),
        400: errorResponses[400],
      },
    }),
    async (c) => c.json(await onboarding.number(c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/signup/verify',
      tags,
      summary: 'Verify the code and register the number; WhatsApp approves it after the configured delay',
      request: {
        body: jsonBody(
          z.object({
            phoneNumberId: z.string().min(1),
            // As the SMS shows it (`019-878`) or typed with spaces: only the six digits count.
            code: z
              .string()
              .transform((code) => code.replace(/[\s-]/g, ''))
              .pipe(z.string().regex(/^\d{6}$/, 'the code has 6 digits')),
          }),
        ),
      },
      responses: {
        200: jsonContent(z.object({ status: z.string(), approvesAt: z.number() }), 'Registered, pending approval'),
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const { phoneNumberId, code } = c.req.valid('json');
      return c.json(await onboarding.verify(phoneNumberId, code), 200);
    },
  );

  return app;
}
