import type { OfferView } from '../../shared/api/schemas.ts';
import { OfferCard } from './offer-card.tsx';

/**
 * The offers waiting for this agent, each with Accept (and Reject where allowed). The desk shows
 * them at the top; while a modal dialog is open everything outside it is inert, so the desk renders
 * them inside the dialog instead: an offer never arrives hidden behind a dialog.
 */
export function PendingOffers({
  offers,
  busyOffer,
  onAccept,
  onReject,
}: {
  offers: OfferView[];
  busyOffer: string | undefined;
  onAccept: (offerId: string) => void;
  onReject: (offerId: string) => void;
}) {
  return (
    <>
      {offers.map((offer) => (
        <OfferCard
          key={offer.id}
          offer={offer}
          busy={busyOffer === offer.id}
          onAccept={() => onAccept(offer.id)}
          onReject={() => onReject(offer.id)}
        />
      ))}
    </>
  );
}
