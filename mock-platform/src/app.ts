import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AgentEvents } from '../../shared/api/schemas.ts';
import type { Clock } from '../../shared/clock.ts';
import { Sessions } from './auth/sessions.ts';
import { ComponentTokens } from './components/component-token.ts';
import type { Config } from './config.ts';
import { AgentStreams } from './events/agent-streams.ts';
import { EventHub } from './events/event-hub.ts';
import { observedStore, StoreChanges } from './events/store-changes.ts';
import { ApiError, renderError, validationHook } from './http/errors.ts';
import type { WebAssets } from './http/web-assets.ts';
import { serveAsset, servePage } from './http/web-page.ts';
import { useReadableZodMessages } from './http/zod-messages.ts';
import { type ArchiveFiles, archiveEnded, memoryArchive } from './platform/archive.ts';
import { type PlatformContext, Sequence } from './platform/context.ts';
import { routingPass } from './platform/dispatcher.ts';
import { dropStaleOrphanStatuses } from './platform/orphan-statuses.ts';
import { resolveInterruptedSends } from './platform/outbox.ts';
import { Presence } from './platform/presence.ts';
import type { PlatformSchema } from './platform/records.ts';
import { RoutingPasses } from './platform/routing-passes.ts';
import { Serial } from './platform/serial.ts';
import { sweep } from './platform/timers.ts';
import { WebhookSkips } from './platform/webhook-items.ts';
import { adminRoutes } from './routes/admin.ts';
import { isAttachmentUpload, MAX_ATTACHMENT_BODY_BYTES } from './routes/agent/conversation-media.ts';
import { agentApi } from './routes/agent/index.ts';
import { authRoutes } from './routes/auth.ts';
import { componentRoutes } from './routes/components.ts';
import { healthRoutes } from './routes/health.ts';
import { supervisorRoutes } from './routes/supervisor.ts';
import { whatsappWebhookRoutes } from './routes/whatsapp-webhook.ts';
import { MAX_CUSTOMER_MESSAGE_BODY_BYTES } from './simulator/customer-routes.ts';
import { type MountedSimulator, mountSimulator } from './simulator/mount.ts';
import { LOGO_TOO_LARGE, MAX_SIGNUP_NUMBER_BODY_BYTES } from './simulator/onboarding.ts';
import type { SimulatorSchema } from './simulator/records.ts';
import type { Store } from './store/store.ts';
import { createGraphClient, type FetchLike } from './whatsapp/graph-client.ts';

export const MAX_API_BODY_BYTES = 256 * 1024;

export interface PlatformOptions {
  config: Config;
  clock: Clock;
  store: Store<PlatformSchema>;
  /** The embedded simulator's store; absent (and not opened) with SIMULATOR=off. */
  simulatorStore?: Store<SimulatorSchema> | undefined;
  /** What `/simulator/*` requires (SIMULATOR_KEY, or the key made at start-up for a non-loopback HOST). */
  simulatorKey?: string | undefined;
  /** This server's own base URL: the default target of the Graph client and of webhooks. */
  origin: string;
  /** Outgoing HTTP; tests route it back into the app without opening a port. */
  fetch?: FetchLike;
  /** Back-off of the simulator's webhook retries (ms); `[]` = one attempt. */
  webhookBackoff?: readonly number[];
  /** Where archived messages go (default: memory, for tests). */
  archive?: ArchiveFiles;
  /** The built browser pages (`npm run build`): the admin UI, the simulator's pages, the picker. */
  web: WebAssets;
  /** scrypt cost of passwords set through the API (default the real one; test platforms pass a cheap one). */
  passwordCost?: number;
}

const ARCHIVE_EVERY_MS = 60 * 60_000;

/** Builds the whole platform, with the WhatsApp simulator mounted beside it. */
export function createPlatform(options: PlatformOptions) {
  const { config, clock, simulatorStore, origin, web } = options;
  // Every commit is announced, so the supervisors' live boards follow any change.
  const changes = new StoreChanges();
  const store = observedStore(options.store, changes);
  useReadableZodMessages();
  const fetch = options.fetch ?? globalThis.fetch;
  const startedAt = clock.now();
  let lastArchive = Number.NEGATIVE_INFINITY;

  const agentEvents = new EventHub<AgentEvents>(clock);
  const ctx: PlatformContext = {
    store,
    clock,
    events: agentEvents,
    streams: new AgentStreams(store, clock),
    serial: new Serial(),
    routing: new RoutingPasses(() => routingPass(ctx)),
    presence: new Presence(clock),
    archive: options.archive ?? memoryArchive(),
    messageSeq: new Sequence(store.all('messages').reduce((max, message) => Math.max(max, message.seq ?? 0), 0)),
    webhookSkips: new WebhookSkips(),
    ...(options.passwordCost !== undefined ? { passwordCost: options.passwordCost } : {}),
    subscribesApps: config.GRAPH_BASE_URL !== undefined,
    graph: createGraphClient({
      baseUrl: config.GRAPH_BASE_URL ?? `${origin}/graph`,
      version: config.GRAPH_API_VERSION,
      token: config.WHATSAPP_TOKEN,
      fetch,
      timeoutMs: config.GRAPH_TIMEOUT_MS,
    }),
  };
  // Replies cut off between being recorded and WhatsApp's answer: shown as "may not have been
  // sent", never sent again on their own. Applied to memory at once; `recovered` is its durability.
  const recovered = resolveInterruptedSends(ctx);
  // Revoked sessions end the streams opened with them at once, and the component tokens issued under them.
  const sessions = new Sessions(store, clock, () => ctx.streams.revalidate());
  const componentTokens = new ComponentTokens(clock, (sessionId) => sessions.isLive(sessionId));
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'self'", 'chrome-extension:'],
      },
    }),
  );
  app.onError(renderError);
  // Every route has a body limit, checked before authentication or parsing: no platform,
  // component or customer-simulator request needs more than this, so larger bodies are refused
  // (413) before being read. The webhook receiver and the Graph API (Meta's error shape, larger
  // media uploads) set their own.
  const apiBodyLimit = bodyLimit({
    maxSize: MAX_API_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `Request bodies are limited to ${MAX_API_BODY_BYTES} bytes`);
    },
  });
  // An agent's attachment may be as large as Meta's largest file type.
  const attachmentBodyLimit = bodyLimit({
    maxSize: MAX_ATTACHMENT_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `Attachments are limited to ${MAX_ATTACHMENT_BODY_BYTES} bytes`);
    },
  });
  // The customer's phone sends files as base64 in JSON, up to Meta's largest.
  const customerMessageBodyLimit = bodyLimit({
    maxSize: MAX_CUSTOMER_MESSAGE_BODY_BYTES,
    onError: () => {
      throw new ApiError(
        413,
        'payload_too_large',
        `Request bodies are limited to ${MAX_CUSTOMER_MESSAGE_BODY_BYTES} bytes`,
      );
    },
  });
  // The signup's profile step carries the logo as base64 in JSON: Meta takes up to 5 MB (CH-2).
  const signupNumberBodyLimit = bodyLimit({
    maxSize: MAX_SIGNUP_NUMBER_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `logo: ${LOGO_TOO_LARGE}`, [
        { path: 'logo', message: LOGO_TOO_LARGE },
      ]);
    },
  });
  app.use('*', async (c, next) => {
    const path = c.req.path;
    if (c.req.method === 'POST' && path === '/simulator/api/signup/number') return signupNumberBodyLimit(c, next);
    if (path.startsWith('/graph/') || path === '/webhooks/whatsapp') return next();
    if (isAttachmentUpload(c.req.method, path)) return attachmentBodyLimit(c, next);
    if (c.req.method === 'POST' && path === '/simulator/api/messages') return customerMessageBodyLimit(c, next);
    return apiBodyLimit(c, next);
  });
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );

  app.route(
    '/',
    healthRoutes(startedAt, () => clock.now(), ctx.webhookSkips, [
      { name: 'platform', store },
      ...(simulatorStore ? [{ name: 'simulator', store: simulatorStore }] : []),
    ]),
  );
  // Chained, so `AppType` carries the typed routers' routes (hc<AppType>); the same app either way.
  const api = app
    .route('/api/auth', authRoutes(ctx, sessions))
    .route('/api/admin', adminRoutes(ctx, sessions))
    .route('/api/supervisor', supervisorRoutes(ctx, sessions, changes))
    .route('/api', agentApi(ctx, sessions, componentTokens));
  app.route('/components', componentRoutes(ctx, componentTokens, web));
  app.route(
    '/webhooks',
    whatsappWebhookRoutes(ctx, { appSecret: config.WHATSAPP_APP_SECRET, verifyToken: config.WHATSAPP_VERIFY_TOKEN }),
  );
  // SIMULATOR=off: no /graph, no /simulator, nothing inside the platform that signs webhooks.
  let mounted: MountedSimulator | undefined;
  if (config.SIMULATOR === 'on') {
    if (!simulatorStore) throw new Error('SIMULATOR=on needs the simulator store');
    mounted = mountSimulator(app, {
      config,
      clock,
      store: simulatorStore,
      origin,
      fetch,
      webhookBackoff: options.webhookBackoff,
      key: options.simulatorKey,
      web,
    });
  }
  // The admin web UI (Preact, `admin-ui/`): token in sessionStorage, sent in the Authorization
  // header, so no cookies and no CSRF; one script and one stylesheet from this origin.
  app.get('/admin', (c) => servePage(c, web, { entry: 'admin', title: 'Loro · Administration' }));
  app.get('/assets/:file', (c) => serveAsset(c, web, c.req.param('file')));
  app.get('/docs', (c) => c.redirect('/admin#/api'));
  app.get('/demo/console', (c) =>
    servePage(c, web, { entry: 'demo-console', title: 'Acme CRM · Customers (Loro demo console)' }),
  );
  app.get('/', (c) => c.redirect(mounted ? '/simulator' : '/admin'));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'componentToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The short-lived token the agent’s panel gives a custom component in its URL fragment',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Loro platform API',
      version: '0.1.0',
      description: 'The contact-center platform behind the Loro extension, with its WhatsApp Cloud API simulator.',
    },
  });

  return {
    app: api,
    ctx,
    /** Resolves (with how many) once the replies interrupted by the last stop are durably resolved. */
    recovered,
    /** The embedded simulator and its webhook delivery; undefined with SIMULATOR=off. */
    simulator: mounted?.simulator,
    webhooks: mounted?.webhooks,
    sessions,
    sweep: async () => {
      // Webhooks whose back-off is over (and those queued before a restart) are sent again.
      await mounted?.sweep();
      await sweep(ctx);
      agentEvents.expire();
      if (clock.now() - lastArchive >= ARCHIVE_EVERY_MS) {
        lastArchive = clock.now();
        await dropStaleOrphanStatuses(ctx);
        await archiveEnded(ctx, ctx.archive, config.ARCHIVE_AFTER_DAYS);
      }
    },
    /** Moves the messages of conversations ended long ago to the archive now (the sweep does it hourly). */
    archive: () => archiveEnded(ctx, ctx.archive, config.ARCHIVE_AFTER_DAYS),
  };
}

export type Platform = ReturnType<typeof createPlatform>;
export type AppType = Platform['app'];
