import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { isWindowOpen } from '../../../shared/customer-window.ts';
import { mediaOf, messageText, type SendMessageRequest } from '../../../shared/whatsapp/send-message-schema.ts';
import {
  fillTemplate,
  parameterText,
  placeholderCount,
  type SendTemplateRequest,
  type SendTextRequest,
} from '../../../shared/whatsapp/send-schema.ts';
import { EventHub } from '../events/event-hub.ts';
import type { Store } from '../store/store.ts';
import { SimMedia } from './media.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, type SimMessage, type SimPhoneNumber, type SimulatorSchema, threadKey } from './records.ts';
import { Registration } from './registration.ts';
import { SimTemplates } from './templates.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';
import { inboundMessageWebhook, statusWebhook } from './webhook-payloads.ts';

export type SimulatorEvents = { message: SimMessage };
export const ALL_THREADS = 'threads';

export function newWamid(): string {
  return `wamid.${randomBytes(24).toString('base64url')}`;
}

/**
 * The simulated WhatsApp side: the customers' phones and Meta's servers between them and the
 * business. Everything it tells the platform goes through signed webhooks, as Meta's would.
 */
export class Simulator {
  readonly events = new EventHub<SimulatorEvents>();
  readonly media: SimMedia;
  readonly templates: SimTemplates;
  readonly registration: Registration;

  constructor(
    readonly store: Store<SimulatorSchema>,
    private readonly clock: Clock,
    private readonly webhooks: WebhookDelivery,
  ) {
    this.media = new SimMedia(store, clock);
    this.templates = new SimTemplates(store, clock, webhooks);
    this.registration = new Registration(store, clock);
  }

  phoneNumber(id: string): SimPhoneNumber {
    const phone = this.store.get('phoneNumbers', id);
    if (!phone) {
      throw new MetaError(
        400,
        100,
        `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
        'GraphMethodException',
      );
    }
    return phone;
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
      name_status: 'APPROVED',
      platform_type: 'CLOUD_API',
      throughput: { level: 'STANDARD' },
      id: number.id,
    };
  }

  /** A customer types a message to a business number. */
  async customerSends(input: {
    phoneNumberId: string;
    customerWaId: string;
    customerName: string;
    text: string;
    replyTo?: string | undefined;
  }): Promise<SimMessage> {
    const phone = this.phoneNumber(input.phoneNumberId);
    const message: SimMessage = {
      id: newWamid(),
      phoneNumberId: phone.id,
      customerWaId: input.customerWaId,
      thread: threadKey(phone.id, input.customerWaId),
      direction: 'inbound',
      type: 'text',
      text: input.text,
      timestamp: this.clock.now(),
      customerName: input.customerName,
      ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    };
    await this.store.commit([put('messages', message)]);
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
    const phone = this.phoneNumber(phoneNumberId);
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
    const customerWaId = request.to.replace(/^\+/, '');
    const thread = threadKey(phone.id, customerWaId);
    const now = this.clock.now();
    const lastInbound = this.store
      .where('messages', 'thread', thread)
      .filter((m) => m.direction === 'inbound')
      .reduce<number | undefined>((latest, m) => Math.max(latest ?? 0, m.timestamp), undefined);
    const windowOpen = isWindowOpen(lastInbound, now);
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
        : { payload: (request as Record<string, unknown>)[request.type] as Record<string, unknown> }),
      ...(request.context ? { replyTo: request.context.message_id } : {}),
      status: windowOpen ? 'delivered' : 'failed',
      ...(windowOpen ? {} : { errorCode: 131047 }),
    };
    await this.store.commit([put('messages', message)]);
    this.#publish(message);
    if (windowOpen) {
      this.webhooks.enqueue(statusWebhook(phone, message, 'sent', now));
      this.webhooks.enqueue(statusWebhook(phone, message, 'delivered', now));
    } else {
      this.webhooks.enqueue(statusWebhook(phone, message, 'failed', now, 131047));
    }
    return message;
  }

  /**
   * The business sends an approved template: allowed outside the customer service window (TP-4),
   * refused like Meta when the template does not exist in that language (132001), is paused
   * (132015) or disabled (132016), or gets the wrong number of body parameters (132000).
   */
  async businessSendsTemplate(phoneNumberId: string, request: SendTemplateRequest): Promise<SimMessage> {
    const phone = this.phoneNumber(phoneNumberId);
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
    const body = template.components.find((component) => component.type === 'BODY');
    const bodyText = typeof body?.text === 'string' ? body.text : '';
    const values = (components?.find((component) => component.type === 'body')?.parameters ?? []).map(parameterText);
    const expected = placeholderCount(bodyText);
    if (values.length !== expected) {
      throw new MetaError(
        400,
        132000,
        `body: number of localizable_params (${values.length}) does not match the expected number of params (${expected})`,
      );
    }
    const customerWaId = request.to.replace(/^\+/, '');
    const now = this.clock.now();
    const message: SimMessage = {
      id: newWamid(),
      phoneNumberId: phone.id,
      customerWaId,
      thread: threadKey(phone.id, customerWaId),
      direction: 'outbound',
      type: 'template',
      text: fillTemplate(bodyText, values),
      timestamp: now,
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

  /** Marks a customer's message read on the business side (`status: read`). */
  markReadByBusiness(phoneNumberId: string, messageId: string): void {
    this.phoneNumber(phoneNumberId);
    const message = this.store.get('messages', messageId);
    if (!message || message.phoneNumberId !== phoneNumberId || message.direction !== 'inbound') {
      throw new MetaError(
        400,
        100,
        `Invalid parameter: message_id ${messageId} is not a message received by this number`,
      );
    }
  }

  thread(phoneNumberId: string, customerWaId: string): SimMessage[] {
    return this.store
      .where('messages', 'thread', threadKey(phoneNumberId, customerWaId))
      .sort((a, b) => a.timestamp - b.timestamp);
  }

  #publish(message: SimMessage): void {
    this.events.publish(message.thread, 'message', message);
    this.events.publish(ALL_THREADS, 'message', message);
  }
}
