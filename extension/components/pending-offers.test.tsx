// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfferView } from '../../shared/api/schemas.ts';
import { EndDialog } from './end-dialog.tsx';
import { PendingOffers } from './pending-offers.tsx';
import { TransferDialog } from './transfer-dialog.tsx';

const now = Date.now();
const offer = (id: string, customerName: string): OfferView => ({
  id,
  conversationId: `conv_${id}`,
  customerName,
  customerNumber: '+34612345678',
  originNumber: '+16145551234',
  queueName: 'Customer support',
  offeredAt: now,
  expiresAt: now + 30_000,
  canReject: true,
  kind: 'conversation',
});
const reasons = [{ id: 'closure_resolved', name: 'Resolved' }];

afterEach(cleanup);

describe('PendingOffers inside a modal dialog (issue 13: an offer never arrives hidden behind a dialog)', () => {
  it('shows each offer with Accept and Reject, the busy one disabled', () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    render(
      <PendingOffers
        offers={[offer('o1', 'Pablo Ruiz'), offer('o2', 'Lucía Pérez')]}
        busyOffer="o2"
        onAccept={onAccept}
        onReject={onReject}
      />,
    );
    const accepts = screen.getAllByTestId('accept-offer') as HTMLButtonElement[];
    expect(accepts.map((button) => button.disabled)).toEqual([false, true]);
    fireEvent.click(accepts[0] as HTMLButtonElement);
    fireEvent.click(screen.getAllByTestId('reject-offer')[0] as HTMLButtonElement);
    expect([onAccept.mock.calls, onReject.mock.calls]).toEqual([[['o1']], [['o1']]]);
  });

  it('puts the offers inside the End dialog, and accepting keeps the typed note and chosen reason', () => {
    const onAccept = vi.fn();
    const dialog = (offers: OfferView[]) => (
      <EndDialog
        reasons={reasons}
        onSubmit={async () => undefined}
        onCancel={() => undefined}
        offers={<PendingOffers offers={offers} busyOffer={undefined} onAccept={onAccept} onReject={() => undefined} />}
      />
    );
    const { rerender } = render(dialog([]));
    fireEvent.click(screen.getByTestId('closure-reason'));
    const note = screen.getByRole('textbox', { name: 'Note (optional)' }) as HTMLTextAreaElement;
    fireEvent.input(note, { target: { value: 'Llamar mañana' } });

    rerender(dialog([offer('o1', 'Pablo Ruiz')]));
    const card = screen.getByTestId('offer');
    expect(screen.getByTestId('end-dialog').contains(card)).toBe(true);
    fireEvent.click(screen.getByTestId('accept-offer'));
    expect(onAccept).toHaveBeenCalledWith('o1');

    // Accepted: the offer goes away, the dialog and what she typed stay.
    rerender(dialog([]));
    expect(screen.queryByTestId('offer')).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Note (optional)' }) as HTMLTextAreaElement).value).toBe(
      'Llamar mañana',
    );
    expect((screen.getByTestId('closure-reason') as HTMLInputElement).checked).toBe(true);
  });

  it('puts the offers inside the transfer dialog too', () => {
    render(
      <TransferDialog
        load={() => new Promise(() => undefined)}
        onSubmit={async () => undefined}
        onCancel={() => undefined}
        offers={
          <PendingOffers
            offers={[offer('o1', 'Pablo Ruiz')]}
            busyOffer={undefined}
            onAccept={() => undefined}
            onReject={() => undefined}
          />
        }
      />,
    );
    expect(screen.getByTestId('transfer-dialog').contains(screen.getByTestId('offer'))).toBe(true);
  });
});
