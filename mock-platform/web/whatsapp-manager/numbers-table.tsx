import type { ManagerT } from './i18n.ts';
import type { ListedNumber, ManagerApi, Sent } from './manager-api.ts';

interface Props {
  api: ManagerApi;
  t: ManagerT;
  numbers: readonly ListedNumber[];
  onDone: (sent: Sent<unknown>) => void;
}

/** The numbers with their quality rating and messaging limit (CH-8), and a pending display name to review. */
export function NumbersTable({ api, t, numbers, onDone }: Props) {
  return (
    <table data-testid="numbers">
      <thead>
        <tr>
          <th>{t('number')}</th>
          <th>{t('displayName')}</th>
          <th>{t('status')}</th>
          <th>{t('quality')}</th>
          <th>{t('limit')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {numbers.map((n) => (
          <tr key={n.id}>
            <td>{n.phoneNumber}</td>
            <td>
              {n.newDisplayName ? `${n.verifiedName} → ${n.newDisplayName} (${n.newNameStatus})` : n.verifiedName}
            </td>
            <td>{n.status ?? ''}</td>
            <td>{n.qualityRating ?? ''}</td>
            <td>{n.messagingLimitTier ?? ''}</td>
            <td>
              <button type="button" onClick={async () => onDone(await api.rateNumber(n.id, true))}>
                {t('flag')}
              </button>
              <button type="button" onClick={async () => onDone(await api.rateNumber(n.id, false))}>
                {t('unflag')}
              </button>
              {n.newNameStatus === 'PENDING_REVIEW'
                ? (['APPROVED', 'DECLINED'] as const).map((decision) => (
                    <button
                      key={decision}
                      type="button"
                      data-testid={`name-${decision}`}
                      onClick={async () => onDone(await api.reviewName(n.id, decision))}
                    >
                      {t(decision === 'APPROVED' ? 'approveName' : 'declineName')}
                    </button>
                  ))
                : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
