import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { isWindowOpen } from '../../../shared/customer-window.ts';
import { parsePhone } from '../../../shared/phone.ts';
import { mediaOf, messageText, type SendMessageRequest } from '../../../shared/whatsapp/send-message-schema.ts';
import {
  fillTemplate,
  parameterText,
  recipientWaId,
  type SendTemplateRequest,
  type SendTextRequest,
} from '../../../shared/whatsapp/send-schema.ts';
import { EventHub } from '../events/event-hub.ts';
import { ApiError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { type CustomerFile, type CustomerShare, customerFileContent, sharedContent } from './customer-content.ts';
import { DisplayNames } from './display-name.ts';
import { SimMedia } from './media.ts';
import { MetaError } from './meta-error.ts';
import { consentRefusal, pairRefusal, throughputRefusal, tierRefusal } from './policy.ts';
import { putSim as put, type SimMessage, type SimPhoneNumber, type SimulatorSchema, threadKey } from './records.ts';
import { isRegistered, Registration } from './registration.ts';
import { Subscriptions } from './subscriptions.ts';
import { templateParameterRefusal } from './template-parameters.ts';
import { SimTemplates } from './templates.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';
import { inboundMessageWebhook, statusWebhook } from './webhook-payloads.ts';

/** `typing`: the business shows "typing…" in a thread until `until` (or its next message). */
export type SimulatorEvents = { message: SimMessage; typing: { thread: string; until: number } };
export const ALL_THREADS = 'threads';
/** How long WhatsApp shows a business's typing indicator without a message following it. */
export const TYPING_SHOWN_MS = 25_000;

export function newWamid(): string {
  return `wamid.${randomBytes(24).toString('base64url')}`;
}

/**
 * The simulated WhatsApp side: the customers' phones and Meta's servers between them and the
 * business. Everything it tells the platform goes through signed webhooks, as Meta's would.
 */
export class Simulator {
  readonly events: EventHub<SimulatorEvents>;
  readonly media: SimMedia;
  readonly templates: SimTemplates;
  readonly registration: Registration;
  readonly subscriptions: Subscriptions;
  readonly displayNames: DisplayNames;

  /** Per thread, until when the business's typing indicator shows. */
  readonly #typing = new Map<string, number>();
  /** When each number last carried messages (both directions), for the throughput limit. */
  readonly #traffic = new Map<string, number[]>();

  constructor(
    readonly store: Store<SimulatorSchema>,
    private readonly clock: Clock,
    private readonly webhooks: WebhookDelivery,
    private readonly limits: { throughputPerSecond: number; templateReviewMs?: number; nameReviewMs?: number } = {
      throughputPerSecond: 80,
    },
    /** Outgoing HTTP: the verification GET of a webhook override. */
    fetch: FetchLike = globalThis.fetch,
  ) {
    this.events = new EventHub<SimulatorEvents>(clock);
    this.subscriptions = new Subscriptions(store, clock, fetch);
    this.media = new SimMedia(store, clock);
    this.templates = new SimTemplates(store, clock, webhooks, limits.templateReviewMs);
    this.registration = new Registration(store, clock);
    this.displayNames = new DisplayNames(store, clock, webhooks, limits.nameReviewMs ?? 60_000);
  }

  phoneNumber(id: string): SimPhoneNumber {
    const phone = this.store.get('phoneNumbers', id);
    if (!phone) {
      throw MetaError.unsupported('post', id);
    }
    return phone;
  }

  /** A number that may send: a deregistered one is refused like Meta (133010) until registered again. */
  #sender(id: string): SimPhoneNumber {
    const phone = this.phoneNumber(id);
    if (phone.status === 'DISCONNECTED') {
      throw new MetaError(400, 133010, 'Account not registered: the number was deregistered; register it again');
    }
    return phone;
  }

  /** Numbers whose approval time has come become CONNECTED (run by the sweep and before listings). */
  async approveDue(): Promise<number> {
    await this.displayNames.reviewDue();
    const now = this.clock.now();
    const due = this.store.all('phoneNumbers').filter((n) => n.approvesAt !== undefined && n.approvesAt <= now);
    if (due.length === 0) return 0;
    await this.store.commit(
      due.map(({ approvesAt: _at, ...number }) =>
        put('phoneNumbers', { ...number, status: number.status === 'PENDING' ? 'CONNECTED' : number.status }),
      ),
    );
    return due.length;
  }

  /** Sends a webhook to the platform (reviewer and quality changes). */
  notify(payload: unknown): void {
    this.webhooks.enqueue(payload);
  }

  /** A phone number as the Graph API describes it (`GET /{phone-number-id}`, the account's list). */
  phoneNumberView(number: SimPhoneNumber) {
    return {
      verified_name: number.verifiedName,
      code_verification_status: number.codeVerificationStatus,
      display_phone_number: number.phoneNumber,
      quality_rating: number.qualityRating,
      messaging_limit_tier: number.messagingLimitTier,
      status: number.status,
      name_status: number.nameStatus ?? 'APPROVED',
      ...(number.newDisplayName
        ? { new_display_name: number.newDisplayName, new_name_status: number.newNameStatus }
        : {}),
      search_visibility: number.searchVisibility ?? 'VISIBLE',
      ...(number.username ? { username: number.username } : {}),
      account_mode: number.testNumber ? 'SANDBOX' : 'LIVE',
      platform_type: 'CLOUD_API',
      throughput: { level: 'STANDARD' },
      id: number.id,
    };
  }

  /** A customer types a message, sends a photo, or taps a button or list row of a business message. */
  async customerSends(input: {
    phoneNumberId: string;
    customerWaId: string;
    customerName: string;
    text?: string | undefined;
    image?: { bytes: Uint8Array; mimeType: string; caption?: string | undefined } | undefined;
    /** Any file from the phone: a photo, sticker, voice note or audio, video or document. */
    media?: CustomerFile | undefined;
    /** A place, contact cards, or a reaction to a message of the chat. */
    shared?: CustomerShare | undefined;
    choice?: { messageId: string; optionId: string } | undefined;
    replyTo?: string | undefined;
  }): Promise<SimMessage> {
    const phone = this.phoneNumber(input.phoneNumberId);
    // Not registered (deregistered, or a signup that never got that far): WhatsApp has nowhere to deliver.
    if (!isRegistered(phone)) {
      throw new ApiError(
        409,
        'business_not_on_whatsapp',
        `${phone.phoneNumber} is not registered on WhatsApp now (deregistered): your message was not delivered · ` +
          'Este número de empresa no está registrado en WhatsApp ahora (se dio de baja): tu mensaje no se entregó',
      );
    }
    const thread = threadKey(phone.id, input.customerWaId);
    let content: Pick<SimMessage, 'type' | 'text' | 'payload' | 'replyTo'>;
    const file = input.media ?? (input.image ? { ...input.image, filename: undefined } : undefined);
    if (file) {
      content = await customerFileContent(this.media, phone.id, file);
    } else if (input.shared) {
      content = sharedContent(input.shared);
    } else if (input.choice) {
      content = this.#choice(thread, input.choice);
    } else {
      content = { type: 'text', text: input.text ?? '' };
    }
    const message: SimMessage = {
      id: newWamid(),
      phoneNumberId: phone.id,
      customerWaId: input.customerWaId,
      thread,
      direction: 'inbound',
      timestamp: this.clock.now(),
      customerName: input.customerName,
      ...(input.replyTo ? { replyTo: input.replyTo } : {}),
      ...content,
    };
    await this.store.commit([put('messages', message)]);
    // Inbound messages count towards the number's throughput too (they are never refused).
    this.#recentTraffic(phone.id).push(this.clock.now());
    this.#publish(message);
    this.webhooks.enqueue(inboundMessageWebhook(phone, message));
    return message;
  }

  /** A text from the business (the platform's replies). */
  businessSendsText(phoneNumberId: string, request: SendTextRequest): Promise<SimMessage> {
    return this.businessSends(phoneNumberId, request);
  }

  /**
   * Any business message. Like Meta, the API accepts a free-form message at once and reports the
   * outcome in status webhooks: delivered to the (always online) phone, or failed with 131047
   * when the customer service window is closed. Templates go through their own checks. Uploaded
   * media must exist; a reaction must name a message of the chat.
   */
  async businessSends(phoneNumberId: string, request: SendMessageRequest): Promise<SimMessage> {
    if (request.type === 'template') return this.businessSendsTemplate(phoneNumberId, request);
    const phone = this.#sender(phoneNumberId);
    this.#checkRates(phone, recipientWaId(request.to));
    const mediaId = mediaOf(request)?.id;
    if (mediaId && this.media.get(mediaId)?.phoneNumberId !== phone.id) {
      throw new MetaError(
        400,
        131009,
        `Parameter value is not valid: media id ${mediaId} was not uploaded to this number`,
      );
    }
    if (
      request.type === 'reaction' &&
      this.store.get('messages', request.reaction.message_id)?.phoneNumberId !== phone.id
    ) {
      throw new MetaError(
        400,
        131009,
        `Parameter value is not valid: message ${request.reaction.message_id} is not in this chat`,
      );
    }
    const customerWaId = recipientWaId(request.to);
    const thread = threadKey(phone.id, customerWaId);
    const now = this.clock.now();
    const lastInbound = this.store
      .where('messages', 'thread', thread)
      .filter((m) => m.direction === 'inbound')
      .reduce<number | undefined>((latest, m) => Math.max(latest ?? 0, m.timestamp), undefined);
    const windowOpen = isWindowOpen(lastInbound, now);
    // A number that cannot exist has no WhatsApp: accepted, then failed as undeliverable (131026).
    const failure = !parsePhone(`+${customerWaId}`).ok ? 131026 : windowOpen ? undefined : 131047;
    const message: SimMessage = {
      id: newWamid(),
      phoneNumberId: phone.id,
      customerWaId,
      thread,
      direction: 'outbound',
      type: request.type,
      text: messageText(request),
      timestamp: now,
      ...(request.type === 'text'
        ? {}
        : request.type === 'contacts'
          ? { payload: { contacts: request.contacts } }
          : { payload: (request as Record<string, unknown>)[request.type] as Record<string, unknown> }),
      ...(request.context ? { replyTo: request.context.message_id } : {}),
      ...(request.biz_opaque_callback_data ? { callbackData: request.biz_opaque_callback_data } : {}),
      status: failure ? 'failed' : 'delivered',
      ...(failure ? { errorCode: failure } : {}),
    };
    await this.store.commit([put('messages', message)]);
    this.#publish(message);
    if (failure) {
      this.webhooks.enqueue(statusWebhook(phone, message, 'failed', now, failure));
    } else {
      this.webhooks.enqueue(statusWebhook(phone, message, 'sent', now));
      this.webhooks.enqueue(statusWebhook(phone, message, 'delivered', now));
    }
    return message;
  }

  /**
   * The business sends an approved template: allowed outside the customer service window (TP-4),
   * refused like Meta when the template does not exist in that language (132001), is paused
   * (132015) or disabled (132016), or gets the wrong parameters for its header, body or buttons
   * (132000; 132012 for the wrong kind of header media).
   */
  async businessSendsTemplate(phoneNumberId: string, request: SendTemplateRequest): Promise<SimMessage> {
    const phone = this.#sender(phoneNumberId);
    const customer = recipientWaId(request.to);
    this.#checkRates(phone, customer);
    const { name, language, components } = request.template;
    const template = this.store
      .where('templates', 'wabaId', phone.wabaId)
      .find((candidate) => candidate.name === name && candidate.language === language.code);
    if (!template || template.status === 'PENDING' || template.status === 'REJECTED') {
      throw new MetaError(
        404,
        132001,
        `template name (${name}) does not exist in ${language.code}${template ? ` (it is ${template.status})` : ''}`,
      );
    }
    if (template.status === 'PAUSED')
      throw new MetaError(400, 132015, `template ${name} is paused because of low quality`);
    if (template.status === 'DISABLED') throw new MetaError(400, 132016, `template ${name} is disabled`);
    const parameters = templateParameterRefusal(template, components);
    if (parameters) throw new MetaError(parameters.status, parameters.code, parameters.details);
    const body = template.components.find((component) => component.type === 'BODY');
    const bodyText = typeof body?.text === 'string' ? body.text : '';
    const values = (components?.find((component) => component.type === 'body')?.parameters ?? []).map(parameterText);
    const customerWaId = customer;
    const now = this.clock.now();
    const thread = this.store.where('messages', 'thread', threadKey(phone.id, customerWaId));
    const inbound = thread.filter((m) => m.direction === 'inbound');
    const lastInbound = inbound.reduce<number | undefined>(
      (latest, m) => Math.max(latest ?? 0, m.timestamp),
      undefined,
    );
    const businessInitiated = !isWindowOpen(lastInbound, now);
    if (businessInitiated) {
      const refusal =
        consentRefusal(this.store.get('consents', threadKey(phone.id, customerWaId)), inbound.length > 0) ??
        tierRefusal(this.#initiated(phone.id), customerWaId, now, phone);
      if (refusal) throw MetaError.from(refusal);
    }
    const message: SimMessage = {
      id: newWamid(),
      phoneNumberId: phone.id,
      customerWaId,
      thread: threadKey(phone.id, customerWaId),
      direction: 'outbound',
      ...(businessInitiated ? { businessInitiated: true } : {}),
      type: 'template',
      text: fillTemplate(bodyText, values),
      timestamp: now,
      ...(request.biz_opaque_callback_data ? { callbackData: request.biz_opaque_callback_data } : {}),
      status: 'delivered',
    };
    await this.store.commit([put('messages', message)]);
    this.#publish(message);
    this.webhooks.enqueue(statusWebhook(phone, message, 'sent', now));
    this.webhooks.enqueue(statusWebhook(phone, message, 'delivered', now));
    return message;
  }

  /** The customer opens the chat: business messages not yet read turn read (blue ticks). */
  async customerReads(phoneNumberId: string, customerWaId: string): Promise<number> {
    const phone = this.phoneNumber(phoneNumberId);
    const now = this.clock.now();
    const unread = this.store
      .where('messages', 'thread', threadKey(phone.id, customerWaId))
      .filter((m) => m.direction === 'outbound' && (m.status === 'sent' || m.status === 'delivered'));
    if (unread.length === 0) return 0;
    const read = unread.map((m) => ({ ...m, status: 'read' as const }));
    await this.store.commit(read.map((m) => put('messages', m)));
    for (const message of read) {
      this.#publish(message);
      this.webhooks.enqueue(statusWebhook(phone, message, 'read', now));
    }
    return read.length;
  }

  /**
   * Marks a customer's message read on the business side (`status: read`); with `typing`, the
   * customer's phone shows "typing…" until the business's next message or for 25 seconds.
   */
  markReadByBusiness(phoneNumberId: string, messageId: string, typing = false): void {
    this.phoneNumber(phoneNumberId);
    const message = this.store.get('messages', messageId);
    if (!message || message.phoneNumberId !== phoneNumberId || message.direction !== 'inbound') {
      throw new MetaError(
        400,
        100,
        `Invalid parameter: message_id ${messageId} is not a message received by this number`,
      );
    }
    if (typing) {
      const event = { thread: message.thread, until: this.clock.now() + TYPING_SHOWN_MS };
      this.#typing.set(message.thread, event.until);
      this.events.publish(message.thread, 'typing', event);
      this.events.publish(ALL_THREADS, 'typing', event);
    }
  }

  /** Until when the business shows as typing in a thread (the business's next message ends it). */
  typingUntil(thread: string): number | undefined {
    const until = this.#typing.get(thread);
    if (until === undefined || until <= this.clock.now()) return undefined;
    const startedAt = until - TYPING_SHOWN_MS;
    const answered = this.store
      .where('messages', 'thread', thread)
      .some((m) => m.direction === 'outbound' && m.timestamp >= startedAt);
    return answered ? undefined : until;
  }

  thread(phoneNumberId: string, customerWaId: string): SimMessage[] {
    return this.store
      .where('messages', 'thread', threadKey(phoneNumberId, customerWaId))
      .sort((a, b) => a.timestamp - b.timestamp);
  }

  /** A customer opts in to (or out of) messages from a business number (CH-6). */
  async setConsent(phoneNumberId: string, customerWaId: string, optIn: boolean): Promise<void> {
    const phone = this.phoneNumber(phoneNumberId);
    await this.store.commit([
      put('consents', {
        id: threadKey(phone.id, customerWaId),
        ...(optIn ? { optedIn: true } : { optedOut: true }),
        at: this.clock.now(),
      }),
    ]);
  }

  /** The reply for a tapped button or list row: what the webhook's `interactive` carries. */
  #choice(thread: string, { messageId, optionId }: { messageId: string; optionId: string }) {
    const message = this.store.get('messages', messageId);
    const interactive = message?.thread === thread && message.type === 'interactive' ? message.payload : undefined;
    const action = interactive?.action as
      | {
          buttons?: { reply: { id: string; title: string } }[];
          sections?: { rows: { id: string; title: string; description?: string }[] }[];
        }
      | undefined;
    const button = action?.buttons?.find((b) => b.reply.id === optionId)?.reply;
    const row = action?.sections?.flatMap((section) => section.rows).find((r) => r.id === optionId);
    if (!button && !row) {
      throw new ApiError(400, 'validation_failed', `choice: ${optionId} is not an option of message ${messageId}`, [
        { path: 'choice.optionId', message: 'is not an option of that message' },
      ]);
    }
    return {
      type: 'interactive',
      text: (button ?? row)?.title ?? '',
      replyTo: messageId,
      payload: button
        ? { type: 'button_reply', button_reply: { id: button.id, title: button.title } }
        : {
            type: 'list_reply',
            list_reply: {
              id: row?.id,
              title: row?.title,
              ...(row?.description ? { description: row.description } : {}),
            },
          },
    };
  }

  /** Throughput per number and the pair rate per customer; counts this message when it passes. */
  #checkRates(phone: SimPhoneNumber, customerWaId: string): void {
    const now = this.clock.now();
    const traffic = this.#recentTraffic(phone.id);
    const refusal =
      throughputRefusal(traffic, now, this.limits.throughputPerSecond) ??
      pairRefusal(this.store.where('messages', 'thread', threadKey(phone.id, customerWaId)), now);
    if (refusal) throw MetaError.from(refusal);
    traffic.push(now);
  }

  /** The number's messages of the last second (kept in place; older ones dropped). */
  #recentTraffic(phoneNumberId: string): number[] {
    const now = this.clock.now();
    const recent = (this.#traffic.get(phoneNumberId) ?? []).filter((t) => t > now - 1000);
    this.#traffic.set(phoneNumberId, recent);
    return recent;
  }

  /** Per customer, when this number last started a conversation with them (a template outside the window). */
  #initiated(phoneNumberId: string): Map<string, number> {
    const latest = new Map<string, number>();
    for (const message of this.store.where('messages', 'initiatedBy', phoneNumberId)) {
      latest.set(message.customerWaId, Math.max(latest.get(message.customerWaId) ?? 0, message.timestamp));
    }
    return latest;
  }

  #publish(message: SimMessage): void {
    this.events.publish(message.thread, 'message', message);
    this.events.publish(ALL_THREADS, 'message', message);
  }
}
