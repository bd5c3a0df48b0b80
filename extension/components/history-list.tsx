import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../../shared/api/schemas.ts';
import { initials } from '../../shared/initials.ts';
import { formatPhone } from '../../shared/phone-format.ts';
import type { ContextApi } from '../utils/context-api.ts';
import { locale, t } from '../utils/i18n.ts';
import { PastConversationView } from './past-conversation.tsx';
import './history-list.css';

/** The agent's interaction history, searchable (masked by the platform when masking is on). */
export function HistoryList({
  load,
  open,
}: {
  load: (search: string) => Promise<HistoryEntry[]>;
  /** Opens an entry read-only (transcript with its media, closure reason, wrap-up note). */
  open?: Pick<ContextApi, 'past' | 'pastMedia'>;
}) {
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState<string | undefined>();
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();

  useEffect(() => {
    let current = true;
    // Wait for a pause in typing before asking the platform.
    const timer = setTimeout(() => {
      void load(search).then((found) => {
        if (current) setEntries(found);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search]);

  if (open && opened) {
    return (
      <PastConversationView
        key={opened}
        load={() => open.past(opened)}
        loadMedia={(mediaId) => open.pastMedia(opened, mediaId)}
        onBack={() => setOpened(undefined)}
      />
    );
  }
  return (
    <section class="history" data-testid="history" aria-label={t('history')}>
      <input
        type="search"
        placeholder={t('searchHistory')}
        aria-label={t('searchHistory')}
        value={search}
        onInput={(event) => setSearch(event.currentTarget.value)}
        data-testid="history-search"
      />
      {entries?.length === 0 && <p class="empty">{t('noHistory')}</p>}
      <ul>
        {entries?.map((entry) => (
          <li key={`${entry.conversationId}:${entry.endedAt}`} class="history-entry" data-testid="history-entry">
            <span class="avatar" aria-hidden="true">
              {initials(entry.customerName)}
            </span>
            <div>
              {open ? (
                <button
                  type="button"
                  class="link task-title"
                  onClick={() => setOpened(entry.conversationId)}
                  data-testid="history-open"
                >
                  {entry.customerName}
                </button>
              ) : (
                <div class="task-title">{entry.customerName}</div>
              )}
              <div class="task-preview">
                {formatPhone(entry.customerNumber)} · {entry.queueName} ·{' '}
                {new Date(entry.endedAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
              </div>
              <div class="history-outcome">
                {t(
                  entry.reason === 'end'
                    ? 'historyEnded'
                    : entry.reason === 'transfer'
                      ? 'historyTransferred'
                      : 'historyLeft',
                )}
                {entry.closureReason ? ` · ${entry.closureReason}` : ''}
              </div>
              {entry.lastMessage && <div class="task-preview">{entry.lastMessage}</div>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
