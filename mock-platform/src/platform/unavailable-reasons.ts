import type { UnavailableReasonView } from '../../../shared/api/schemas.ts';
import type { PlatformContext } from './context.ts';

/** Reasons the platform sets on its own; administrators' reasons never take these ids. */
export const SYSTEM_REASONS = {
  disconnected: { id: 'disconnected', name: 'Disconnected', nameEs: 'Desconectado', system: true },
  'signed-out': { id: 'signed-out', name: 'Signed out', nameEs: 'Sesión cerrada', system: true },
} as const satisfies Record<string, UnavailableReasonView>;
export type SystemReasonId = keyof typeof SYSTEM_REASONS;

export function isSystemReason(id: string): id is SystemReasonId {
  return Object.hasOwn(SYSTEM_REASONS, id);
}

/** The reason as agents see it; undefined when it is unknown (e.g. deleted since). */
export function reasonView(_ctx: PlatformContext, id: string): UnavailableReasonView | undefined {
  if (isSystemReason(id)) return { ...SYSTEM_REASONS[id] };
  return undefined;
}
