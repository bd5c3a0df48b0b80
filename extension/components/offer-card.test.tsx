// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OfferView } from '../../shared/api/schemas.ts';
import { OfferCard } from './offer-card.tsx';

const start = Date.UTC(2026, 10, 18, 10, 0, 0);
const offer: OfferView = {
  id: 'offer_1',
  conversationId: 'conv_1',
  customerName: 'María García',
  customerNumber: '+34612345678',
  originNumber: '+16145551234',
  queueName: 'Customer support',
  offeredAt: start,
  expiresAt: start + 30_000,
  canReject: true,
  kind: 'conversation',
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(start);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('OfferCard (AG-2)', () => {
  it('shows the customer name and number, the origin number, the queue, and Accept', () => {
    render(<OfferCard offer={offer} busy={false} onAccept={() => undefined} onReject={() => undefined} />);
    expect(screen.getByTestId('offer-customer-name').textContent).toBe('María García');
    expect(screen.getByTestId('offer-customer-number').textContent).toBe('+34 612 34 56 78');
    expect(screen.getByTestId('offer-origin-number').textContent).toBe('+1 614 555 1234');
    expect(screen.getByTestId('offer-queue').textContent).toBe('Customer support');
    expect(screen.getByTestId('offer-title').textContent).toBe('Incoming WhatsApp conversation');
  });

  it('counts the time since the offer arrived and the time left to answer', () => {
    render(<OfferCard offer={offer} busy={false} onAccept={() => undefined} onReject={() => undefined} />);
    expect(screen.getByTestId('offer-elapsed').textContent).toBe('00:00');
    act(() => {
      vi.advanceTimersByTime(12_000);
    });
    expect(screen.getByTestId('offer-elapsed').textContent).toBe('00:12');
    expect(screen.getByTestId('offer-countdown').textContent).toBe('Respond within 00:18');
  });

  it('accepts and rejects; no Reject where the queue forbids it; says who transferred or invited', () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    render(<OfferCard offer={offer} busy={false} onAccept={onAccept} onReject={onReject} />);
    fireEvent.click(screen.getByTestId('accept-offer'));
    fireEvent.click(screen.getByTestId('reject-offer'));
    expect([onAccept.mock.calls.length, onReject.mock.calls.length]).toEqual([1, 1]);
    cleanup();
    render(
      <OfferCard
        offer={{ ...offer, canReject: false, kind: 'transfer', fromName: 'Bruno Agent' }}
        busy
        onAccept={onAccept}
        onReject={onReject}
      />,
    );
    expect(screen.queryByTestId('reject-offer')).toBeNull();
    expect(screen.getByTestId('offer-title').textContent).toBe('Transfer from Bruno Agent');
    expect((screen.getByTestId('accept-offer') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows masked values as the platform sent them (AG-7)', () => {
    render(
      <OfferCard
        offer={{ ...offer, customerName: '********5678', customerNumber: '********5678', originNumber: '********1234' }}
        busy={false}
        onAccept={() => undefined}
        onReject={() => undefined}
      />,
    );
    expect(screen.getByTestId('offer-customer-name').textContent).toBe('********5678');
    expect(screen.getByTestId('offer-customer-number').textContent).toBe('********5678');
    expect(screen.getByTestId('offer-origin-number').textContent).toBe('********1234');
  });
});
