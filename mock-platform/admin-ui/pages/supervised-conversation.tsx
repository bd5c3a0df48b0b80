import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, api } from '../api.ts';
import { formatTime, t } from '../i18n.ts';
import type { SupervisionBoard } from '../types.ts';
import { Card, Empty, ErrorText, SelectField, TextField } from '../ui.tsx';
import './supervised-conversation.css';

type Message = { id: string; direction: 'inbound' | 'outbound' | 'system'; text: string; timestamp: number };
type Read = {
  conversation: {
    id: string;
    customerName: string;
    customerNumber: string;
    queueName: string;
    status: 'queued' | 'offered' | 'active' | 'ended';
    agentName?: string;
  };
  messages: Message[];
};
type Errors = Record<string, string>;

/**
 * One conversation as a supervisor sees it: its transcript, read-only (reloaded with every board,
 * so it follows the customer live), and the two actions on it: reassign, close.
 */
export function SupervisedConversation({
  id,
  board,
  onClose,
}: {
  id: string;
  board: SupervisionBoard;
  onClose: () => void;
}) {
  const [read, setRead] = useState<Read | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    api<Read>(`/api/supervisor/conversations/${encodeURIComponent(id)}`).then(
      (value) => {
        setRead(value);
        setError(undefined);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [id, board.now]);
  const conversation = read?.conversation;
  const ended = conversation?.status === 'ended';
  return (
    <Card
      title={t('conversationTitle', { name: conversation?.customerName ?? '…' })}
      testid="supervised-conversation"
      actions={
        <button type="button" class="link" onClick={onClose} data-testid="close-panel">
          {t('close')}
        </button>
      }
    >
      <ErrorText message={error} />
      {conversation && (
        <p class="muted">
          {conversation.customerNumber} · {t('inQueue')}: {conversation.queueName} · {t('agentNow')}:{' '}
          {conversation.agentName ?? '—'} ·{' '}
          <span data-testid="supervised-status">{t(`status_${conversation.status}`)}</span>
        </p>
      )}
      <p class="hint">{t('readOnly')}</p>
      <h3>{t('transcript')}</h3>
      {read && read.messages.length === 0 && <Empty>{t('noMessages')}</Empty>}
      <ol class="transcript" data-testid="supervised-transcript">
        {read?.messages.map((message) => (
          <li key={message.id} class={`msg ${message.direction}`} data-testid="supervised-message">
            <span class="muted">
              {message.direction === 'inbound'
                ? t('customerSide')
                : message.direction === 'outbound'
                  ? t('agentSide')
                  : t('system')}{' '}
              · {formatTime(message.timestamp)}
            </span>
            <div>{message.text}</div>
          </li>
        ))}
      </ol>
      {!ended && conversation && <Reassign id={id} board={board} />}
      {!ended && conversation && <CloseForm id={id} board={board} />}
    </Card>
  );
}

async function act(
  path: string,
  body: unknown,
  set: { error: (m: string | undefined) => void; errors: (e: Errors) => void; done: (m: string) => void },
) {
  try {
    await api(path, { method: 'POST', body });
    set.error(undefined);
    set.errors({});
    return true;
  } catch (failure) {
    set.error(failure instanceof Error ? failure.message : String(failure));
    set.errors(failure instanceof ApiFailure ? failure.fieldErrors : {});
    return false;
  }
}

function Reassign({ id, board }: { id: string; board: SupervisionBoard }) {
  const [kind, setKind] = useState<'agent' | 'queue'>('agent');
  const [agentId, setAgentId] = useState('');
  const [skillId, setSkillId] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setDone('');
    const ok = await act(
      `/api/supervisor/conversations/${encodeURIComponent(id)}/reassign`,
      kind === 'agent' ? { agentId } : { skillId },
      { error: setError, errors: setErrors, done: setDone },
    );
    if (ok) setDone(t('reassignDone'));
  };
  return (
    <form class="form inline-form" onSubmit={submit} data-testid="reassign-form">
      <h3>{t('reassign')}</h3>
      <div class="segmented" role="radiogroup" aria-label={t('reassignTo')}>
        {(['agent', 'queue'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="reassign-kind"
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
              data-testid={`reassign-to-${option}`}
            />{' '}
            {option === 'agent' ? t('toAgent') : t('toQueue')}
          </label>
        ))}
      </div>
      {kind === 'agent' ? (
        <SelectField
          label={t('agentCol')}
          name="agentId"
          value={agentId}
          placeholder={t('chooseAgent')}
          options={board.agents.map((agent) => ({
            value: agent.id,
            label: `${agent.displayName} · ${agent.state === 'available' ? t('stateAvailable') : t('stateUnavailable')} · ${agent.load}/${agent.capacity}`,
          }))}
          onChange={setAgentId}
          errors={errors}
        />
      ) : (
        <SelectField
          label={t('queue')}
          name="skillId"
          value={skillId}
          placeholder={t('chooseQueue')}
          options={board.skills.map((skill) => ({ value: skill.id, label: skill.name }))}
          onChange={setSkillId}
          errors={errors}
        />
      )}
      <ErrorText message={error} />
      <div class="form-actions">
        <button type="submit" data-testid="reassign-submit">
          {t('reassign')}
        </button>
        <span role="status" data-testid="reassign-done">
          {done}
        </span>
      </div>
    </form>
  );
}

function CloseForm({ id, board }: { id: string; board: SupervisionBoard }) {
  const [closureReasonId, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await act(
      `/api/supervisor/conversations/${encodeURIComponent(id)}/close`,
      { closureReasonId, ...(note.trim() ? { note: note.trim() } : {}) },
      { error: setError, errors: setErrors, done: setDone },
    );
    if (ok) setDone(t('closeDone'));
  };
  return (
    <form class="form" onSubmit={submit} data-testid="close-form">
      <h3>{t('closeConversation')}</h3>
      <SelectField
        label={t('closureReason')}
        name="closureReasonId"
        value={closureReasonId}
        placeholder={t('chooseReason')}
        options={board.closureReasons.map((reason) => ({ value: reason.id, label: reason.name }))}
        onChange={setReason}
        errors={errors}
      />
      <TextField label={t('note')} name="note" value={note} onChange={setNote} errors={errors} />
      <ErrorText message={error} />
      <div class="form-actions">
        <button type="submit" data-testid="close-submit">
          {t('closeConversation')}
        </button>
        <span role="status" data-testid="close-done">
          {done}
        </span>
      </div>
    </form>
  );
}
