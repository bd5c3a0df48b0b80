import { useEffect, useState } from 'preact/hooks';
import { api, apiPage } from '../api.ts';
import { formatTime, t } from '../i18n.ts';
import type { AdminUser, AuditEntry } from '../types.ts';
import { Card, Empty, ErrorText, useLoad } from '../ui.tsx';

const RESOURCES = [
  'channels',
  'roles',
  'users',
  'skills',
  'custom-components',
  'rich-messages',
  'canned-responses',
  'routing-scripts',
  'routing-queues',
  'closure-reasons',
  'unavailable-reasons',
  'settings',
] as const;
const PAGE = 100;

/** A local date (`YYYY-MM-DD` from a date input) as epoch milliseconds at its start or its end. */
const dayBound = (date: string, end: boolean) =>
  date ? new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`).getTime() : undefined;

/** The audit log: who changed what (field by field), and when; filtered by resource, user and dates, in pages. */
export function AuditPage() {
  const [resource, setResource] = useState('');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const admins = useLoad(() => api<AdminUser[]>('/api/admin/users'));

  const query = (cursor?: string) => {
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (resource) params.set('resource', resource);
    if (actorId) params.set('actorId', actorId);
    const since = dayBound(from, false);
    const until = dayBound(to, true);
    if (since !== undefined) params.set('from', String(since));
    if (until !== undefined) params.set('to', String(until));
    if (cursor) params.set('cursor', cursor);
    return `/api/admin/audit?${params}`;
  };
  const load = async (cursor?: string) => {
    try {
      const page = await apiPage<AuditEntry[]>(query(cursor));
      setEntries((shown) => (cursor ? [...(shown ?? []), ...page.data] : page.data));
      setNext(page.next);
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  // A new filter starts again from the first page.
  useEffect(() => {
    load();
  }, [resource, actorId, from, to]);

  return (
    <Card title={t('auditLog')} testid="audit-page">
      <div class="inline filters">
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
        <select
          aria-label={t('filterByUser')}
          data-testid="audit-user"
          value={actorId}
          onChange={(e) => setActorId(e.currentTarget.value)}
        >
          <option value="">{t('everyone')}</option>
          {(admins.data ?? [])
            .filter((user) => user.role === 'admin')
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
        </select>
        <label>
          {t('fromDate')}{' '}
          <input type="date" data-testid="audit-from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t('toDate')}{' '}
          <input type="date" data-testid="audit-to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
      </div>
      <ErrorText message={error} />
      {entries?.length === 0 && <Empty>{t('noChanges')}</Empty>}
      {entries && entries.length > 0 && (
        <table class="list">
          <thead>
            <tr>
              <th>{t('when')}</th>
              <th>{t('who')}</th>
              <th>{t('what')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-entry">
                <td class="nowrap">{formatTime(entry.at)}</td>
                <td>{entry.actorName}</td>
                <td>
                  <span class={`badge ${entry.action === 'delete' ? 'danger' : entry.action === 'create' ? 'ok' : ''}`}>
                    {t(entry.action)}
                  </span>{' '}
                  {entry.summary}
                  {entry.changes && (
                    <ul class="changes" data-testid="audit-changes">
                      {entry.changes.map((change) => (
                        <li key={change.field}>
                          <code>{change.field}</code>: <del>{change.before}</del> → <ins>{change.after}</ins>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" class="secondary" data-testid="audit-more" onClick={() => load(next)}>
          {t('loadMore')}
        </button>
      )}
    </Card>
  );
}
