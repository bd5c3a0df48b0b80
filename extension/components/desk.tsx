import { useEffect, useReducer, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { z } from 'zod';
import {
  agentStatusSchema,
  type ClosureReasonView,
  type ConversationView,
  closureReasonViewSchema,
  conversationViewSchema,
  messageViewSchema,
  type TransferRequest,
  transferTargetsSchema,
  type WrapUpView,
  wrapUpViewSchema,
} from '../../shared/api/schemas.ts';
import { PlatformError, request } from '../utils/api-client.ts';
import { signOut } from '../utils/auth.ts';
import { deskReducer, initialDeskState } from '../utils/desk-state.ts';
import { runAgentStream } from '../utils/event-stream.ts';
import { t } from '../utils/i18n.ts';
import { clearSession, type Session } from '../utils/storage.ts';
import { ConversationPanel } from './conversation-panel.tsx';
import { EndDialog } from './end-dialog.tsx';
import { OfferCard } from './offer-card.tsx';
import { StateBar } from './state-bar.tsx';
import { TaskList } from './task-list.tsx';
import { TransferDialog } from './transfer-dialog.tsx';

/** The signed-in agent's desk: state, offers, conversations, and the open conversation. */
export function Desk({ session }: { session: Session }) {
  const [state, dispatch] = useReducer(deskReducer, initialDeskState);
  const [busyOffer, setBusyOffer] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  /** The dialog on top of the desk, if any. */
  const [dialog, setDialog] = useState<
    | { kind: 'end'; conversationId: string; reasons: ClosureReasonView[] }
    | { kind: 'wrapup'; wrapUp: WrapUpView; reasons: ClosureReasonView[] }
    | { kind: 'transfer'; conversation: ConversationView }
    | { kind: 'conference'; conversation: ConversationView }
    | undefined
  >();
  const closureReasons = () => api('/api/closure-reasons', z.array(closureReasonViewSchema));
  const api = <T,>(path: string, schema: z.ZodType<T>, init: { method?: string; body?: unknown } = {}) =>
    request(session.platformUrl, path, schema, { ...init, token: session.token });

  /** Shows an error, or signs out when the session is gone. */
  function fail(caught: unknown) {
    if (caught instanceof PlatformError && caught.signedOut) void clearSession();
    setError(caught instanceof Error ? caught.message : String(caught));
  }

  useEffect(() => {
    const stop = new AbortController();
    void runAgentStream({
      url: `${session.platformUrl}/api/agent/events`,
      token: session.token,
      signal: stop.signal,
      onEvent: dispatch,
      onStatus: ({ connected, httpStatus }) => {
        dispatch({ event: 'connection', data: { connected } });
        if (httpStatus === 401) void clearSession();
      },
    });
    return () => stop.abort();
  }, [session.platformUrl, session.token]);

  const selected = state.conversations.find((c) => c.id === state.selectedId);

  useEffect(() => {
    if (!selected) return;
    api(`/api/conversations/${encodeURIComponent(selected.id)}/messages`, z.array(messageViewSchema))
      .then((messages) => dispatch({ event: 'transcript', data: { conversationId: selected.id, messages } }))
      .catch(fail);
  }, [selected?.id, state.epoch]);

  async function changeState(next: 'available' | 'unavailable') {
    try {
      dispatch({
        event: 'agent.state',
        data: await api('/api/agent/state', agentStatusSchema, { method: 'PUT', body: { state: next } }),
      });
    } catch (caught) {
      fail(caught);
    }
  }

  async function accept(offerId: string) {
    setBusyOffer(offerId);
    try {
      const conversation = await api(`/api/offers/${encodeURIComponent(offerId)}/accept`, conversationViewSchema, {
        method: 'POST',
      });
      dispatch({ event: 'conversation.updated', data: conversation });
      dispatch({ event: 'select', data: { conversationId: conversation.id } });
      // Screen pop (RT-9): the skill's page for this contact, in a background tab.
      if (conversation.screenPopUrl) void browser.tabs.create({ url: conversation.screenPopUrl, active: false });
    } catch (caught) {
      fail(caught);
    } finally {
      setBusyOffer(undefined);
    }
  }

  async function reject(offerId: string) {
    setBusyOffer(offerId);
    try {
      await api(`/api/offers/${encodeURIComponent(offerId)}/reject`, z.unknown(), { method: 'POST' });
      dispatch({ event: 'offer.revoked', data: { offerId } });
    } catch (caught) {
      fail(caught);
    } finally {
      setBusyOffer(undefined);
    }
  }

  async function openEnd(conversationId: string) {
    try {
      setDialog({ kind: 'end', conversationId, reasons: await closureReasons() });
    } catch (caught) {
      fail(caught);
    }
  }

  async function end(conversationId: string, wrapUp: { closureReasonId: string; note?: string }) {
    try {
      const conversation = await api(
        `/api/conversations/${encodeURIComponent(conversationId)}/end`,
        conversationViewSchema,
        {
          method: 'POST',
          body: wrapUp,
        },
      );
      dispatch({ event: 'conversation.updated', data: conversation });
      setDialog(undefined);
    } catch (caught) {
      fail(caught);
    }
  }

  async function transfer(conversation: ConversationView, target: TransferRequest['target']) {
    try {
      const wrapUp = await api(`/api/conversations/${encodeURIComponent(conversation.id)}/transfer`, wrapUpViewSchema, {
        method: 'POST',
        body: { target },
      });
      // The conversation has left this desk; the wrap-up for it is due now.
      dispatch({ event: 'conversation.removed', data: { conversationId: conversation.id } });
      dispatch({ event: 'wrapup', data: wrapUp });
      await openWrapUp(wrapUp);
    } catch (caught) {
      setDialog(undefined);
      fail(caught);
    }
  }

  async function invite(conversation: ConversationView, agentId: string) {
    try {
      const updated = await api(
        `/api/conversations/${encodeURIComponent(conversation.id)}/conference`,
        conversationViewSchema,
        {
          method: 'POST',
          body: { agentId },
        },
      );
      dispatch({ event: 'conversation.updated', data: updated });
      setDialog(undefined);
    } catch (caught) {
      setDialog(undefined);
      fail(caught);
    }
  }

  async function stopConference(conversationId: string, how: 'leave' | 'end') {
    try {
      await api(`/api/conversations/${encodeURIComponent(conversationId)}/conference/${how}`, z.unknown(), {
        method: 'POST',
      });
    } catch (caught) {
      fail(caught);
    }
  }

  async function openWrapUp(wrapUp: WrapUpView) {
    try {
      setDialog({ kind: 'wrapup', wrapUp, reasons: await closureReasons() });
    } catch (caught) {
      fail(caught);
    }
  }

  async function completeWrapUp(wrapUpId: string, wrapUp: { closureReasonId: string; note?: string }) {
    try {
      await api(`/api/wrap-ups/${encodeURIComponent(wrapUpId)}`, z.unknown(), { method: 'POST', body: wrapUp });
      dispatch({ event: 'wrapup.done', data: { wrapUpId } });
      setDialog(undefined);
    } catch (caught) {
      fail(caught);
    }
  }

  async function send(conversationId: string, text: string): Promise<boolean> {
    setError(undefined);
    try {
      const message = await api(
        `/api/conversations/${encodeURIComponent(conversationId)}/messages`,
        messageViewSchema,
        {
          method: 'POST',
          body: { text },
        },
      );
      dispatch({ event: 'message', data: message });
      return true;
    } catch (caught) {
      fail(caught);
      return false;
    }
  }

  return (
    <div class="desk">
      <StateBar
        status={state.status}
        connected={state.connected}
        displayName={session.user.displayName}
        onChange={changeState}
        onSignOut={() => void signOut(session)}
      />
      {state.offers.map((offer) => (
        <OfferCard
          key={offer.id}
          offer={offer}
          busy={busyOffer === offer.id}
          onAccept={() => void accept(offer.id)}
          onReject={() => void reject(offer.id)}
        />
      ))}
      {state.wrapUps.map((wrapUp) => (
        <div key={wrapUp.id} class="wrap-up-banner" role="status" data-testid="wrap-up-pending">
          {t('wrapUpPending', { name: wrapUp.customerName })}
          <button type="button" onClick={() => void openWrapUp(wrapUp)} data-testid="wrap-up-open">
            {t('wrapUpNow')}
          </button>
        </div>
      ))}
      <TaskList
        conversations={state.conversations}
        messages={state.messages}
        selectedId={state.selectedId}
        available={state.status?.state === 'available'}
        onSelect={(conversationId) => dispatch({ event: 'select', data: { conversationId } })}
      />
      {selected ? (
        <ConversationPanel
          conversation={selected}
          messages={state.messages[selected.id] ?? []}
          error={error}
          onSend={(text) => send(selected.id, text)}
          onEnd={() => void openEnd(selected.id)}
          onTransfer={() => setDialog({ kind: 'transfer', conversation: selected })}
          onConference={() => setDialog({ kind: 'conference', conversation: selected })}
          onStopConference={(how) => void stopConference(selected.id, how)}
        />
      ) : (
        error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )
      )}
      {dialog?.kind === 'end' && (
        <EndDialog
          reasons={dialog.reasons}
          onCancel={() => setDialog(undefined)}
          onSubmit={(wrapUp) => end(dialog.conversationId, wrapUp)}
        />
      )}
      {dialog?.kind === 'wrapup' && (
        <EndDialog
          title={t('wrapUpTitle', { name: dialog.wrapUp.customerName })}
          submitLabel={t('wrapUpSubmit')}
          reasons={dialog.reasons}
          onCancel={() => setDialog(undefined)}
          onSubmit={(wrapUp) => completeWrapUp(dialog.wrapUp.id, wrapUp)}
        />
      )}
      {dialog?.kind === 'conference' && (
        <TransferDialog
          agentsOnly
          title={t('conferenceTitle')}
          submitLabel={t('invite')}
          load={() => api('/api/transfer-targets', transferTargetsSchema)}
          onCancel={() => setDialog(undefined)}
          onSubmit={async (target) => {
            if (target.type === 'agent') await invite(dialog.conversation, target.agentId);
          }}
        />
      )}
      {dialog?.kind === 'transfer' && (
        <TransferDialog
          load={() => api('/api/transfer-targets', transferTargetsSchema)}
          onCancel={() => setDialog(undefined)}
          onSubmit={(target) => transfer(dialog.conversation, target)}
        />
      )}
    </div>
  );
}
