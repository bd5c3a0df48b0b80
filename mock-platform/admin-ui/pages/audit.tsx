import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { formatTime, t } from '../i18n.ts';
import type { AuditEntry } from '../types.ts';
import { Card, Empty, ErrorText, useLoad } from '../ui.tsx';

const RESOURCES = [
  'channels',
  'roles',
  'users',
  'skills',
  'custom-components',
  'rich-messages',
  'routing-scripts',
  'routing-queues',
  'closure-reasons',
  'settings',
];

/** The audit log: who changed what, and when. */
export function AuditPage() {
  const [resource, setResource] = useState('');
  const log = useLoad(
    () => api<AuditEntry[]>(`/api/admin/audit?limit=500${resource ? `&resource=${resource}` : ''}`),
    [resource],
  );
  return (
    <Card
      title={t('auditLog')}
      testid="audit-page"
      actions={
        <select
          aria-label={t('filterByResource')}
          value={resource}
          onChange={(e) => setResource(e.currentTarget.value)}
        >
          <option value="">{t('everything')}</option>
          {RESOURCES.map((r) => (
            <option key={r} value={r}>
              {t(`res_${r}`)}
            </option>
          ))}
        </select>
      }
    >
      <ErrorText message={log.error} />
      {log.data?.length === 0 && <Empty>{t('noChanges')}</Empty>}
      {log.data && log.data.length > 0 && (
        <table class="list">
          <thead>
            <tr>
              <th>{t('when')}</th>
              <th>{t('who')}</th>
              <th>{t('what')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.map((entry) => (
              <tr key={entry.id} data-testid="audit-entry">
                <td class="nowrap">{formatTime(entry.at)}</td>
                <td>{entry.actorName}</td>
                <td>
                  <span class={`badge ${entry.action === 'delete' ? 'danger' : entry.action === 'create' ? 'ok' : ''}`}>
                    {t(entry.action)}
                  </span>{' '}
                  {entry.summary}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
