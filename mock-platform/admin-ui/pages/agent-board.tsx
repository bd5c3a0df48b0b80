import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { formatDuration, useBoard, useServerNow } from '../live-board.ts';
import { Card, Empty, ErrorText } from '../ui.tsx';
import { MakeUnavailable } from './make-unavailable.tsx';
import { LiveStatus, reasonName } from './queue-board.tsx';

const percent = (met: number, breached: number) =>
  met + breached === 0 ? '—' : `${Math.round((met / (met + breached)) * 100)}%`;

/**
 * The agent board: each agent's state and reason with how long, her load, today's work and
 * first-response SLA; a supervisor can make her Unavailable or sign her out.
 */
export function AgentBoardPage() {
  const { board, offset, live } = useBoard();
  const now = useServerNow(offset);
  const [error, setError] = useState<string | undefined>(undefined);
  const act = async (path: string, body?: unknown) => {
    try {
      await api(path, { method: 'POST', body });
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <div data-testid="agent-board">
      <Card title={t('agentBoard')} actions={<LiveStatus live={live} board={board} />}>
        <ErrorText message={error} />
        {board && board.agents.length === 0 && <Empty>{t('noAgents')}</Empty>}
        {board && board.agents.length > 0 && (
          <table class="list" data-testid="agents">
            <thead>
              <tr>
                <th>{t('agentCol')}</th>
                <th>{t('state')}</th>
                <th>{t('forDuration')}</th>
                <th>{t('open_conversations')}</th>
                <th>{t('handledToday')}</th>
                <th>{t('averageHandle')}</th>
                <th>{t('firstResponseMet')}</th>
                <th>{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {board.agents.map((agent) => (
                <tr key={agent.id} data-testid="agent-row" data-id={agent.id}>
                  <td>{agent.displayName}</td>
                  <td data-testid="a-state">
                    {agent.state === 'available'
                      ? t('stateAvailable')
                      : agent.state === 'rona'
                        ? t('stateRona')
                        : t('stateUnavailable')}
                    {agent.reason && agent.reason !== 'none' && agent.state !== 'rona' && (
                      <span class="muted" data-testid="a-reason">
                        {' '}
                        · {reasonName(board, agent.reason)}
                      </span>
                    )}
                    {agent.afterContactWork && <span class="badge warn"> {t('acwShort')}</span>}
                  </td>
                  <td>{agent.since ? formatDuration(now - agent.since) : '—'}</td>
                  <td data-testid="a-open">
                    {agent.openConversations}/{agent.capacity}
                  </td>
                  <td data-testid="a-handled">{agent.handledToday}</td>
                  <td>{agent.averageHandleMs !== undefined ? formatDuration(agent.averageHandleMs) : '—'}</td>
                  <td>{percent(agent.firstResponse.met, agent.firstResponse.breached)}</td>
                  <td class="nowrap">
                    <MakeUnavailable
                      agentName={agent.displayName}
                      reasons={board.unavailableReasons}
                      disabled={agent.state !== 'available'}
                      onConfirm={(reasonId) =>
                        act(
                          `/api/supervisor/agents/${encodeURIComponent(agent.id)}/unavailable`,
                          reasonId ? { reasonId } : undefined,
                        )
                      }
                    />{' '}
                    <button
                      type="button"
                      class="link"
                      disabled={!agent.signedIn}
                      onClick={() => {
                        if (confirm(t('confirmSignOut', { name: agent.displayName })))
                          void act(`/api/supervisor/agents/${encodeURIComponent(agent.id)}/sign-out`);
                      }}
                      data-testid="sign-out-agent"
                    >
                      {t('signOutAgent')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
