import { describe, expect, it } from 'vitest';
import { profileState } from './profile-state.ts';
import type { SimPhoneNumber } from './records.ts';

const phone = (fields: Partial<SimPhoneNumber>): SimPhoneNumber => ({
  id: '1',
  wabaId: 'w',
  phoneNumber: '+34910123456',
  verifiedName: 'Loro',
  status: 'CONNECTED',
  qualityRating: 'GREEN',
  messagingLimitTier: 'TIER_250',
  codeVerificationStatus: 'VERIFIED',
  ...fields,
});

describe('profileState: "Use this profile" never calls an unverified number connected', () => {
  it.each([
    [{ codeVerificationStatus: 'NOT_VERIFIED', status: 'PENDING' }, 'unverified'],
    [{ codeVerificationStatus: 'EXPIRED', status: 'PENDING' }, 'unverified'],
    [{ codeVerificationStatus: 'VERIFIED', status: 'PENDING' }, 'unverified'],
    [{ codeVerificationStatus: 'VERIFIED', status: 'PENDING', pinHash: 'x' }, 'pending'],
    [{ codeVerificationStatus: 'VERIFIED', status: 'DISCONNECTED', pinHash: 'x' }, 'unverified'],
    [{ codeVerificationStatus: 'VERIFIED', status: 'CONNECTED' }, 'connected'],
  ] as const)('%o → %s', (fields, state) => {
    expect(profileState(phone(fields as Partial<SimPhoneNumber>))).toBe(state);
  });
});
