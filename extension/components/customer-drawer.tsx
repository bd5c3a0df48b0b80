import { useEffect, useState } from 'preact/hooks';
import type { CustomerView } from '../../shared/api/customer-context.ts';
import { formatPhone } from '../../shared/phone-format.ts';
import { type AgentAction, type AgentError, describeError } from '../utils/agent-error.ts';
import type { ContextApi } from '../utils/context-api.ts';
import { locale, t } from '../utils/i18n.ts';
import { ErrorNote } from './error-note.tsx';
import { PastConversationView } from './past-conversation.tsx';

const optInLabel = { wrote: 'optInWrote', refused: 'optInRefused', unknown: 'optInUnknown' } as const;

/** The customer of the open conversation, over the transcript: details, tags, previous conversations. */
export function CustomerDrawer({
  api,
  conversationId,
  liveTags,
  onClose,
}: {
  api: ContextApi;
  conversationId: string;
  /** Tags another participant just set (conference host or guest): shown as they arrive. */
  liveTags?: string[] | undefined;
  onClose: () => void;
}) {
  const [customer, setCustomer] = useState<CustomerView | undefined>();
  const [error, setError] = useState<AgentError | undefined>();
  const [pastId, setPastId] = useState<string | undefined>();
  const [tag, setTag] = useState('');
  const run = (action: AgentAction, call: Promise<CustomerView>, after = () => {}) => {
    setError(undefined);
    call.then(
      (found) => {
        setCustomer(found);
        after();
      },
      (failure: unknown) => setError(describeError(action, failure)),
    );
  };
  useEffect(() => run('loadCustomer', api.customer(conversationId)), [conversationId]);
  useEffect(() => {
    if (liveTags) setCustomer((shown) => shown && { ...shown, tags: liveTags });
  }, [liveTags]);
  if (pastId) {
    return (
      <PastConversationView
        key={pastId}
        load={() => api.past(pastId)}
        loadMedia={(mediaId) => api.pastMedia(pastId, mediaId)}
        onBack={() => setPastId(undefined)}
      />
    );
  }
  return (
    <aside class="customer-drawer" data-testid="customer-drawer">
      <button type="button" class="link" onClick={onClose}>
        ← {t('back')}
      </button>
      {error && <ErrorNote error={error} />}
      {customer && (
        <>
          <h3 data-testid="customer-name">{customer.name}</h3>
          <p>
            {formatPhone(customer.number)} · {customer.country}
            <br />
            {t(optInLabel[customer.optIn])}
            {customer.preferredAgent && ` · ${t('preferredAgent')}: ${customer.preferredAgent}`}
          </p>
          <h4>{t('tags')}</h4>
          {customer.tags.map((name) => (
            <span key={name} class="tag" data-testid="customer-tag">
              {name}
              <button
                type="button"
                class="link"
                aria-label={`${name} ×`}
                onClick={() => run('tag', api.removeTag(conversationId, name))}
              >
                ×
              </button>
            </span>
          ))}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              run('tag', api.addTag(conversationId, tag), () => setTag(''));
            }}
          >
            <input
              value={tag}
              maxLength={32}
              aria-label={t('tagAdd')}
              onInput={(event) => setTag(event.currentTarget.value)}
              data-testid="tag-input"
            />
            <button type="submit" disabled={!tag.trim()} data-testid="tag-add">
              {t('tagAdd')}
            </button>
          </form>
          <h4>{t('previous')}</h4>
          {customer.previous.map((past) => (
            <button
              key={past.conversationId}
              type="button"
              class="previous"
              onClick={() => setPastId(past.conversationId)}
              data-testid="previous-conversation"
            >
              {new Date(past.endedAt).toLocaleDateString(locale)} · {past.closureReason}
              {past.note && ` · ${past.note}`}
            </button>
          ))}
        </>
      )}
    </aside>
  );
}
