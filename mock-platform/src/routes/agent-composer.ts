import { createRoute, z } from '@hono/zod-openapi';
import { cannedResponseViewSchema } from '../../../shared/api/canned-responses.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import { bearerSecurity, errorResponses, jsonContent, router } from '../http/openapi.ts';
import { cannedResponsesFor } from '../platform/canned-responses.ts';
import type { PlatformContext } from '../platform/context.ts';
import { sendTyping } from '../platform/typing.ts';

const idParam = z.object({ id: z.string().min(1).max(200) });

/** What the agent's composer uses besides sending: canned responses and the typing indicator. */
export function agentComposerRoutes(ctx: PlatformContext, sessions: Sessions) {
  const app = router<AuthEnv>();
  const agentOnly = requireUser({ sessions, roles: ['agent'] });
  app.use('/conversations/:id/canned-responses', agentOnly);
  app.use('/conversations/:id/typing', agentOnly);
  const base = { tags: ['Agent'], security: bearerSecurity };

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}/canned-responses',
      summary: 'Canned responses for this conversation’s channel, their variables filled (masked while masking is on)',
      description:
        'Needs Reply on the channel. `{{customer.name}}`, `{{customer.number}}`… are filled on the server with what the agent may see of the customer: with masking on, the masked values.',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.array(cannedResponseViewSchema), 'Canned responses, by shortcut'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    (c) => c.json(cannedResponsesFor(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/typing',
      summary: 'The agent is typing: WhatsApp shows “typing…” to the customer (at most once every 20 s)',
      description:
        'Sends the Cloud API typing indicator (`status: read`, `typing_indicator`) for the customer’s latest message. Calls within 20 s of the last one answer `sent: false` without calling WhatsApp; a reply resets that. Needs Reply and the open 24-hour window.',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.object({ sent: z.boolean() }), 'Whether WhatsApp was told'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
        502: jsonContent(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          'WhatsApp refused the indicator',
        ),
      },
    }),
    async (c) => c.json(await sendTyping(ctx, c.get('user'), c.req.valid('param').id), 200),
  );
  return app;
}
