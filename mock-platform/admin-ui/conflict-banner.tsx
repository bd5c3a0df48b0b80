import { t } from './i18n.ts';

/**
 * Another administrator changed what this one is editing: their changes (who, when, what), and the
 * two ways on: take their version (this draft is discarded) or keep this draft, knowingly.
 */
export function ConflictBanner({
  changes,
  onReload,
  onKeep,
}: {
  changes: string[];
  onReload: () => void;
  onKeep: () => void;
}) {
  return (
    <div class="banner error" role="alert" data-testid="conflict">
      <p>{t('conflict')}</p>
      <ul>
        {changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      <button type="button" data-testid="conflict-reload" onClick={onReload}>
        {t('conflictReload')}
      </button>{' '}
      <button type="button" class="secondary" data-testid="conflict-keep" onClick={onKeep}>
        {t('conflictKeep')}
      </button>
    </div>
  );
}
