import type { SimPhoneNumber } from './records.ts';
import { isRegistered } from './registration.ts';

/**
 * Where an existing profile's number stands, for "Use this profile" (CH-4): only a verified,
 * registered number is on the API; WhatsApp may still be reviewing it (pending).
 */
export function profileState(phone: SimPhoneNumber): 'connected' | 'pending' | 'unverified' {
  if (phone.codeVerificationStatus !== 'VERIFIED' || !isRegistered(phone)) return 'unverified';
  return phone.status === 'PENDING' ? 'pending' : 'connected';
}
