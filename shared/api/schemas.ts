import { z } from 'zod';
import { TEXT_BODY_MAX } from '../whatsapp/text-limits.ts';
import {
  messageContactSchema,
  messageLocationSchema,
  messageMediaSchema,
  messageReactionSchema,
} from './attachment-schemas.ts';
import { channelPermissionSchema } from './permissions.ts';
import { ruleSchema } from './validation-rules.ts';

/**
 * Shapes of the platform's agent-facing HTTP API and event stream, shared by the server (which
 * validates and documents them) and the extension (which parses what it receives).
 */

/** One JSON error shape for every non-Graph route. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string(), rule: ruleSchema.optional() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** `acw`: after-contact work, while she owes a wrap-up (no new offers); derived, never stored. */
export const agentStateSchema = z.enum(['available', 'unavailable', 'rona', 'acw']);
export type AgentState = z.infer<typeof agentStateSchema>;

/** Supervisors watch the live boards and act on conversations and agents; administrators configure. */
export const userRoleSchema = z.enum(['admin', 'supervisor', 'agent']);

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(200),
  password: z.string().min(1, 'password is required').max(1000),
  /** Also issue a refresh credential, so the client can sign in again after losing its token. */
  staySignedIn: z.boolean().optional(),
});

/** `POST /api/auth/resume`: a refresh credential from a "stay signed in" sign-in. */
export const resumeRequestSchema = z.object({
  refreshToken: z.string().min(1, 'refreshToken is required').max(200),
});

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: userRoleSchema,
});
export type UserView = z.infer<typeof userViewSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.number(),
  user: userViewSchema,
  /** Only with "stay signed in": exchanged at `/api/auth/resume` once the token is lost. */
  refreshToken: z.string().optional(),
  refreshExpiresAt: z.number().optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Why an agent is Unavailable, in English and Spanish (the panel shows its language's name). */
export const unavailableReasonViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEs: z.string(),
  /** Set by the platform (`disconnected`, `signed-out`), not chosen by the agent. */
  system: z.boolean().optional(),
});
export type UnavailableReasonView = z.infer<typeof unavailableReasonViewSchema>;

export const agentStatusSchema = z.object({
  state: agentStateSchema,
  since: z.number(),
  /** Why she is Unavailable, when there is a reason. */
  reason: unavailableReasonViewSchema.optional(),
  /** In after-contact work: when the wrap-up time runs out and the wrap-up is submitted for her. */
  until: z.number().optional(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;

export const setAgentStateRequestSchema = z.object({
  state: z.enum(['available', 'unavailable']),
  /** With `unavailable`: one of the administrators' unavailable reasons (`GET /api/unavailable-reasons`). */
  reasonId: z.string().min(1).max(200).optional(),
});

export const offerViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  customerName: z.string(),
  customerNumber: z.string(),
  originNumber: z.string(),
  queueName: z.string(),
  offeredAt: z.number(),
  /** The agent response countdown: past this the offer expires and the agent goes to RONA. */
  expiresAt: z.number(),
  /** The skill lets agents reject offers. */
  canReject: z.boolean(),
  /** A new conversation, one transferred by another agent, or an invitation to a conference. */
  kind: z.enum(['conversation', 'transfer', 'conference']),
  /** Who transferred or invited, for the last two kinds. */
  fromName: z.string().optional(),
});
export type OfferView = z.infer<typeof offerViewSchema>;

export const conversationStatusSchema = z.enum(['queued', 'offered', 'active', 'ended']);

/** One SLA clock; `stoppedAt` once it stopped (met or breached for good, fixed at that time). */
const slaClockViewSchema = z.object({
  state: z.enum(['active', 'met', 'breached']),
  dueAt: z.number(),
  stoppedAt: z.number().optional(),
});

export const conversationViewSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  customerName: z.string(),
  customerNumber: z.string(),
  originNumber: z.string(),
  queueName: z.string(),
  status: conversationStatusSchema,
  /** What the viewing agent's role lets them do in this conversation (RP-4): the panel hides the rest. */
  permissions: z.array(channelPermissionSchema),
  agentId: z.string().optional(),
  createdAt: z.number(),
  lastInboundAt: z.number().optional(),
  /** When the 24-hour customer service window closes; free-form replies only before it. */
  windowClosesAt: z.number().optional(),
  /** Why the conversation cannot go on (AG-4): show an alert, allow only End. */
  interrupted: z.string().optional(),
  /** The skill's screen-pop URL, filled for this conversation (masked values when masking is on). */
  screenPopUrl: z.string().optional(),
  /** SLA clocks (SL-3/SL-4): first response and resolution, due in business hours. */
  sla: z
    .object({
      firstResponse: slaClockViewSchema,
      resolution: slaClockViewSchema,
    })
    .optional(),
  /** The latest customer or agent message (masked like every text): the task list's preview. */
  lastMessage: z
    .object({
      direction: z.enum(['inbound', 'outbound']),
      text: z.string(),
      timestamp: z.number(),
      /** A photo (its text, if any, is the caption). */
      media: z.boolean().optional(),
    })
    .optional(),
  /** A conference, as the agent receiving this view takes part in it. */
  conference: z
    .object({
      state: z.enum(['requested', 'active']),
      ownerName: z.string(),
      guestName: z.string(),
      role: z.enum(['owner', 'guest']),
    })
    .optional(),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;

/**
 * `sending`: recorded, the Cloud API has not answered yet; `pending`: WhatsApp took it, no status
 * webhook yet.
 */
export const deliveryStatusSchema = z.enum(['sending', 'pending', 'sent', 'delivered', 'read', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const messageViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** `note`: an agent's private note, shown only to agents (never sent to the customer). */
  direction: z.enum(['inbound', 'outbound', 'system', 'note']),
  text: z.string(),
  timestamp: z.number(),
  /** Position in the transcript (creation order on the platform). */
  seq: z.number(),
  /** Outbound messages only: how far WhatsApp got delivering it. */
  status: deliveryStatusSchema.optional(),
  senderName: z.string().optional(),
  /** WhatsApp's message id (wamid) of a reply, once the Cloud API took it. */
  wamid: z.string().optional(),
  /** Why it failed, as WhatsApp said it (its title or message), for the detail line. */
  error: z.string().optional(),
  /** Meta's error code of a refusal or a `failed` status (131047: the 24-hour window is closed). */
  errorCode: z.number().optional(),
  /** WhatsApp could not be reached (timeout, 5xx, restart mid-send): the message may not have been sent. */
  uncertain: z.boolean().optional(),
  /** The agent may send it again (`POST …/messages/{id}/retry`). */
  retryable: z.boolean().optional(),
  /** Sent by the platform on its own (a queue time-out's automatic message), not by an agent. */
  automatic: z.boolean().optional(),
  /** Media (a photo, voice note, video, document…): load it from `/api/conversations/{id}/media/{media.id}`. */
  media: messageMediaSchema.optional(),
  /** A place the customer shared (its name and address masked like text). */
  location: messageLocationSchema.optional(),
  /** Contact cards the customer shared (numbers masked when masking is on). */
  contacts: z.array(messageContactSchema).optional(),
  /** A reaction to another message of the conversation: shown on that message, not on its own. */
  reaction: messageReactionSchema.optional(),
  /** The message it answers (WhatsApp's `context`), shown quoted above it. */
  replyTo: z
    .object({
      id: z.string(),
      direction: z.enum(['inbound', 'outbound']),
      text: z.string(),
      /** The quoted message is a photo or another attachment. */
      media: z.boolean().optional(),
    })
    .optional(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const replyRequestSchema = z.object({
  text: z
    .string()
    .refine((text) => text.trim().length > 0, 'text must not be empty')
    .refine((text) => text.length <= TEXT_BODY_MAX, `text must be at most ${TEXT_BODY_MAX} characters`),
  /** Quote this message of the conversation (a customer's message, or a reply WhatsApp took): sent with WhatsApp's `context`. */
  replyToMessageId: z.string().min(1).max(200).optional(),
});

export const closureReasonViewSchema = z.object({ id: z.string(), name: z.string() });
export type ClosureReasonView = z.infer<typeof closureReasonViewSchema>;

export const endConversationRequestSchema = z.object({
  closureReasonId: z.string().min(1, 'choose a closure reason'),
  note: z.string().max(2000, 'note must be at most 2000 characters').optional(),
});

export const transferRequestSchema = z.object({
  target: z.discriminatedUnion('type', [
    z.object({ type: z.literal('queue'), skillId: z.string().min(1, 'choose a queue') }),
    z.object({ type: z.literal('agent'), agentId: z.string().min(1, 'choose an agent') }),
  ]),
});
export type TransferRequest = z.infer<typeof transferRequestSchema>;

export const transferTargetsSchema = z.object({
  queues: z.array(z.object({ id: z.string(), name: z.string(), waiting: z.number(), availableAgents: z.number() })),
  agents: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      state: agentStateSchema,
      hasRoom: z.boolean(),
      /**
       * Asked about one conversation: why this agent cannot take it whatever their state (their
       * role lacks its channel, or Reply on it); the transfer would be refused.
       */
      cannotTake: z.enum(['channel_not_in_role', 'reply_not_in_role']).optional(),
    }),
  ),
});
export type TransferTargets = z.infer<typeof transferTargetsSchema>;

/** Invite an agent, or the best available agent of a queue (AG-9). */
export const conferenceRequestSchema = z.union([
  z.object({ agentId: z.string().min(1, 'choose an agent') }).strict(),
  z.object({ skillId: z.string().min(1, 'choose a queue') }).strict(),
]);
export type ConferenceRequest = z.infer<typeof conferenceRequestSchema>;

/** A wrap-up the agent still owes: pick a closure reason for their part in the conversation. */
export const wrapUpViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  customerName: z.string(),
  reason: z.enum(['end', 'transfer', 'conference']),
  createdAt: z.number(),
});
export type WrapUpView = z.infer<typeof wrapUpViewSchema>;

export const wrapUpRequestSchema = endConversationRequestSchema;

/** An approved template the agent can send, with its body and how many `{{n}}` variables it has. */
export const templateViewSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  body: z.string(),
  variables: z.number(),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

/** A rich message the agent may send in a conversation (TP-3): assigned to its channel. */
export const richMessageViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['quick_replies', 'rich_link', 'list_picker', 'time_picker']),
  /** The message as the transcript will show it. */
  preview: z.string(),
});
export type RichMessageView = z.infer<typeof richMessageViewSchema>;
export const sendRichMessageRequestSchema = z.object({ richMessageId: z.string().min(1, 'choose a rich message') });

/** The custom component (template picker) an agent's panel loads for a conversation (TP-6). */
export const customComponentViewSchema = z.object({
  name: z.string(),
  /** The configured URL with `%s` replaced by the conversation id, and `#token=` for the component. */
  url: z.string(),
  height: z.number(),
  expiresAt: z.number(),
});
export type CustomComponentView = z.infer<typeof customComponentViewSchema>;

export const sendTemplateRequestSchema = z.object({
  name: z.string().min(1, 'choose a template'),
  language: z.string().min(2, 'language is required'),
  parameters: z.array(z.string().trim().min(1, 'fill every variable').max(1024)).max(20),
});

/** Starting a WhatsApp conversation with an approved template (BY-2, CH-6). */
export const startConversationRequestSchema = z.object({
  channelId: z.string().min(1, 'choose a channel'),
  /** The customer's number as found on the page, in any common format. */
  to: z.string().trim().min(1, 'the customer’s number is required').max(40),
  template: sendTemplateRequestSchema,
});

/** A channel the agent may start conversations on (their role grants Send templates there). */
export const agentChannelSchema = z.object({ id: z.string(), name: z.string(), phoneNumber: z.string() });
export type AgentChannel = z.infer<typeof agentChannelSchema>;

/** One past conversation in the agent's interaction history (masked like every agent view). */
export const historyEntrySchema = z.object({
  conversationId: z.string(),
  customerName: z.string(),
  customerNumber: z.string(),
  queueName: z.string(),
  endedAt: z.number(),
  closureReason: z.string().optional(),
  note: z.string().optional(),
  /** Why the agent's part ended. */
  reason: z.enum(['end', 'transfer', 'conference']),
  lastMessage: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Everything pushed on an agent's event stream, keyed by event name. */
export const agentEventSchemas = {
  hello: z.object({ agentId: z.string() }),
  /** Sent on reconnect when missed events cannot be replayed: reload what is on screen. */
  resync: z.object({}),
  'agent.state': agentStatusSchema,
  /**
   * The administrator turned masking on or off: reload what is on screen. Offers, conversations
   * and wrap-ups follow in the new form; events from before it are never replayed.
   */
  'masking.changed': z.object({ maskSensitiveData: z.boolean() }),
  offer: offerViewSchema,
  'offer.revoked': z.object({ offerId: z.string() }),
  wrapup: wrapUpViewSchema,
  'wrapup.done': z.object({ wrapUpId: z.string() }),
  'conversation.updated': conversationViewSchema,
  /** The conversation left this agent's desk while it goes on (a transfer, leaving a conference). */
  'conversation.removed': z.object({ conversationId: z.string() }),
  message: messageViewSchema,
  /**
   * A participant changed the tags of the conversation's customer: the others' open customer view
   * follows. Tags never hold personal data (the platform refuses such a tag), so nothing to mask.
   */
  'customer.tags': z.object({ conversationId: z.string(), tags: z.array(z.string()) }),
} as const;
export type AgentEventName = keyof typeof agentEventSchemas;
export type AgentEvents = { [K in AgentEventName]: z.infer<(typeof agentEventSchemas)[K]> };
