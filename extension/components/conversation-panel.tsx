import { type ComponentChildren, Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CannedResponseView } from '../../shared/api/canned-response-view.ts';
import type { ChannelPermission } from '../../shared/api/permissions.ts';
import type { ConversationView, CustomComponentView, MessageView, RichMessageView } from '../../shared/api/schemas.ts';
import { initials } from '../../shared/initials.ts';
import { formatPhone } from '../../shared/phone-format.ts';
import type { AgentError } from '../utils/agent-error.ts';
import { dayOf, formatDay } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';
import { foldReactions } from '../utils/reactions.ts';
import { AttachmentPicker, type SendAttachment } from './attachment-picker.tsx';
import { Composer } from './composer.tsx';
import { ErrorNote } from './error-note.tsx';
import { MessageBubble } from './message-bubble.tsx';
import { ReplyBanner } from './reply-banner.tsx';
import { RichMessagePicker } from './rich-message-picker.tsx';
import { SlaLine } from './sla-line.tsx';
import { TemplatePicker } from './template-picker.tsx';
import { useNow } from './use-now.ts';
import { useQuotes } from './use-quotes.ts';
import { WindowState } from './window-state.tsx';

/** How many messages a transcript shows at first, and adds per "show earlier". */
const TRANSCRIPT_PAGE = 150;

/** The interaction panel: who, the transcript, the 24-hour window, and the composer. */
export function ConversationPanel({
  conversation,
  messages,
  error,
  draft,
  onSend,
  onEnd,
  onTransfer,
  onConference,
  onStopConference,
  loadComponent,
  rich,
  loadMedia,
  onRetry,
  agentName,
  details,
  tools,
  sendAttachment,
  loadCanned,
  onTyping,
}: {
  conversation: ConversationView;
  messages: MessageView[];
  /** The last action that failed, in the agent's words. */
  error: AgentError | undefined;
  /** This conversation's draft, and whether a reply to it is on its way. */
  draft: { text: string; sending: boolean; edit: (conversationId: string, text: string) => void };
  /** Sends a reply typed in `conversationId`'s box, quoting `replyToMessageId` when given; false when it failed. */
  onSend: (conversationId: string, text: string, replyToMessageId?: string) => Promise<boolean> | undefined;
  onEnd: () => void;
  onTransfer: () => void;
  onConference: () => void;
  onStopConference: (how: 'leave' | 'end') => void;
  /** The template picker's custom component (TP-6); absent in tests that do not need it. */
  loadComponent?: () => Promise<CustomComponentView>;
  /** The channel's rich messages and how to send one (TP-3). */
  rich?: { load: () => Promise<RichMessageView[]>; send: (richMessageId: string) => Promise<boolean> };
  /** Loads a customer's photo (with the session's token). */
  loadMedia?: (mediaId: string) => Promise<Blob>;
  /** Sends a failed reply again. */
  onRetry?: (messageId: string) => Promise<boolean>;
  /** The signed-in agent's name: replies signed by another agent (a conference, a transfer) look different. */
  agentName?: string;
  /** The header's details (numbers, queue) folded or not; shown when absent. */
  details?: { expanded: boolean; toggle: () => void };
  /** Private notes and the customer view (context-tools.tsx). */
  tools?: ComponentChildren;
  /** Uploads and sends a file; resolves with the refusal in words, if any. */
  sendAttachment?: (conversationId: string, ...send: Parameters<SendAttachment>) => ReturnType<SendAttachment>;
  /** This conversation's canned responses (typed `/` in the reply box). */
  loadCanned?: () => Promise<CannedResponseView[]>;
  /** The agent typed in the box of `conversationId` (typing indicator). */
  onTyping?: (conversationId: string) => void;
}) {
  const [open, setOpen] = useState<'templates' | 'rich' | undefined>(undefined);
  useEffect(() => setOpen(undefined), [conversation.id]);
  const toggle = (what: 'templates' | 'rich') => setOpen(open === what ? undefined : what);
  const now = useNow(15_000);
  const [replyFocused, setReplyFocused] = useState(false);
  const transcript = useRef<HTMLDivElement>(null);
  const customerInitials = initials(conversation.customerName);
  const windowLeft = conversation.windowClosesAt !== undefined ? conversation.windowClosesAt - now : 0;
  const windowOpen = windowLeft > 0;
  const conference = conversation.conference;
  const role = conference?.role ?? 'owner';
  const can = (permission: ChannelPermission) => conversation.permissions.includes(permission);
  // A failed reply's actions, where they apply: Retry needs Reply and the open window.
  const retry = can('reply') && windowOpen && !conversation.interrupted ? onRetry : undefined;
  const quotes = useQuotes();
  const quoted = quotes.of(conversation.id);
  const canReplyNow = can('reply') && windowOpen && !conversation.interrupted;
  const sendTemplate =
    loadComponent && can('templates') && !conversation.interrupted ? () => setOpen('templates') : undefined;

  // A long transcript renders its latest messages first; earlier ones on request, a page at a time.
  const [shown, setShown] = useState(TRANSCRIPT_PAGE);
  useEffect(() => setShown(TRANSCRIPT_PAGE), [conversation.id]);
  const { shown: visible, reactions } = foldReactions(messages);
  const hidden = Math.max(0, visible.length - shown);

  useEffect(() => {
    const element = transcript.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messages.length, conversation.id]);

  // The picker toggles sit beside Send (or on their own line when there is no reply box).
  const pickerToggles = (
    <>
      {rich && can('reply') && windowOpen && !conversation.interrupted && (
        <button
          type="button"
          class="link templates-toggle"
          aria-expanded={open === 'rich'}
          onClick={() => toggle('rich')}
          data-testid="open-rich"
        >
          {open === 'rich' ? t('hideRichMessages') : t('richMessages')}
        </button>
      )}
      {loadComponent && can('templates') && !conversation.interrupted && (
        <button
          type="button"
          class={`link templates-toggle ${windowOpen ? '' : 'emphasis'}`}
          aria-expanded={open === 'templates'}
          onClick={() => toggle('templates')}
          data-testid="open-templates"
        >
          {open === 'templates' ? t('hideTemplates') : t('templates')}
        </button>
      )}
    </>
  );

  return (
    // While a picker is open the composer folds away (kept, not unmounted): the picker is where the agent writes.
    <section
      class={`conversation ${open ? 'picking' : ''}`}
      data-testid="conversation"
      aria-label={conversation.customerName}
    >
      <header class="conversation-header">
        <span class="avatar" aria-hidden="true">
          {customerInitials}
        </span>
        <div class="who">
          <h2 data-testid="conversation-title">{conversation.customerName}</h2>
          {details && (
            <button
              type="button"
              class="link fold"
              aria-expanded={details.expanded}
              title={details.expanded ? t('hideHeader') : t('showHeader')}
              aria-label={details.expanded ? t('hideHeader') : t('showHeader')}
              onClick={details.toggle}
              data-testid="fold-details"
            >
              {details.expanded ? '▴' : '▾'}
            </button>
          )}
        </div>
        <div class="actions">
          {role === 'guest' ? (
            <button type="button" onClick={() => onStopConference('leave')} data-testid="leave-conference">
              {t('leaveConference')}
            </button>
          ) : (
            <>
              {!conference && !conversation.interrupted && (
                <>
                  {can('transfer') && (
                    <button type="button" onClick={onTransfer} data-testid="transfer-conversation">
                      {t('transfer')}
                    </button>
                  )}
                  {can('conference') && (
                    <button type="button" onClick={onConference} data-testid="start-conference">
                      {t('conference')}
                    </button>
                  )}
                </>
              )}
              {conference?.state === 'active' && (
                <button type="button" onClick={() => onStopConference('end')} data-testid="end-conference">
                  {t('endConference')}
                </button>
              )}
              {can('end') && (
                <button type="button" onClick={onEnd} data-testid="end-conversation">
                  {t('end')}
                </button>
              )}
            </>
          )}
        </div>
        {(details?.expanded ?? true) && (
          <p class="subtitle" data-testid="conversation-details">
            {formatPhone(conversation.customerNumber)} → {formatPhone(conversation.originNumber)} ·{' '}
            {conversation.queueName}
          </p>
        )}
      </header>
      {conversation.interrupted && (
        <p class="interrupted" role="alert" data-testid="interrupted">
          {conversation.interrupted}. {t('interruptedEnd')}
        </p>
      )}
      {conference && (
        <p
          class={`conference-banner ${conference.state}`}
          role="status"
          data-testid="conference-state"
          data-state={conference.state}
        >
          {conference.state === 'requested'
            ? t('conferenceRequested', { name: conference.guestName })
            : role === 'guest'
              ? t('conferenceAsGuest', { name: conference.ownerName })
              : t('conferenceActive', { name: conference.guestName })}
        </p>
      )}
      <div class="transcript" ref={transcript} data-testid="transcript">
        {hidden > 0 && (
          <button
            type="button"
            class="link earlier"
            onClick={() => setShown(shown + TRANSCRIPT_PAGE)}
            data-testid="show-earlier"
          >
            {t('showEarlier', { count: String(hidden) })}
          </button>
        )}
        {visible.slice(hidden).map((message, index, shownMessages) => {
          const previous = shownMessages[index - 1];
          const newDay = !previous || dayOf(previous.timestamp) !== dayOf(message.timestamp);
          return (
            <Fragment key={message.id}>
              {newDay && (
                <p class="day-separator" data-testid="day-separator">
                  <span>{formatDay(message.timestamp, now, { today: t('today'), yesterday: t('yesterday') })}</span>
                </p>
              )}
              <MessageBubble
                message={message}
                customerInitials={customerInitials}
                loadMedia={loadMedia}
                reaction={reactions.get(message.id)}
                onRetry={retry}
                onSendTemplate={sendTemplate}
                otherAgent={
                  agentName !== undefined &&
                  message.direction === 'outbound' &&
                  message.senderName !== undefined &&
                  message.senderName !== agentName
                }
                onReply={canReplyNow ? (quote) => quotes.set(conversation.id, quote) : undefined}
              />
            </Fragment>
          );
        })}
      </div>
      {/* The window and SLA clocks in one compact row; with the reply field focused, the clocks in full with their due times (SL-4). */}
      {conversation.sla && replyFocused && <SlaLine sla={conversation.sla} detailed={true} />}
      <div class="window-row">
        <WindowState closesAt={conversation.windowClosesAt} compact={true} />
        {conversation.sla && !replyFocused && <SlaLine sla={conversation.sla} detailed={false} compact={true} />}
      </div>
      {/* Notes, the customer view and attaching share one row: every line here is taken from the transcript. */}
      <div class="tool-row">
        {tools}
        {sendAttachment && can('reply') && (
          <AttachmentPicker
            key={conversation.id}
            disabled={!windowOpen || conversation.interrupted !== undefined}
            onSend={(...send) => sendAttachment(conversation.id, ...send)}
          />
        )}
      </div>
      {open === 'templates' && loadComponent && (
        <TemplatePicker conversationId={conversation.id} load={loadComponent} />
      )}
      {open === 'rich' && rich && (
        <RichMessagePicker
          conversationId={conversation.id}
          load={rich.load}
          onSend={async (id) => {
            const sent = await rich.send(id);
            if (sent) setOpen(undefined);
            return sent;
          }}
        />
      )}
      {error && <ErrorNote error={error} testId="send-error" />}
      {quoted && canReplyNow && (
        <ReplyBanner
          quoted={quoted}
          customerName={conversation.customerName}
          onCancel={() => quotes.set(conversation.id, undefined)}
        />
      )}
      {can('reply') || conversation.interrupted ? (
        <Composer
          key={conversation.id}
          conversationId={conversation.id}
          text={draft.text}
          sending={draft.sending}
          onTextChange={draft.edit}
          placeholder={t('typeReply', { name: conversation.customerName })}
          disabled={!windowOpen || conversation.interrupted !== undefined}
          onSend={(conversationId, text) => void quotes.send(conversationId, text, onSend)}
          onFocusChange={setReplyFocused}
          loadCanned={loadCanned}
          onTyping={onTyping}
          onEscape={() => quotes.set(conversation.id, undefined)}
          extras={pickerToggles}
        />
      ) : (
        <>
          <div class="picker-toggles">{pickerToggles}</div>
          <p class="no-reply" role="note" data-testid="no-reply-permission">
            {t('noReplyPermission')}
          </p>
        </>
      )}
    </section>
  );
}
