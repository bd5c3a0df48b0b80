import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TransferRequest, TransferTargets } from '../../shared/api/schemas.ts';
import { type MessageKey, t } from '../utils/i18n.ts';

type Tab = 'queue' | 'agent';
type CannotTake = NonNullable<TransferTargets['agents'][number]['cannotTake']>;
const cannotTakeLabel: Record<CannotTake, MessageKey> = {
  channel_not_in_role: 'cannotTakeChannel',
  reply_not_in_role: 'cannotTakeReply',
};
const stateLabel: Record<string, MessageKey> = {
  available: 'available',
  unavailable: 'unavailable',
  rona: 'rona',
  acw: 'acw',
};

/** Transfer to a queue or an agent: two searchable lists and a refresh button (AG-8). */
export function TransferDialog({
  load,
  onSubmit,
  onCancel,
  offers,
  agentsOnly = false,
  blocking = ['channel_not_in_role', 'reply_not_in_role'],
  title = t('transferTitle'),
  submitLabel = t('transferSubmit'),
}: {
  /** A conference invites agents only. */
  agentsOnly?: boolean;
  /** Which of an agent's `cannotTake` reasons grey them out (a conference guest needs the channel, not Reply). */
  blocking?: CannotTake[];
  title?: string;
  submitLabel?: string;
  load: () => Promise<TransferTargets>;
  onSubmit: (target: TransferRequest['target']) => Promise<void>;
  onCancel: () => void;
  /** Pending offers, shown inside the dialog: outside it the page is inert while it is open. */
  offers?: ComponentChildren;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [targets, setTargets] = useState<TransferTargets | undefined>();
  const [tab, setTab] = useState<Tab>('agent');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const refresh = () => void load().then(setTargets);
  useEffect(() => {
    dialog.current?.showModal();
    refresh();
  }, []);

  const needle = query.trim().toLocaleLowerCase();
  const queues = (targets?.queues ?? []).filter((q) => q.name.toLocaleLowerCase().includes(needle));
  const agents = (targets?.agents ?? []).filter((a) => a.displayName.toLocaleLowerCase().includes(needle));
  const shown = tab === 'queue' ? queues.length : agents.length;

  async function submit(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    try {
      await onSubmit(tab === 'queue' ? { type: 'queue', skillId: chosen } : { type: 'agent', agentId: chosen });
    } finally {
      setBusy(false);
    }
  }

  const switchTo = (next: Tab) => {
    setTab(next);
    setChosen(undefined);
  };

  return (
    <dialog ref={dialog} class="end-dialog" data-testid="transfer-dialog" onCancel={onCancel} onClose={onCancel}>
      {offers}
      <form method="dialog" onSubmit={submit}>
        <h2>{title}</h2>
        <div class="tabs" role="tablist">
          {(agentsOnly ? (['agent'] as const) : (['agent', 'queue'] as const)).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              class={tab === name ? 'tab selected' : 'tab'}
              onClick={() => switchTo(name)}
              data-testid={`transfer-tab-${name}`}
            >
              {name === 'agent' ? t('agents') : t('queues')}
            </button>
          ))}
          <button type="button" class="link refresh" onClick={refresh} data-testid="transfer-refresh">
            ↻ {t('refresh')}
          </button>
        </div>
        <input
          type="search"
          placeholder={t('searchTargets')}
          aria-label={t('searchTargets')}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          data-testid="transfer-search"
        />
        <fieldset class="reasons">
          <legend>{tab === 'agent' ? t('agents') : t('queues')}</legend>
          {targets && shown === 0 && <p class="empty">{t('noTargets')}</p>}
          {tab === 'queue' &&
            queues.map((queue) => (
              <label key={queue.id} class="reason">
                <input
                  type="radio"
                  name="target"
                  value={queue.id}
                  checked={chosen === queue.id}
                  onChange={() => setChosen(queue.id)}
                  data-testid="transfer-target"
                />
                <span class="target-name">{queue.name}</span>
                <span class="target-meta">
                  {t('waiting', { count: String(queue.waiting) })} ·{' '}
                  {t('availableAgents', { count: String(queue.availableAgents) })}
                </span>
              </label>
            ))}
          {tab === 'agent' &&
            agents.map((agent) => {
              const blocked = agent.cannotTake && blocking.includes(agent.cannotTake) ? agent.cannotTake : undefined;
              const selectable = agent.state === 'available' && agent.hasRoom && !blocked;
              return (
                <label key={agent.id} class={selectable ? 'reason' : 'reason disabled'}>
                  <input
                    type="radio"
                    name="target"
                    value={agent.id}
                    disabled={!selectable}
                    checked={chosen === agent.id}
                    onChange={() => setChosen(agent.id)}
                    data-testid="transfer-target"
                  />
                  <span class={`dot ${agent.state}`} aria-hidden="true" />
                  <span class="target-name">{agent.displayName}</span>
                  <span class="target-meta" data-testid="transfer-target-meta">
                    {blocked ? t(cannotTakeLabel[blocked]) : t(stateLabel[agent.state] ?? 'unavailable')}
                  </span>
                </label>
              );
            })}
        </fieldset>
        <div class="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" class="primary" disabled={!chosen || busy} data-testid="transfer-submit">
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
