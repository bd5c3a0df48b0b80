import { randomInt } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { TEMPLATE_LANGUAGES } from '../../../shared/whatsapp/template-languages.ts';
import { SUBCODE, SUBCODE_TITLES } from '../../../shared/whatsapp/template-rules.ts';
import type { CreateTemplateRequest } from '../../../shared/whatsapp/template-schema.ts';
import { type ReviewDecision, reviewProblem } from '../../../shared/whatsapp/template-status.ts';
import { ApiError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, type SimTemplate, type SimulatorSchema } from './records.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';
import { templateQualityWebhook, templateStatusWebhook } from './webhook-payloads.ts';

export type { ReviewDecision };

/**
 * Message templates on the WhatsApp side (TP-1): created PENDING by the business, reviewed by
 * "WhatsApp" (the simulator's reviewer), edited (back to review), deleted; every status and
 * quality change announced to the platform by webhook, as Meta does.
 */
export class SimTemplates {
  constructor(
    private readonly store: Store<SimulatorSchema>,
    private readonly clock: Clock,
    private readonly webhooks: WebhookDelivery,
    /** After how long "WhatsApp" approves a pending template on its own (0: only the reviewer decides). */
    private readonly reviewAfterMs = 0,
  ) {}

  list(wabaId: string): SimTemplate[] {
    return this.store.where('templates', 'wabaId', wabaId).sort((a, b) => a.name.localeCompare(b.name));
  }

  async create(wabaId: string, request: CreateTemplateRequest): Promise<SimTemplate> {
    if (!this.store.get('wabas', wabaId)) throw unknownObject(wabaId);
    const clash = this.list(wabaId).find((t) => t.name === request.name && t.language === request.language);
    if (clash) {
      const language = TEMPLATE_LANGUAGES[request.language as keyof typeof TEMPLATE_LANGUAGES] ?? request.language;
      throw new MetaError(
        400,
        100,
        `Message template "${request.name}" already exists in ${request.language}`,
        undefined,
        {
          subcode: SUBCODE.languageExists,
          userTitle: SUBCODE_TITLES[SUBCODE.languageExists],
          userMessage: `There is already ${language} content for this template. You can create a new template and try again.`,
        },
      );
    }
    const template: SimTemplate = {
      id: String(10 ** 15 + randomInt(0, 2 ** 47)),
      wabaId,
      name: request.name,
      language: request.language,
      category: request.category,
      status: 'PENDING',
      components: request.components,
      submittedAt: this.clock.now(),
    };
    await this.store.commit([put('templates', template)]);
    return template;
  }

  /** An edit sends an approved, rejected or paused template back to review. */
  async edit(
    id: string,
    changes: { category?: SimTemplate['category'] | undefined; components?: SimTemplate['components'] | undefined },
  ) {
    const template = this.#get(id);
    if (template.status === 'PENDING' || template.status === 'DISABLED') {
      throw new MetaError(400, 100, `Template ${template.name} is ${template.status} and cannot be edited now`);
    }
    const { rejectedReason: _reason, ...rest } = template;
    const edited: SimTemplate = {
      ...rest,
      ...(changes.category ? { category: changes.category } : {}),
      ...(changes.components ? { components: changes.components } : {}),
      status: 'PENDING',
      submittedAt: this.clock.now(),
    };
    await this.store.commit([put('templates', edited)]);
    return edited;
  }

  /** `DELETE ?name=` removes every language of the name; with `hsm_id` only that one. */
  async remove(wabaId: string, name: string, hsmId?: string): Promise<number> {
    const doomed = this.list(wabaId).filter((t) => t.name === name && (!hsmId || t.id === hsmId));
    if (doomed.length === 0) throw new MetaError(400, 100, `Message template ${name} was not found`);
    await this.store.commit(
      doomed.map((t) => ({ type: 'delete' as const, collection: 'templates' as const, id: t.id })),
    );
    return doomed.length;
  }

  /**
   * The reviewer's decision, announced by a `message_template_status_update` webhook. Only Meta's
   * transitions (`shared/whatsapp/template-status.ts`); a rejection says why.
   */
  async review(id: string, decision: ReviewDecision, reason = 'NONE'): Promise<SimTemplate> {
    const template = this.#get(id);
    const problem = reviewProblem(template.status, decision);
    if (problem)
      throw new ApiError(409, 'invalid_transition', `decision: ${problem}`, [{ path: 'decision', message: problem }]);
    if (decision === 'REJECTED' && reason === 'NONE') {
      throw new ApiError(400, 'validation_failed', 'reason: a rejection needs a reason', [
        { path: 'reason', message: 'a rejection needs a reason' },
      ]);
    }
    const { rejectedReason: _reason, submittedAt: _at, ...rest } = template;
    const reviewed: SimTemplate = {
      ...rest,
      status: decision,
      ...(decision === 'REJECTED' ? { rejectedReason: reason } : {}),
    };
    await this.store.commit([put('templates', reviewed)]);
    this.webhooks.enqueue(templateStatusWebhook(reviewed, decision, reason, this.clock.now()));
    return reviewed;
  }

  /** Pending templates whose review time has come are approved (the sweep runs it; off when 0). */
  async reviewDue(): Promise<number> {
    if (this.reviewAfterMs <= 0) return 0;
    const now = this.clock.now();
    const due = this.store
      .all('templates')
      .filter(
        (t) => t.status === 'PENDING' && t.submittedAt !== undefined && t.submittedAt + this.reviewAfterMs <= now,
      );
    for (const template of due) await this.review(template.id, 'APPROVED');
    return due.length;
  }

  /** A new quality score; a RED template is paused, as Meta does. */
  async rate(id: string, score: 'GREEN' | 'YELLOW' | 'RED'): Promise<SimTemplate> {
    const template = this.#get(id);
    const rated: SimTemplate = { ...template, qualityScore: score };
    await this.store.commit([put('templates', rated)]);
    this.webhooks.enqueue(templateQualityWebhook(rated, template.qualityScore ?? 'UNKNOWN', score, this.clock.now()));
    if (score === 'RED' && rated.status === 'APPROVED') return this.review(id, 'PAUSED', 'LOW_QUALITY');
    return rated;
  }

  #get(id: string): SimTemplate {
    const template = this.store.get('templates', id);
    if (!template) throw unknownObject(id);
    return template;
  }
}

function unknownObject(id: string): MetaError {
  return MetaError.unsupported('post', id);
}
