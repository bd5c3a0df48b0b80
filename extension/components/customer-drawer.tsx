import { useEffect, useState } from 'preact/hooks';
import type { CustomerView } from '../../shared/api/customer-context.ts';
import { formatPhone } from '../../shared/phone-format.ts';
import type { ContextApi } from '../utils/context-api.ts';
import { locale, t } from '../utils/i18n.ts';
import { CustomerTags } from './customer-tags.tsx';
import { PastConversationView } from './past-conversation.tsx';

const optInLabel = { wrote: 'optInWrote', refused: 'optInRefused', unknown: 'optInUnknown' } as const;

/** The customer of the open conversation, over the transcript: details, tags, previous conversations. */
export function CustomerDrawer({
  api,
  conversationId,
  onClose,
}: {
  api: ContextApi;
  conversationId: string;
  onClose: () => void;
}) {
  const [customer, setCustomer] = useState<CustomerView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [pastId, setPastId] = useState<string | undefined>();
  useEffect(() => {
    api.customer(conversationId).then(setCustomer, (failure: Error) => setError(failure.message));
  }, [conversationId]);
  if (pastId) {
    return <PastConversationView key={pastId} load={() => api.past(pastId)} onBack={() => setPastId(undefined)} />;
  }
  const fact = (label: string, value: string | undefined, testid?: string) =>
    value && [<dt key={label}>{label}</dt>, <dd data-testid={testid}>{value}</dd>];
  return (
    <aside class="customer-drawer" data-testid="customer-drawer" aria-label={t('customer')}>
      <header>
        <strong>{t('customer')}</strong>
        <button type="button" class="link" onClick={onClose} data-testid="customer-close">
          {t('back')}
        </button>
      </header>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {customer && (
        <>
          <dl>
            {fact(t('customerName'), customer.name, 'customer-name')}
            {fact(t('customerNumber'), formatPhone(customer.number), 'customer-number')}
            {fact(t('country'), customer.country)}
            {fact(t('optIn'), t(optInLabel[customer.optIn]), 'customer-opt-in')}
            {fact(t('preferredAgent'), customer.preferredAgent)}
          </dl>
          <h4>{t('tags')}</h4>
          <CustomerTags
            tags={customer.tags}
            onAdd={(tag) => api.addTag(conversationId, tag).then(setCustomer)}
            onRemove={(tag) => api.removeTag(conversationId, tag).then(setCustomer)}
          />
          <h4>{t('previous')}</h4>
          <ul>
            {customer.previous.map((past) => (
              <li key={past.conversationId}>
                <button
                  type="button"
                  onClick={() => setPastId(past.conversationId)}
                  data-testid="previous-conversation"
                >
                  {new Date(past.endedAt).toLocaleDateString(locale)} · {past.closureReason ?? past.queueName}
                  {past.note && <small> · {past.note}</small>}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
