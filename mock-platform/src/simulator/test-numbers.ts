import { randomInt } from 'node:crypto';
import { putSim as put, type SimPhoneNumber } from './records.ts';
import type { Simulator } from './simulator.ts';

/** The display name Meta gives its developer test numbers. */
export const TEST_NUMBER_NAME = 'Test Number';

/**
 * Adds one of Meta's developer test numbers to an account, as Meta does for an app's WhatsApp
 * product: a fictional `+1 555` number (libphonenumber calls it invalid, on purpose), registered
 * and CONNECTED at once, with no code to verify. The platform can make a channel of it like any
 * other number the Cloud API reports.
 */
export async function addTestNumber(simulator: Simulator, wabaId: string): Promise<SimPhoneNumber> {
  const taken = new Set(simulator.store.all('phoneNumbers').map((n) => n.phoneNumber));
  let phoneNumber: string;
  do phoneNumber = `+1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  while (taken.has(phoneNumber));
  const phone: SimPhoneNumber = {
    id: String(10 ** 14 + randomInt(0, 2 ** 47)),
    wabaId,
    phoneNumber,
    verifiedName: TEST_NUMBER_NAME,
    status: 'CONNECTED',
    qualityRating: 'GREEN',
    messagingLimitTier: 'TIER_250',
    codeVerificationStatus: 'VERIFIED',
    testNumber: true,
  };
  await simulator.store.commit([put('phoneNumbers', phone)]);
  return phone;
}
