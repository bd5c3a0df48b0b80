import { z } from 'zod';
import { businessHoursSchema } from '../../../shared/sla/business-hours.ts';
import type { Store } from '../store/store.ts';
import { DEFAULT_DISCONNECT_GRACE_SECONDS } from './presence.ts';
import { type PlatformSchema, settingsSchema, slaPolicySchema } from './records.ts';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_SLA } from './sla.ts';

/** The tenant settings as the admin API shows and takes them: every value, defaults filled in. */
export const settingsViewSchema = z.object({
  maskSensitiveData: z.boolean(),
  sla: slaPolicySchema,
  businessHours: businessHoursSchema,
  /** Seconds an agent's event streams may be gone before she is made Unavailable ("disconnected"). */
  disconnectGraceSeconds: settingsSchema.shape.disconnectGraceSeconds.unwrap(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** The settings in force: the stored row with the defaults for what it leaves out. */
export function currentSettings(store: Store<PlatformSchema>): SettingsView {
  const settings = store.get('settings', 'tenant');
  return {
    maskSensitiveData: settings?.maskSensitiveData ?? false,
    sla: settings?.sla ?? DEFAULT_SLA,
    businessHours: settings?.businessHours ?? DEFAULT_BUSINESS_HOURS,
    disconnectGraceSeconds: settings?.disconnectGraceSeconds ?? DEFAULT_DISCONNECT_GRACE_SECONDS,
  };
}
