import { z } from 'zod';
import type { Clock } from '../../../shared/clock.ts';
import type { Store } from '../store/store.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, type SimPhoneNumber, type SimulatorSchema } from './records.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';
import { numberNameWebhook } from './webhook-payloads.ts';

/** `new_display_name` as Meta's OpenAPI bounds it. */
export const newDisplayNameSchema = z
  .string()
  .trim()
  .min(2, 'new_display_name must be 2 to 75 characters')
  .max(75, 'new_display_name must be 2 to 75 characters');

/**
 * A WhatsApp username as this simulator checks it (Meta's reference gives no rule): 3–35 lowercase
 * letters, digits, `.` or `_`, with a letter, no leading, trailing or doubled dot.
 */
export const usernameSchema = z
  .string()
  .regex(
    /^(?=[a-z0-9._]{3,35}$)(?=.*[a-z])(?!\.)(?!.*\.\.)(?!.*\.$)/,
    'username must be 3 to 35 lowercase letters, digits, . or _ (with a letter; no leading, trailing or double dot)',
  );

/**
 * Display name changes (`POST /{phone-number-id}` with `new_display_name`): the name waits for
 * WhatsApp's review (`new_name_status` PENDING_REVIEW, the number keeps its name meanwhile); the
 * reviewer in WhatsApp Manager approves or declines it, or WhatsApp approves it on its own after
 * the number-approval delay. Each decision is Meta's `phone_number_name_update` webhook.
 */
export class DisplayNames {
  constructor(
    private readonly store: Store<SimulatorSchema>,
    private readonly clock: Clock,
    private readonly webhooks: WebhookDelivery,
    private readonly reviewMs: number,
  ) {}

  async request(phone: SimPhoneNumber, name: string): Promise<void> {
    if (name === phone.verifiedName) {
      throw new MetaError(400, 100, `Invalid parameter new_display_name: ${name} is already the display name`);
    }
    await this.store.commit([
      put('phoneNumbers', {
        ...phone,
        newDisplayName: name,
        newNameStatus: 'PENDING_REVIEW',
        nameReviewAt: this.clock.now() + this.reviewMs,
      }),
    ]);
  }

  /** The reviewer's decision on the pending name: approved, it becomes the number's display name. */
  async review(phoneNumberId: string, decision: 'APPROVED' | 'DECLINED', reason?: string): Promise<SimPhoneNumber> {
    const phone = this.store.get('phoneNumbers', phoneNumberId);
    if (!phone?.newDisplayName || phone.newNameStatus !== 'PENDING_REVIEW') {
      throw new MetaError(
        400,
        100,
        `Invalid parameter: number ${phoneNumberId} has no display name waiting for review`,
      );
    }
    const { nameReviewAt: _due, ...rest } = phone;
    const reviewed: SimPhoneNumber =
      decision === 'APPROVED'
        ? { ...rest, verifiedName: phone.newDisplayName, nameStatus: 'APPROVED', newNameStatus: 'APPROVED' }
        : { ...rest, newNameStatus: 'DECLINED' };
    await this.store.commit([put('phoneNumbers', reviewed)]);
    this.webhooks.enqueue(
      numberNameWebhook(
        reviewed,
        phone.newDisplayName,
        decision === 'APPROVED' ? 'APPROVED' : 'REJECTED',
        decision === 'DECLINED' ? (reason ?? 'The display name does not meet WhatsApp’s guidelines') : undefined,
        this.clock.now(),
      ),
    );
    return reviewed;
  }

  /** Pending names whose review time has come are approved (run by the sweep and before listings). */
  async reviewDue(): Promise<number> {
    const now = this.clock.now();
    const due = this.store
      .all('phoneNumbers')
      .filter((n) => n.newNameStatus === 'PENDING_REVIEW' && n.nameReviewAt !== undefined && n.nameReviewAt <= now);
    for (const phone of due) await this.review(phone.id, 'APPROVED');
    return due.length;
  }
}
