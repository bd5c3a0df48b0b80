import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { putSim, type SimulatorSchema } from './records.ts';

const onOff = z.enum(['enabled', 'disabled']);

/**
 * `POST /{phone-number-id}/settings`: exactly one feature per request, as Meta's reference says
 * (calling, user identity change, payload encryption or storage configuration).
 */
export const numberSettingsRequestSchema = z
  .strictObject({
    calling: z
      .looseObject({
        status: onOff,
        call_icon_visibility: z.enum(['visible', 'hidden', 'default', 'disable_all']).optional(),
        callback_permission_status: onOff.optional(),
        srtp_key_exchange_protocol: z.enum(['DTLS-SRTP', 'SDES-SRTP']).optional(),
        video: z.looseObject({ status: onOff }).optional(),
        sip: z.looseObject({ status: onOff }).optional(),
      })
      .optional(),
    user_identity_change: z.strictObject({ enabled: z.boolean() }).optional(),
    payload_encryption: z
      .strictObject({ status: onOff, client_encryption_key: z.string().min(1).optional() })
      .refine((p) => p.status === 'disabled' || p.client_encryption_key !== undefined, {
        message: 'client_encryption_key is required when enabling encryption',
        path: ['client_encryption_key'],
      })
      .optional(),
    storage_configuration: z
      .strictObject({ enabled: z.boolean(), region: z.string().min(2).max(8).optional() })
      .refine((s) => !s.enabled || s.region !== undefined, {
        message: 'region is required when enabling local storage',
        path: ['region'],
      })
      .optional(),
  })
  .refine((body) => Object.keys(body).length === 1, {
    message: 'give exactly one of calling, user_identity_change, payload_encryption, storage_configuration',
  });

export type NumberSettingsRequest = z.infer<typeof numberSettingsRequestSchema>;

/** Applies one feature setting to a number (the others keep what they had). */
export async function updateNumberSettings(
  store: Store<SimulatorSchema>,
  phoneNumberId: string,
  request: NumberSettingsRequest,
): Promise<void> {
  const current = store.get('numberSettings', phoneNumberId) ?? { id: phoneNumberId };
  const next = { ...current };
  if (request.calling) next.calling = { ...current.calling, ...request.calling };
  if (request.user_identity_change) next.userIdentityChange = request.user_identity_change;
  if (request.payload_encryption) {
    const key = request.payload_encryption.client_encryption_key;
    next.payloadEncryption = {
      status: request.payload_encryption.status,
      ...(key ? { fingerprint: `SHA256:${createHash('sha256').update(key).digest('hex').slice(0, 16)}` } : {}),
    };
  }
  if (request.storage_configuration) next.storageConfiguration = request.storage_configuration;
  await store.commit([putSim('numberSettings', next)]);
}

/** `GET /{phone-number-id}/settings`, in the shape of Meta's `PhoneNumberSettingsResponse`. */
export function numberSettingsView(settings: SimulatorSchema['numberSettings'] | undefined) {
  const calling = settings?.calling ?? {};
  const storage = settings?.storageConfiguration;
  const encryption = settings?.payloadEncryption;
  return {
    calling: {
      status: 'disabled',
      call_icon_visibility: 'visible',
      callback_permission_status: 'disabled',
      ...calling,
      ip_addresses: { default: ['127.0.0.1'] },
    },
    payload_encryption: {
      status: encryption?.status ?? 'disabled',
      ...(encryption?.fingerprint ? { client_encryption_key_fingerprint: encryption.fingerprint } : {}),
    },
    storage_configuration: storage?.enabled
      ? { status: 'in_country_storage_enabled', data_localization_region: storage.region }
      : { status: 'default' },
    ...(settings?.userIdentityChange ? { user_identity_change: settings.userIdentityChange } : {}),
  };
}
