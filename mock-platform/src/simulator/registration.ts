import { createHash, randomInt } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { newId } from '../../../shared/ids.ts';
import type { Store } from '../store/store.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, type SimPhoneNumber, type SimulatorSchema } from './records.ts';

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 5;
export const LOCKOUT_MS = 60 * 60_000;

/**
 * Number verification and registration (CH-3): a six-digit code by SMS or voice (delivered to the
 * simulator's outbox, where a person or a test reads it), expiring after ten minutes; five wrong
 * codes lock the number out for an hour; registration with a two-step PIN once verified.
 */
export class Registration {
  constructor(
    private readonly store: Store<SimulatorSchema>,
    private readonly clock: Clock,
  ) {}

  async requestCode(phone: SimPhoneNumber, method: 'SMS' | 'VOICE'): Promise<void> {
    this.#refuseIfLocked(phone.id);
    const now = this.clock.now();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const spoken = `${code.slice(0, 3)}-${code.slice(3)}`;
    await this.store.commit([
      put('verifications', { id: phone.id, code, method, sentAt: now, expiresAt: now + CODE_TTL_MS, attempts: 0 }),
      put('outbox', {
        id: newId('sms'),
        phoneNumberId: phone.id,
        phoneNumber: phone.phoneNumber,
        method,
        text:
          method === 'SMS'
            ? `WhatsApp Business code ${spoken}. Don't share this code with others.`
            : `(voice call) Your WhatsApp Business code is ${code.split('').join(' ')}. Again: ${spoken}.`,
        sentAt: now,
      }),
      put('phoneNumbers', { ...phone, codeVerificationStatus: 'NOT_VERIFIED' }),
    ]);
  }

  async verifyCode(phone: SimPhoneNumber, code: string): Promise<void> {
    const pending = this.#refuseIfLocked(phone.id);
    if (!pending) throw new MetaError(400, 136024, 'Verification code error: request a code first');
    const now = this.clock.now();
    if (pending.expiresAt <= now) {
      await this.store.commit([put('phoneNumbers', { ...phone, codeVerificationStatus: 'EXPIRED' })]);
      throw new MetaError(400, 136025, 'Verification code expired: request a new code');
    }
    if (pending.code !== code) {
      const attempts = pending.attempts + 1;
      const locked = attempts >= MAX_ATTEMPTS;
      await this.store.commit([
        put('verifications', { ...pending, attempts, ...(locked ? { lockedUntil: now + LOCKOUT_MS } : {}) }),
      ]);
      if (locked) throw lockedError(now + LOCKOUT_MS, now);
      throw new MetaError(
        400,
        136024,
        `Verification code error: the code is wrong (${MAX_ATTEMPTS - attempts} attempt${MAX_ATTEMPTS - attempts === 1 ? '' : 's'} left)`,
      );
    }
    await this.store.commit([
      { type: 'delete', collection: 'verifications', id: phone.id },
      put('phoneNumbers', { ...phone, codeVerificationStatus: 'VERIFIED' }),
    ]);
  }

  async register(phone: SimPhoneNumber, pin: string): Promise<void> {
    if (phone.codeVerificationStatus !== 'VERIFIED') {
      throw new MetaError(400, 133010, 'Phone number not registered: verify it with a code first');
    }
    // A registered number keeps its two-step PIN: registering again must give the same one.
    if (phone.pinHash !== undefined && phone.pinHash !== pinHash(pin)) {
      throw new MetaError(400, 133005, 'Two step verification PIN mismatch: give the PIN set for this number');
    }
    await this.store.commit([
      put('phoneNumbers', {
        ...phone,
        status: phone.status === 'FLAGGED' || phone.status === 'RESTRICTED' ? phone.status : 'CONNECTED',
        pinHash: pinHash(pin),
      }),
    ]);
  }

  /** Sets or changes the two-step verification PIN (`POST /{phone-number-id}` with `pin`). */
  async setPin(phone: SimPhoneNumber, pin: string): Promise<void> {
    await this.store.commit([put('phoneNumbers', { ...phone, pinHash: pinHash(pin) })]);
  }

  /**
   * Deregisters a number (`/deregister`): it sends nothing (133010) until registered again, and
   * its two-step PIN is dropped, so the next registration sets a new one.
   */
  async deregister(phone: SimPhoneNumber): Promise<void> {
    if (!isRegistered(phone)) {
      throw new MetaError(400, 100, undefined, 'OAuthException', {
        message: 'Phone number not registered on the WhatsApp Business Platform.',
        subcode: 2207051,
      });
    }
    const { pinHash: _pin, approvesAt: _approval, ...rest } = phone;
    await this.store.commit([put('phoneNumbers', { ...rest, status: 'DISCONNECTED' })]);
  }

  #refuseIfLocked(phoneNumberId: string) {
    const pending = this.store.get('verifications', phoneNumberId);
    const now = this.clock.now();
    if (pending?.lockedUntil !== undefined && pending.lockedUntil > now) throw lockedError(pending.lockedUntil, now);
    return pending;
  }
}

/**
 * Whether the number is registered on WhatsApp (`/register`) and not deregistered since: one
 * whose signup never got that far, or that was deregistered, is not on WhatsApp at all.
 */
export function isRegistered(phone: SimPhoneNumber): boolean {
  return phone.status !== 'DISCONNECTED' && (phone.status !== 'PENDING' || phone.pinHash !== undefined);
}

function pinHash(pin: string): string {
  return createHash('sha256').update(pin).digest('hex');
}

function lockedError(until: number, now: number): MetaError {
  const minutes = Math.ceil((until - now) / 60_000);
  return new MetaError(429, 133016, `Too many wrong codes: the number is locked; try again in ${minutes} min`);
}
