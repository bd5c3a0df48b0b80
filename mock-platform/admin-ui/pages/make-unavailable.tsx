import { useState } from 'preact/hooks';
import { language, t } from '../i18n.ts';
import './make-unavailable.css';

type Reason = { id: string; name: string; nameEs: string };

/**
 * "Make Unavailable" on an agent's row: the supervisor picks one of the administrators' reasons
 * (Break, Lunch…; she sees it in her panel) or none, then confirms.
 */
export function MakeUnavailable({
  agentName,
  reasons,
  disabled,
  onConfirm,
}: {
  agentName: string;
  reasons: readonly Reason[];
  disabled: boolean;
  onConfirm: (reasonId: string | undefined) => Promise<void>;
}) {
  const [choosing, setChoosing] = useState(false);
  const [reasonId, setReasonId] = useState('');
  if (!choosing || disabled)
    return (
      <button
        type="button"
        class="link"
        disabled={disabled}
        onClick={() => setChoosing(true)}
        data-testid="make-unavailable"
      >
        {t('makeUnavailable')}
      </button>
    );
  return (
    <span class="unavailable-choice" data-testid="unavailable-choice">
      <select
        aria-label={t('unavailableReasonFor', { name: agentName })}
        value={reasonId}
        onChange={(event) => setReasonId(event.currentTarget.value)}
        data-testid="unavailable-reason"
      >
        <option value="">{t('noReason')}</option>
        {reasons.map((reason) => (
          <option key={reason.id} value={reason.id}>
            {language() === 'es' ? reason.nameEs : reason.name}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        onClick={async () => {
          await onConfirm(reasonId || undefined);
          setChoosing(false);
          setReasonId('');
        }}
        data-testid="confirm-unavailable"
      >
        {t('makeUnavailable')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => setChoosing(false)} data-testid="cancel-unavailable">
        {t('cancel')}
      </button>
    </span>
  );
}
