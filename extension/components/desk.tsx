import { useEffect, useMemo, useState } from 'preact/hooks';
import type { UnavailableReasonView } from '../../shared/api/schemas.ts';
import { byLatestActivity } from '../utils/attention.ts';
import { signOut } from '../utils/auth.ts';
import { contextApi } from '../utils/context-api.ts';
import { t } from '../utils/i18n.ts';
import { watchPendingOutbound } from '../utils/pending-outbound.ts';
import { nextConversationId } from '../utils/shortcuts.ts';
import type { Session } from '../utils/storage.ts';
import { ContextTools } from './context-tools.tsx';
import { ConversationPanel } from './conversation-panel.tsx';
import { EndDialog } from './end-dialog.tsx';
import { ErrorNote } from './error-note.tsx';
import { HistoryList } from './history-list.tsx';
import { PendingOffers } from './pending-offers.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';
import { StartConversation } from './start-conversation.tsx';
import { StateBar } from './state-bar.tsx';
import { TaskList } from './task-list.tsx';
import { TransferDialog } from './transfer-dialog.tsx';
import { useAttention } from './use-attention.ts';
import { useDesk } from './use-desk.ts';
import { useDrafts } from './use-drafts.ts';
import { useNow } from './use-now.ts';
import { usePanelPrefs } from './use-panel-prefs.ts';
import { useShortcuts } from './use-shortcuts.ts';

/** The signed-in agent's desk (inside a `DeskProvider`): state, offers, wrap-ups owed, conversations, the open one, dialogs. */
export function Desk({ session }: { session: Session }) {
  const { state, selected, busyOffer, error, dialog, actions } = useDesk();
  const drafts = useDrafts(
    session.user.id,
    state.conversations.map((conversation) => conversation.id),
  );
  const [view, setView] = useState<'tasks' | 'history'>('tasks');
  const context = useMemo(() => contextApi(session), [session.platformUrl, session.token]);
  const [prefs, setPrefs] = usePanelPrefs();
  const now = useNow(15_000);
  useAttention({
    offers: state.offers,
    unread: state.unread,
    sound: prefs.offerSound,
    accept: (offerId) => void actions.accept(offerId),
  });
  // With a conversation open the task list folds into one strip of names unless the agent unfolds it.
  const compact = selected !== undefined && !prefs.tasksExpanded;
  // The list's order (latest activity first) is also the order Alt+Shift+N walks.
  const ordered = byLatestActivity(state.conversations, state.messages);
  // A number from the console page's "WhatsApp" button (BY-2), or '' for "New conversation".
  const [starting, setStarting] = useState<string | undefined>(undefined);
  useEffect(() => watchPendingOutbound((number) => setStarting(number)), []);
  // The administrators' unavailable reasons; without them the agent can still go Unavailable.
  const [reasons, setReasons] = useState<UnavailableReasonView[]>([]);
  useEffect(() => {
    actions.unavailableReasons().then(setReasons, () => setReasons([]));
  }, [session.token]);
  // Keyboard shortcuts (listed by ShortcutsHelp). Accept works over a dialog too: offers show in it.
  useShortcuts({
    accept: () => {
      const offer = state.offers.find((pending) => pending.id !== busyOffer);
      if (offer) void actions.accept(offer.id);
    },
    next: () => {
      const id = dialog
        ? undefined
        : nextConversationId(
            ordered.map((c) => c.id),
            state.selectedId,
          );
      if (id) {
        setView('tasks');
        actions.select(id);
      }
    },
    end: () => {
      if (!dialog && selected?.permissions.includes('end') && selected.conference?.role !== 'guest')
        void actions.openEnd(selected.id);
    },
  });
  // While a dialog is open the rest of the panel is inert: the offers move into the dialog.
  const offers = (
    <PendingOffers
      offers={state.offers}
      busyOffer={busyOffer}
      onAccept={(offerId) => void actions.accept(offerId)}
      onReject={(offerId) => void actions.reject(offerId)}
    />
  );

  return (
    <div class="desk">
      <StateBar
        status={state.status}
        connected={state.connected}
        displayName={session.user.displayName}
        reasons={reasons}
        onChange={(next, reasonId) => void actions.changeState(next, reasonId)}
        onSignOut={() => void signOut(session)}
        sound={{ on: prefs.offerSound, toggle: () => setPrefs({ offerSound: !prefs.offerSound }) }}
      />
      {!dialog && offers}
      {state.wrapUps.map((wrapUp) => (
        <div key={wrapUp.id} class="wrap-up-banner" role="status" data-testid="wrap-up-pending">
          {t('wrapUpPending', { name: wrapUp.customerName })}
          <button type="button" onClick={() => void actions.openWrapUp(wrapUp)} data-testid="wrap-up-open">
            {t('wrapUpNow')}
          </button>
        </div>
      ))}
      {starting !== undefined && (
        <StartConversation
          number={starting}
          loadChannels={actions.loadChannels}
          loadTemplates={actions.loadChannelTemplates}
          onStart={async (request) => {
            const failure = await actions.startConversation(request);
            if (!failure) {
              setStarting(undefined);
              setView('tasks');
            }
            return failure;
          }}
          onClose={() => setStarting(undefined)}
        />
      )}
      <div class="views" role="tablist">
        {(['tasks', 'history'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            class={view === name ? 'tab selected' : 'tab'}
            onClick={() => setView(name)}
            data-testid={`view-${name}`}
          >
            {t(name)}
          </button>
        ))}
        {view === 'tasks' && selected && (
          <button
            type="button"
            class="tab fold"
            aria-expanded={!compact}
            title={compact ? t('showTasks') : t('hideTasks')}
            aria-label={compact ? t('showTasks') : t('hideTasks')}
            onClick={() => setPrefs({ tasksExpanded: compact })}
            data-testid="fold-tasks"
          >
            {compact ? '▾' : '▴'}
          </button>
        )}
        <button
          type="button"
          class="tab new-conversation"
          title={t('newConversation')}
          aria-label={t('newConversation')}
          onClick={() => setStarting('')}
          data-testid="new-conversation"
        >
          {/* Short beside the tabs: the whole row fits 360 px in Spanish too (its name is the label). */}+{' '}
          {t('newConversationShort')}
        </button>
        <ShortcutsHelp />
      </div>
      {view === 'history' ? (
        <HistoryList load={actions.history} open={context} />
      ) : (
        <TaskList
          conversations={ordered}
          now={now}
          compact={compact}
          messages={state.messages}
          selectedId={state.selectedId}
          unread={state.unread}
          available={state.status?.state === 'available'}
          onSelect={actions.select}
        />
      )}
      {view === 'history' ? null : selected ? (
        <ConversationPanel
          conversation={selected}
          messages={state.messages[selected.id] ?? []}
          error={error}
          agentName={session.user.displayName}
          details={{
            expanded: prefs.detailsExpanded,
            toggle: () => setPrefs({ detailsExpanded: !prefs.detailsExpanded }),
          }}
          draft={{ text: drafts.text(selected.id), sending: drafts.isSending(selected.id), edit: drafts.edit }}
          onSend={(conversationId, text, replyTo) =>
            drafts.send(conversationId, text, (id, body) => actions.send(id, body, replyTo))
          }
          loadCanned={() => actions.cannedResponses(selected.id)}
          onTyping={actions.typing}
          onEnd={() => void actions.openEnd(selected.id)}
          onTransfer={() => actions.openTransfer(selected)}
          onConference={() => actions.openConference(selected)}
          onStopConference={(how) => void actions.stopConference(selected.id, how)}
          loadComponent={() => actions.loadComponent(selected.id)}
          loadMedia={(mediaId) => actions.loadMedia(selected.id, mediaId)}
          onRetry={(messageId) => actions.retry(selected.id, messageId)}
          tools={<ContextTools api={context} conversationId={selected.id} liveTags={state.customerTags[selected.id]} />}
          sendAttachment={actions.sendAttachment}
          rich={{
            load: () => actions.loadRichMessages(selected.id),
            send: (richMessageId) => actions.sendRich(selected.id, richMessageId),
          }}
        />
      ) : (
        error && <ErrorNote error={error} testId="desk-error" />
      )}
      {dialog?.kind === 'end' && (
        <EndDialog
          title={endTitle(state.conversations.find((c) => c.id === dialog.conversationId)?.customerName)}
          reasons={dialog.reasons}
          offers={offers}
          error={error}
          onCancel={actions.closeDialog}
          onSubmit={(wrapUp) => actions.end(dialog.conversationId, wrapUp).then(() => undefined)}
        />
      )}
      {dialog?.kind === 'wrapup' && (
        <EndDialog
          title={t('wrapUpTitle', { name: dialog.wrapUp.customerName })}
          submitLabel={t('wrapUpSubmit')}
          reasons={dialog.reasons}
          offers={offers}
          error={error}
          onCancel={actions.closeDialog}
          onSubmit={(wrapUp) => actions.completeWrapUp(dialog.wrapUp.id, wrapUp).then(() => undefined)}
        />
      )}
      {dialog?.kind === 'transfer' && (
        <TransferDialog
          load={() => actions.transferTargets(dialog.conversation.id)}
          offers={offers}
          onCancel={actions.closeDialog}
          onSubmit={(target) => actions.transfer(dialog.conversation, target)}
        />
      )}
      {dialog?.kind === 'conference' && (
        <TransferDialog
          title={t('conferenceTitle')}
          submitLabel={t('invite')}
          blocking={['channel_not_in_role']}
          load={() => actions.transferTargets(dialog.conversation.id)}
          offers={offers}
          onCancel={actions.closeDialog}
          onSubmit={(target) =>
            actions
              .invite(
                dialog.conversation,
                target.type === 'agent' ? { agentId: target.agentId } : { skillId: target.skillId },
              )
              .then(() => undefined)
          }
        />
      )}
    </div>
  );
}

/** The End dialog names the customer, so an agent with several conversations ends the one she means. */
const endTitle = (customerName: string | undefined) =>
  customerName ? t('endTitleNamed', { name: customerName }) : t('endTitle');
