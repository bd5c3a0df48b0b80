import { maskSensitive, maskValue } from '../../../shared/masking/index.ts';
import { fromWaId, parsePhone } from '../../../shared/phone.ts';
import type { Store } from '../store/store.ts';
import type { Conversation, PlatformSchema } from './records.ts';

/** What an agent-facing view applies to each kind of field. */
export interface Masker {
  /** Free text: message bodies, previews, signatures. */
  text(value: string): string;
  /** A field that is a phone number as a whole (customer and business numbers). */
  phone(value: string): string;
  /** A customer name: masked as a phone number when it is one (AG-7), as text otherwise. */
  name(value: string): string;
}

const identity: Masker = { text: (v) => v, phone: (v) => v, name: (v) => v };

export function maskingEnabled(store: Store<PlatformSchema>): boolean {
  return store.get('settings', 'tenant')?.maskSensitiveData ?? false;
}

/**
 * The masker for one conversation's agent-facing fields: identity while masking is off;
 * otherwise national numbers are read with the channel's and the customer's countries (none
 * are known without a conversation: then only international numbers are recognised).
 */
export function maskerFor(store: Store<PlatformSchema>, conversation: Conversation | undefined): Masker {
  if (!maskingEnabled(store)) return identity;
  const channel = conversation ? store.get('channels', conversation.channelId) : undefined;
  const customer = conversation ? fromWaId(conversation.customerWaId) : undefined;
  const regions = [channel?.phoneNumber, customer].flatMap((number) => {
    const parsed = number ? parsePhone(number) : undefined;
    return parsed?.ok && parsed.country ? [parsed.country] : [];
  });
  const text = (value: string) => maskSensitive(value, { regions });
  return {
    text,
    phone: (value) => maskValue('phone', value),
    name: (value) => (parsePhone(value, regions[1] ?? regions[0]).ok ? maskValue('phone', value) : text(value)),
  };
}
