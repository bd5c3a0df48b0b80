import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../../shared/clock.ts';
import type { Config } from '../config.ts';
import type { WebAssets } from '../http/web-assets.ts';
import type { Store } from '../store/store.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { businessManagerRoutes } from './business-manager-routes.ts';
import { customerRoutes } from './customer-routes.ts';
import { graphRoutes, registerGraphDocs } from './graph-routes.ts';
import { Onboarding } from './onboarding.ts';
import { onboardingRoutes } from './onboarding-routes.ts';
import type { SimulatorSchema } from './records.ts';
import { Simulator } from './simulator.ts';
import { simulatorKeyGuard } from './simulator-key.ts';
import { WebhookDelivery } from './webhook-delivery.ts';

export interface SimulatorMountOptions {
  config: Config;
  clock: Clock;
  store: Store<SimulatorSchema>;
  /** This server's base URL: the default target of the webhooks. */
  origin: string;
  fetch: FetchLike;
  /** Back-off of the webhook retries (ms); `[]` = one attempt. */
  webhookBackoff?: readonly number[] | undefined;
  /** Required by `/simulator/*` when set (SIMULATOR_KEY, or the one made for a non-loopback HOST). */
  key?: string | undefined;
  /** The built browser pages (`npm run build`): the simulator's pages are entries of it. */
  web: WebAssets;
}

/**
 * The embedded WhatsApp simulator (SIMULATOR=on): the Cloud API under `/graph`, and under
 * `/simulator` the customers' phones, the signup and WhatsApp Manager, behind the simulator key
 * when there is one. It is the only part of the server that signs webhooks with the app secret.
 */
export function mountSimulator(app: OpenAPIHono, options: SimulatorMountOptions) {
  const { config, clock, store, origin, fetch } = options;
  const webhooks = new WebhookDelivery({
    url: config.SIMULATOR_WEBHOOK_URL ?? `${origin}/webhooks/whatsapp`,
    appSecret: config.WHATSAPP_APP_SECRET,
    store,
    clock,
    fetch,
    retryForMs: config.SIMULATOR_WEBHOOK_RETRY_HOURS * 3_600_000,
    ...(options.webhookBackoff ? { backoff: options.webhookBackoff } : {}),
  });
  const simulator = new Simulator(
    store,
    clock,
    webhooks,
    {
      throughputPerSecond: config.SIMULATOR_THROUGHPUT,
      templateReviewMs: config.SIMULATOR_TEMPLATE_REVIEW_SECONDS * 1000,
      nameReviewMs: config.SIMULATOR_APPROVAL_SECONDS * 1000,
    },
    fetch,
  );
  const onboarding = new Onboarding(simulator, clock, config.SIMULATOR_APPROVAL_SECONDS * 1000);

  if (options.key) {
    const guard = simulatorKeyGuard(options.key);
    app.use('/simulator', guard);
    app.use('/simulator/*', guard);
  }
  app.route('/graph', graphRoutes(simulator, { token: config.WHATSAPP_TOKEN }));
  app.route('/simulator', customerRoutes(simulator, options.web));
  app.route('/simulator', businessManagerRoutes(simulator, clock, options.web));
  app.route('/simulator', onboardingRoutes(onboarding, simulator, options.web));
  registerGraphDocs(app.openAPIRegistry);

  return {
    simulator,
    webhooks,
    /**
     * Numbers and templates whose approval is due are approved; webhooks whose back-off is over are sent again;
     * media past Meta's 30 days and old thread events expire.
     */
    async sweep() {
      await simulator.approveDue();
      await simulator.templates.reviewDue();
      webhooks.deliverDue();
      await simulator.media.expire();
      simulator.events.expire();
    },
  };
}

export type MountedSimulator = ReturnType<typeof mountSimulator>;
