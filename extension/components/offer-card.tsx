import type { OfferView } from '../../shared/api/schemas.ts';
import { formatPhone } from '../../shared/phone-format.ts';
import { formatElapsed } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';
import { useNow } from './use-now.ts';

/** The contact request: who, from which number, which queue, how long ago; and Accept. */
export function OfferCard({
  offer,
  onAccept,
  onReject,
  busy,
}: {
  offer: OfferView;
  onAccept: () => void;
  onReject: () => void;
  busy: boolean;
}) {
  const now = useNow();
  const title =
    offer.kind === 'conference'
      ? t('incomingConference', { name: offer.fromName ?? '' })
      : offer.kind === 'transfer'
        ? t('incomingTransfer', { name: offer.fromName ?? '' })
        : t('incoming');
  return (
    <section class="offer" data-testid="offer" data-kind={offer.kind} aria-label={title}>
      <header>
        <span class="pulse" aria-hidden="true" />
        <span data-testid="offer-title">{title}</span>
        <time class="elapsed" data-testid="offer-elapsed">
          {formatElapsed(now - offer.offeredAt)}
        </time>
      </header>
      <dl>
        <dt>{t('customerName')}</dt>
        <dd data-testid="offer-customer-name">{offer.customerName}</dd>
        <dt>{t('customerNumber')}</dt>
        <dd data-testid="offer-customer-number">{formatPhone(offer.customerNumber)}</dd>
        <dt>{t('originNumber')}</dt>
        <dd data-testid="offer-origin-number">{formatPhone(offer.originNumber)}</dd>
        <dt>{t('queueName')}</dt>
        <dd data-testid="offer-queue">{offer.queueName}</dd>
      </dl>
      <p class="countdown" data-testid="offer-countdown">
        {t('respondWithin', { time: formatElapsed(offer.expiresAt - now) })}
      </p>
      <div class="offer-actions">
        {offer.canReject && (
          <button type="button" onClick={onReject} disabled={busy} data-testid="reject-offer">
            {t('reject')}
          </button>
        )}
        <button type="button" class="primary" onClick={onAccept} disabled={busy} data-testid="accept-offer">
          {t('accept')}
        </button>
      </div>
    </section>
  );
}
