import { useState } from 'preact/hooks';
import { language, t } from '../i18n.ts';
import { formatDuration, useBoard, useServerNow } from '../live-board.ts';
import type { SupervisionBoard } from '../types.ts';
import { Card, Empty } from '../ui.tsx';
import { SupervisedConversation } from './supervised-conversation.tsx';
import './queue-board.css';

/** A reason's name in the UI's language. */
export function reasonName(board: SupervisionBoard, id: string): string {
  const reason = board.reasons.find((r) => r.id === id);
  if (!reason) return id;
  return language() === 'es' ? reason.nameEs : reason.name;
}

/** Live or reconnecting, and whether customer data is masked. */
export function LiveStatus({ live, board }: { live: boolean; board: SupervisionBoard | undefined }) {
  return (
    <span class="muted">
      <span class={`badge ${live ? 'ok' : 'warn'}`} data-testid="live-status" data-live={live ? 'true' : 'false'}>
        {live ? t('live') : t('reconnecting')}
      </span>
      {board?.masked && <span data-testid="masked-note"> {t('maskedNote')}</span>}
    </span>
  );
}

/**
 * The queue board: per skill and channel, what waits and who can take it, with SLA risk; below,
 * every open conversation, which a supervisor opens read-only to reassign or close it.
 */
export function QueueBoardPage() {
  const { board, offset, live } = useBoard();
  const now = useServerNow(offset);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  return (
    <div data-testid="queue-board">
      <Card title={t('queueBoard')} actions={<LiveStatus live={live} board={board} />}>
        {board && board.queues.length === 0 && <Empty>{t('noQueues')}</Empty>}
        {board && board.queues.length > 0 && (
          <table class="list" data-testid="queues">
            <thead>
              <tr>
                <th>{t('queue')}</th>
                <th>{t('waiting')}</th>
                <th>{t('longestWait')}</th>
                <th>{t('offered')}</th>
                <th>{t('inProgress')}</th>
                <th>{t('agentsAvailable')}</th>
                <th>{t('agentsAcw')}</th>
                <th>{t('agentsUnavailable')}</th>
                <th>{t('slaAtRisk')}</th>
                <th>{t('breachedToday')}</th>
              </tr>
            </thead>
            <tbody>
              {board.queues.map((row) => (
                <tr
                  key={`${row.skillId} ${row.channelId}`}
                  data-testid="queue-row"
                  data-skill={row.skillId}
                  data-channel={row.channelId}
                >
                  <td>
                    <strong>{row.skillName}</strong>
                    <div class="muted">{row.channelName}</div>
                  </td>
                  <td data-testid="q-waiting">{row.waiting}</td>
                  <td data-testid="q-longest">
                    {row.longestWaitingSince !== undefined ? formatDuration(now - row.longestWaitingSince) : '—'}
                  </td>
                  <td data-testid="q-offered">{row.offered}</td>
                  <td data-testid="q-active">{row.active}</td>
                  <td data-testid="q-available">{row.agents.available}</td>
                  <td data-testid="q-acw">{row.agents.afterContactWork}</td>
                  <td data-testid="q-unavailable">
                    {row.agents.unavailable.length === 0
                      ? '0'
                      : row.agents.unavailable.map((u) => `${reasonName(board, u.reason)}: ${u.count}`).join(', ')}
                  </td>
                  <td data-testid="q-at-risk" class={row.slaAtRisk ? 'warn' : ''}>
                    {row.slaAtRisk}
                  </td>
                  <td data-testid="q-breached" class={row.breachedToday ? 'bad' : ''}>
                    {row.breachedToday}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={t('openConversations')} testid="open-conversations">
        {board && board.conversations.length === 0 && <Empty>{t('noOpenConversations')}</Empty>}
        {board && board.conversations.length > 0 && (
          <table class="list">
            <thead>
              <tr>
                <th>{t('customer')}</th>
                <th>{t('queue')}</th>
                <th>{t('state')}</th>
                <th>{t('agentCol')}</th>
                <th>{t('forDuration')}</th>
                <th>SLA</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {board.conversations.map((conversation) => (
                <tr key={conversation.id} data-testid="live-conversation" data-id={conversation.id}>
                  <td>
                    {conversation.customerName}
                    <div class="muted">{conversation.customerNumber}</div>
                  </td>
                  <td>
                    {conversation.queueName}
                    <div class="muted">{conversation.channelName}</div>
                  </td>
                  <td data-testid="c-status">{t(`status_${conversation.status}`)}</td>
                  <td data-testid="c-agent">{conversation.agentName ?? '—'}</td>
                  <td>{formatDuration(now - conversation.waitingSince)}</td>
                  <td>
                    {conversation.sla.firstResponse.state === 'breached' ||
                    conversation.sla.resolution.state === 'breached' ? (
                      <span class="badge danger">{t('breached')}</span>
                    ) : conversation.atRisk ? (
                      <span class="badge warn">{t('atRisk')}</span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      onClick={() => setOpenId(conversation.id)}
                      data-testid="open-conversation"
                    >
                      {t('open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {board && openId && <SupervisedConversation id={openId} board={board} onClose={() => setOpenId(undefined)} />}
    </div>
  );
}
