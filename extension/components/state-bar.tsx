import type { AgentStatus } from '../../shared/api/schemas.ts';
import { t } from '../utils/i18n.ts';

const labels = { available: 'available', unavailable: 'unavailable', rona: 'rona' } as const;

/** The agent's state with the one action that changes it. */
export function StateBar({
  status,
  connected,
  displayName,
  onChange,
  onSignOut,
}: {
  status: AgentStatus | undefined;
  connected: boolean;
  displayName: string;
  onChange: (state: 'available' | 'unavailable') => void;
  onSignOut: () => void;
}) {
  const state = status?.state ?? 'unavailable';
  return (
    <header class="state-bar">
      <div class="who">
        <span class={`dot ${state}`} aria-hidden="true" />
        <div>
          <div class="name">{displayName}</div>
          <div class="state" data-testid="agent-state" data-state={state}>
            {t(labels[state])}
          </div>
        </div>
      </div>
      <div class="actions">
        {state === 'available' ? (
          <button type="button" onClick={() => onChange('unavailable')} data-testid="go-unavailable">
            {t('goUnavailable')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => onChange('available')} data-testid="go-available">
            {t('goAvailable')}
          </button>
        )}
        <button type="button" class="link" onClick={onSignOut} data-testid="sign-out">
          {t('signOut')}
        </button>
      </div>
      {state === 'rona' && (
        <div class="banner rona" role="alert" data-testid="rona-notice">
          {t('ronaNotice')}
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
