import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationView, MessageView } from '../../shared/api/schemas.ts';
import { initials } from '../../shared/initials.ts';
import { isExchanged } from '../../shared/messages/exchanged.ts';
import { attentionChip, lastCustomerAt } from '../utils/attention.ts';
import { formatRemaining } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';
import { windowRange } from '../utils/window-range.ts';
import { AttentionChip } from './attention-chip.tsx';

/**
 * The newest customer or agent message, from the transcript loaded here or from the platform's
 * view (both masked), as one line: "You: …" for the agent's own words.
 */
export function previewOf(conversation: ConversationView, loaded: MessageView[] | undefined): string | undefined {
  const local = loaded?.findLast(isExchanged);
  const remote = conversation.lastMessage;
  const last =
    local && (!remote || local.timestamp >= remote.timestamp)
      ? { ...local, text: local.text || local.media?.filename || '', media: !!local.media }
      : remote;
  if (!last) return undefined;
  const text = last.text || (last.media ? t('photo') : '');
  return last.direction === 'outbound' ? `${t('you')}: ${text}` : text;
}

/** Every row is this tall (see .task in panel.css): the list renders only the rows in view. */
const ROW_HEIGHT = 52;

/**
 * The agent's conversations (in the order given: latest activity first), each with the customer,
 * how long ago the customer last wrote, the last message, its attention chip and unread count,
 * and which one is open. Windowed: with 500 conversations only the rows in view (and a few around
 * them) are in the DOM. `compact` shows the rows as one strip of names (the CSS does it), so the
 * open conversation keeps the height.
 */
export function TaskList({
  conversations,
  messages,
  selectedId,
  onSelect,
  available,
  unread = {},
  now,
  compact = false,
}: {
  conversations: ConversationView[];
  messages: Record<string, MessageView[]>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  available: boolean;
  /** Customer messages the agent has not seen, per conversation: the row is bold with the count. */
  unread?: Record<string, number>;
  /** The clock the ages and chips are counted from. */
  now: number;
  compact?: boolean;
}) {
  const list = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, [conversations.length > 0]);

  if (conversations.length === 0) {
    return (
      <p class="empty" data-testid="no-tasks">
        {available ? t('noTasksAvailable') : t('noTasks')}
      </p>
    );
  }
  // The strip is one row: every conversation fits in it (scrolled sideways), none is windowed out.
  const range = compact
    ? { start: 0, end: conversations.length, top: 0, bottom: 0 }
    : windowRange(conversations.length, ROW_HEIGHT, scrollTop, viewport);
  return (
    <nav
      class={`tasks ${compact ? 'compact' : ''}`}
      aria-label={t('tasks')}
      ref={list}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid="task-list"
      data-count={conversations.length}
    >
      <div style={{ height: `${range.top}px` }} aria-hidden="true" />
      {conversations.slice(range.start, range.end).map((conversation) => {
        const preview = previewOf(conversation, messages[conversation.id]);
        const count = unread[conversation.id] ?? 0;
        const wrote = lastCustomerAt(conversation, messages[conversation.id]);
        const chip = attentionChip(conversation, now);
        return (
          <button
            type="button"
            key={conversation.id}
            class={`task ${conversation.id === selectedId ? 'selected' : ''} ${count > 0 ? 'unread' : ''} ${chip ? `chip-${chip.kind === 'sla' && chip.overdue ? 'overdue' : 'soon'}` : ''}`}
            title={compact ? conversation.customerName : undefined}
            data-unread={count}
            aria-current={conversation.id === selectedId}
            onClick={() => onSelect(conversation.id)}
            data-testid="task"
          >
            <span class="avatar" aria-hidden="true">
              {initials(conversation.customerName)}
            </span>
            <span class="task-text">
              <span class="task-line">
                <span class="task-title">{conversation.customerName}</span>
                {wrote !== undefined && (
                  <span
                    class="task-age"
                    title={t('customerWroteAgo', { time: formatRemaining(now - wrote) })}
                    data-testid="task-age"
                  >
                    {formatRemaining(now - wrote)}
                  </span>
                )}
              </span>
              <span class="task-line">
                <span class="task-preview" dir="auto" data-testid="task-preview">
                  {preview ?? conversation.customerNumber}
                </span>
                {chip && <AttentionChip chip={chip} />}
              </span>
            </span>
            {count > 0 && (
              <span class="unread-count" data-testid="unread-count" title={t('unreadCount', { count: String(count) })}>
                {count}
              </span>
            )}
          </button>
        );
      })}
      <div style={{ height: `${range.bottom}px` }} aria-hidden="true" />
    </nav>
  );
}
