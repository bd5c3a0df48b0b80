import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../../shared/clock.ts';
import { isMetaTestNumber, parsePhone } from '../../../shared/phone.ts';
import { ApiError, invalidRequest } from '../http/errors.ts';
import { checkProfilePicture, PROFILE_PICTURE_MAX_BYTES, VERTICALS } from './business-profile.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, type SimPhoneNumber } from './records.ts';
import { isRegistered } from './registration.ts';
import type { Simulator } from './simulator.ts';

/**
 * WhatsApp's Embedded Signup as the reference orders it (CH-1 … CH-5): business details (create or
 * select a WhatsApp Business account), the WhatsApp Business profile (display name, category,
 * description, optional website and logo), the phone number (E.164, not already on the API, not a
 * personal WhatsApp account) with a code by SMS or voice, then registration. The number waits for
 * WhatsApp's approval (PENDING) for a configurable time before it is CONNECTED.
 */

export const businessDetailsSchema = z.union([
  z.object({ wabaId: z.string().min(1) }),
  z.object({
    /** CH-2: the Facebook Business Manager ID, the main office's time zone and a contact e-mail. */
    businessManagerId: z
      .string()
      .trim()
      .regex(/^\d{5,20}$/, 'the Facebook Business Manager ID is 5 to 20 digits (Business settings → Business info)'),
    name: z.string().trim().min(1, 'the business name is required').max(120),
    timeZone: z
      .string()
      .refine(isTimeZone, 'the time zone of the main office must be an IANA name such as Europe/Madrid'),
    email: z.email('the contact e-mail must be an address such as ventas@example.com'),
    website: z.url({ protocol: /^https?$/, error: 'website must be an http(s) URL (a website or profile page)' }),
    country: z.string().regex(/^[A-Z]{2}$/, 'country must be a two-letter code such as ES'),
    address: z.string().max(256).optional(),
  }),
]);

/** The profile step's body: a 5 MB logo as base64 (4/3 of its size) plus the form's fields. */
export const MAX_SIGNUP_NUMBER_BODY_BYTES = Math.ceil((PROFILE_PICTURE_MAX_BYTES * 4) / 3) + 64 * 1024;
export const LOGO_TOO_LARGE = 'the logo must be at most 5 MB';

export const numberSignupSchema = z.object({
  wabaId: z.string().min(1, 'choose a WhatsApp Business account'),
  phoneNumber: z.string().min(1, 'the phone number is required'),
  displayName: z.string().trim().min(3, 'the display name must be 3 to 512 characters').max(512),
  category: z.enum(VERTICALS, { error: 'choose a category' }),
  description: z.string().max(256, 'the description must be at most 256 characters').optional(),
  website: z.url({ protocol: /^https?$/, error: 'website must be an http(s) URL' }).optional(),
  /** The logo, base64 (square JPEG or PNG, at most 5 MB). */
  logo: z.object({ data: z.base64('logo.data must be base64'), mimeType: z.string() }).optional(),
  method: z.enum(['SMS', 'VOICE']),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** The Cloud API's refusals, as the wizard's field errors (429 stays 429: a lockout). */
async function asFieldError<T>(path: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof MetaError)) throw error;
    const message = error.details ?? error.message;
    throw new ApiError(
      error.status === 429 ? 429 : 400,
      error.status === 429 ? 'locked' : 'validation_failed',
      `${path}: ${message}`,
      [{ path, message }],
    );
  }
}

/** A `+1 555` number typed into the signup: Meta hands those out, nobody registers one with a code. */
export const TEST_NUMBER_REFUSAL =
  '+1 555 numbers are Meta’s test numbers: they cannot receive a code; add one from WhatsApp Manager (Add a test number)';

export class Onboarding {
  constructor(
    private readonly simulator: Simulator,
    private readonly clock: Clock,
    private readonly approvalMs: number,
  ) {}

  async business(details: z.infer<typeof businessDetailsSchema>): Promise<{ wabaId: string; name: string }> {
    const { store } = this.simulator;
    if ('wabaId' in details) {
      const waba = store.get('wabas', details.wabaId);
      if (!waba)
        throw invalidRequest([{ path: 'wabaId', message: `${details.wabaId} is not a WhatsApp Business account` }]);
      return { wabaId: waba.id, name: waba.name };
    }
    const wabaId = String(10 ** 14 + randomInt(0, 2 ** 47));
    await store.commit([
      put('wabas', {
        id: wabaId,
        name: details.name,
        businessManagerId: details.businessManagerId,
        timeZone: details.timeZone,
        email: details.email,
        website: details.website,
        country: details.country,
        ...(details.address ? { address: details.address } : {}),
      }),
    ]);
    return { wabaId, name: details.name };
  }

  /** Checks everything, creates the number with its profile, and sends the code. */
  async number(input: z.infer<typeof numberSignupSchema>): Promise<{ phoneNumberId: string; phoneNumber: string }> {
    const { store } = this.simulator;
    if (!store.get('wabas', input.wabaId)) {
      throw invalidRequest([{ path: 'wabaId', message: `${input.wabaId} is not a WhatsApp Business account` }]);
    }
    const parsed = parsePhone(input.phoneNumber);
    if (!parsed.ok && isMetaTestNumber(input.phoneNumber)) {
      throw invalidRequest([{ path: 'phoneNumber', message: TEST_NUMBER_REFUSAL }]);
    }
    if (!parsed.ok) {
      throw invalidRequest([
        { path: 'phoneNumber', message: `${parsed.reason}: enter it in international format, e.g. +1 614 555 1234` },
      ]);
    }
    // Only a number that got as far as registration is "used with the WhatsApp Business API": one
    // whose code expired, was mistyped or abandoned starts again here (a lockout still lasts its hour).
    const earlier = store.all('phoneNumbers').find((number) => number.phoneNumber === parsed.e164);
    const unfinished =
      earlier &&
      earlier.wabaId === input.wabaId &&
      !isRegistered(earlier) &&
      earlier.pinHash === undefined &&
      earlier.status === 'PENDING';
    if (earlier && !unfinished) {
      throw invalidRequest([
        { path: 'phoneNumber', message: 'this number is already used with the WhatsApp Business API' },
      ]);
    }
    // A number that chats as a customer is a personal WhatsApp account.
    if (store.all('messages').some((message) => message.customerWaId === parsed.waId)) {
      throw invalidRequest([
        {
          path: 'phoneNumber',
          message: 'this number is still registered to a personal WhatsApp account: delete that account first',
        },
      ]);
    }
    const id = earlier?.id ?? String(10 ** 14 + randomInt(0, 2 ** 47));
    const phone: SimPhoneNumber = {
      id,
      wabaId: input.wabaId,
      phoneNumber: parsed.e164,
      verifiedName: input.displayName,
      status: 'PENDING',
      qualityRating: 'UNKNOWN',
      messagingLimitTier: 'TIER_250',
      codeVerificationStatus: 'NOT_VERIFIED',
    };
    let pictureMediaId: string | undefined;
    if (input.logo) {
      const bytes = Buffer.from(input.logo.data, 'base64');
      try {
        pictureMediaId = (await this.simulator.media.upload(id, { bytes, type: input.logo.mimeType })).id;
        checkProfilePicture(this.simulator.media, pictureMediaId);
      } catch (error) {
        if (pictureMediaId) await this.simulator.media.remove(pictureMediaId);
        if (error instanceof MetaError)
          throw invalidRequest([{ path: 'logo', message: error.details ?? error.message }]);
        throw error;
      }
    }
    await store.commit([
      put('phoneNumbers', phone),
      put('businessProfiles', {
        id,
        vertical: input.category,
        ...(input.description ? { description: input.description } : {}),
        ...(input.website ? { websites: [input.website] } : {}),
        ...(pictureMediaId ? { pictureMediaId } : {}),
      }),
    ]);
    await asFieldError('phoneNumber', () => this.simulator.registration.requestCode(phone, input.method));
    return { phoneNumberId: id, phoneNumber: parsed.e164 };
  }

  /** Verifies the code and registers the number; WhatsApp approves it after the configured delay. */
  async verify(phoneNumberId: string, code: string): Promise<{ status: string; approvesAt: number }> {
    const phone = await asFieldError('phoneNumberId', async () => this.simulator.phoneNumber(phoneNumberId));
    await asFieldError('code', () => this.simulator.registration.verifyCode(phone, code));
    const verified = this.simulator.phoneNumber(phoneNumberId);
    await this.simulator.registration.register(verified, String(randomInt(0, 1_000_000)).padStart(6, '0'));
    const approvesAt = this.clock.now() + this.approvalMs;
    const registered = this.simulator.phoneNumber(phoneNumberId);
    await this.simulator.store.commit([put('phoneNumbers', { ...registered, status: 'PENDING', approvesAt })]);
    return { status: 'PENDING', approvesAt };
  }
}
