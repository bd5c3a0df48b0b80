import type { AgentStatus, UnavailableReasonView } from '../../shared/api/schemas.ts';
import { formatElapsed } from '../utils/format.ts';
import { locale, t } from '../utils/i18n.ts';
import { useNow } from './use-now.ts';

const labels = { available: 'available', unavailable: 'unavailable', rona: 'rona', acw: 'acw' } as const;

/** A reason's name in the panel's language. */
export function reasonName(reason: Pick<UnavailableReasonView, 'name' | 'nameEs'>, language = locale): string {
  return language.toLowerCase().startsWith('es') ? reason.nameEs : reason.name;
}

/**
 * The agent's state, why (an Unavailable reason) and for how long, with what changes it: Go
 * Available / Go Unavailable, or an unavailable reason picked from the list.
 */
export function StateBar({
  status,
  connected,
  displayName,
  reasons,
  onChange,
  onSignOut,
  sound,
}: {
  status: AgentStatus | undefined;
  connected: boolean;
  displayName: string;
  /** The administrators' unavailable reasons (Break, Lunch…). */
  reasons: UnavailableReasonView[];
  onChange: (state: 'available' | 'unavailable', reasonId?: string) => void;
  onSignOut: () => void;
  /** The offer sound setting (off unless the agent turns it on). */
  sound?: { on: boolean; toggle: () => void };
}) {
  const now = useNow();
  const state = status?.state ?? 'unavailable';
  const reason = state === 'unavailable' ? status?.reason : undefined;
  // The list shows the reason she picked; a system one ("Disconnected") is not hers to pick.
  const picked = reason && !reason.system ? reason.id : '';
  return (
    <header class="state-bar">
      <div class="who">
        <span class={`dot ${state}`} aria-hidden="true" />
        <div>
          <div class="name">{displayName}</div>
          <div class="state" data-testid="agent-state" data-state={state}>
            {t(labels[state])}
            {reason && (
              <span data-testid="agent-state-reason" data-reason={reason.id}>
                {' · '}
                {reasonName(reason)}
              </span>
            )}
            {status && status.since > 0 && (
              <span class="duration" data-testid="agent-state-duration">
                {' · '}
                {state === 'acw' && status.until !== undefined
                  ? t('acwLeft', { time: formatElapsed(status.until - now) })
                  : formatElapsed(now - status.since)}
              </span>
            )}
          </div>
        </div>
      </div>
      <div class="actions">
        {state === 'available' || state === 'acw' ? (
          <button type="button" onClick={() => onChange('unavailable')} data-testid="go-unavailable">
            {t('goUnavailable')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => onChange('available')} data-testid="go-available">
            {t('goAvailable')}
          </button>
        )}
        {reasons.length > 0 && (
          <select
            aria-label={t('unavailableReason')}
            value={picked}
            onChange={(event) => {
              const id = event.currentTarget.value;
              if (id) onChange('unavailable', id);
            }}
            data-testid="unavailable-reason"
          >
            <option value="" disabled>
              {t('unavailableBecause')}
            </option>
            {reasons.map((option) => (
              <option key={option.id} value={option.id}>
                {reasonName(option)}
              </option>
            ))}
          </select>
        )}
        {sound && (
          <button
            type="button"
            class="link sound"
            aria-pressed={sound.on}
            title={sound.on ? t('offerSoundOn') : t('offerSoundOff')}
            aria-label={t('offerSound')}
            onClick={sound.toggle}
            data-testid="offer-sound"
          >
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
              <path
                fill="currentColor"
                d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1z"
              />
              {!sound.on && <path stroke="currentColor" stroke-width="2" d="M3 3l18 18" />}
            </svg>
          </button>
        )}
        <button type="button" class="link sign-out" onClick={onSignOut} data-testid="sign-out">
          {t('signOut')}
        </button>
      </div>
      {state === 'rona' && (
        <div class="banner rona" role="alert" data-testid="rona-notice">
          {t('ronaNotice')}
        </div>
      )}
      {state === 'acw' && (
        <div class="banner" role="status" data-testid="acw-notice">
          {t('acwNotice')}
        </div>
      )}
      {reason?.id === 'disconnected' && (
        <div class="banner" role="status" data-testid="disconnected-notice">
          {t('disconnectedNotice')}
        </div>
      )}
      {!connected && (
        <div class="banner" role="status" data-testid="connection">
          {status ? t('offline') : t('connecting')}
        </div>
      )}
    </header>
  );
}
