/** What the admin API answers: the platform's own record types, imported as types only (no zod in the bundle). */
import type { ChannelPermission } from '../../shared/api/permissions.ts';
import type { RoutingQueue } from '../../shared/routing/queues.ts';
import type { Condition, RoutingScript } from '../../shared/routing/script.ts';
import type { BusinessHours } from '../../shared/sla/business-hours.ts';
import type { PlatformSchema } from '../src/platform/records.ts';
import type { SlaReport } from '../src/platform/sla-report.ts';
import type { SupervisionBoard } from '../src/platform/supervision-board.ts';

export type { BusinessHours, ChannelPermission, Condition, RoutingQueue, RoutingScript, SlaReport, SupervisionBoard };
export type Channel = Omit<PlatformSchema['channels'], 'deletedAt'>;
export type Role = PlatformSchema['roles'];
export type Skill = PlatformSchema['skills'];
export type AdminUser = Omit<PlatformSchema['users'], 'passwordHash'>;
export type CustomComponent = PlatformSchema['customComponents'] & { legacy: boolean };
export type RichMessage = PlatformSchema['richMessages'];
export type CannedResponse = PlatformSchema['cannedResponses'];
export type ClosureReason = PlatformSchema['closureReasons'];
export type UnavailableReason = PlatformSchema['unavailableReasons'];
export type AuditEntry = PlatformSchema['audit'];
export type SlaPolicy = { firstResponseMs: number; resolutionMs: number };
export type Settings = {
  maskSensitiveData: boolean;
  sla: SlaPolicy;
  businessHours: BusinessHours;
  disconnectGraceSeconds: number;
  /** The settings' version (one per change): sent back with a change so none silently undoes another's. */
  version: number;
};
export type WhatsAppNumber = {
  phoneNumberId: string;
  phoneNumber: string;
  verifiedName: string;
  status: string;
  qualityRating: string;
  messagingLimitTier?: string;
  channelId?: string;
};
