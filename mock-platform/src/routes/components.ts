import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { messageViewSchema, sendTemplateRequestSchema, templateViewSchema } from '../../../shared/api/schemas.ts';
import type { ComponentTokens } from '../components/component-token.ts';
import { ApiError } from '../http/errors.ts';
import { errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { WebAssets } from '../http/web-assets.ts';
import { servePage } from '../http/web-page.ts';
import type { PlatformContext } from '../platform/context.ts';
import type { User } from '../platform/records.ts';
import { sendTemplate, templatesFor } from '../platform/templates.ts';

type ComponentEnv = { Variables: { agent: User } };
const idParam = z.object({ id: z.string().min(1).max(200) });

/**
 * The template picker the platform serves as a custom component (TP-5, TP-6): the page at the
 * template-settings URL, and the API it calls with the short-lived token the panel gave it. The
 * token acts for one agent in one conversation, with that agent's permissions.
 */
export function componentRoutes(ctx: PlatformContext, tokens: ComponentTokens, web: WebAssets) {
  const app = router<ComponentEnv>();
  const base = { tags: ['Custom components'], security: [{ componentToken: [] }] };

  // The page (`web/template-picker/`) reads the conversation from its path and the token from the
  // URL fragment, which is never sent to a server nor logged.
  app.get('/templates/:id', (c) => servePage(c, web, { entry: 'template-picker', title: 'Templates' }));

  app.use(
    '/api/conversations/:id/*',
    createMiddleware<ComponentEnv>(async (c, next) => {
      const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
      const grant = match?.[1] ? tokens.verify(match[1], c.req.param('id') ?? '') : undefined;
      if (!grant) {
        throw new ApiError(
          401,
          'component_token_invalid',
          'This template picker has expired: reopen it from the panel',
        );
      }
      const agent = ctx.store.get('users', grant.userId);
      if (agent?.role !== 'agent') throw new ApiError(401, 'component_token_invalid', 'The agent no longer exists');
      c.set('agent', agent);
      await next();
    }),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/api/conversations/{id}/templates',
      summary: 'The template picker’s list: approved templates with their variables',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.array(templateViewSchema), 'Templates'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await templatesFor(ctx, c.get('agent'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/api/conversations/{id}/template',
      summary: 'Send the chosen template with its variables, as the agent',
      request: { params: idParam, body: jsonBody(sendTemplateRequestSchema) },
      responses: {
        201: jsonContent(messageViewSchema, 'Sent'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await sendTemplate(ctx, c.get('agent'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  return app;
}
