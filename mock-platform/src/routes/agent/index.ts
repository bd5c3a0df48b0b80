import type { AuthEnv } from '../../auth/require-user.ts';
import type { Sessions } from '../../auth/sessions.ts';
import type { ComponentTokens } from '../../components/component-token.ts';
import { router } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { channelRoutes } from './channels.ts';
import { closureReasonRoutes } from './closure-reasons.ts';
import { conversationRoutes } from './conversations.ts';
import { eventRoutes } from './events.ts';
import { historyRoutes } from './history.ts';
import { meRoutes } from './me.ts';
import { offerRoutes, pendingOfferRoutes } from './offers.ts';
import { outboundRoutes } from './outbound.ts';
import { pastConversationRoutes } from './past-conversations.ts';
import { stateRoutes } from './state.ts';
import { transferTargetRoutes } from './transfer-targets.ts';
import { unavailableReasonRoutes } from './unavailable-reasons.ts';
import { wrapUpRoutes } from './wrap-ups.ts';

/**
 * The agent's API, mounted at `/api`: one router per resource, each guarded (agents only) under
 * its own prefix, so `/api/auth`, `/api/admin` and `/api/supervisor` beside them keep their own guards.
 */
export function agentApi(ctx: PlatformContext, sessions: Sessions, componentTokens: ComponentTokens) {
  return router<AuthEnv>()
    .route('/me', meRoutes(ctx, sessions))
    .route('/agent/state', stateRoutes(ctx, sessions))
    .route('/agent/offers', pendingOfferRoutes(ctx, sessions))
    .route('/agent/events', eventRoutes(ctx, sessions))
    .route('/offers', offerRoutes(ctx, sessions))
    .route('/conversations', conversationRoutes(ctx, sessions, componentTokens))
    .route('/past-conversations', pastConversationRoutes(ctx, sessions))
    .route('/channels', channelRoutes(ctx, sessions))
    .route('/outbound', outboundRoutes(ctx, sessions))
    .route('/history', historyRoutes(ctx, sessions))
    .route('/wrap-ups', wrapUpRoutes(ctx, sessions))
    .route('/closure-reasons', closureReasonRoutes(ctx, sessions))
    .route('/unavailable-reasons', unavailableReasonRoutes(ctx, sessions))
    .route('/transfer-targets', transferTargetRoutes(ctx, sessions));
}

/** The agent API's typed contract, for `hc<AgentApi>(`${origin}/api`)`: every route's params, body and answers. */
export type AgentApi = ReturnType<typeof agentApi>;
