// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hideToast, showToast } from './offer-toast-ui.ts';

describe('the offer toast on the console page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (language = 'en-US', trusted = true) => {
    const toast = document.createElement('div');
    toast.hidden = true;
    const actions = { accept: vi.fn(), open: vi.fn() };
    showToast(toast, { kind: 'conversation', offerId: 'offer_1', lastsMs: 30_000 }, actions, {
      language,
      trusted: () => trusted,
    });
    const button = (testId: string) => toast.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
    return { toast, actions, button };
  };

  it('names only the kind of offer, and Accept accepts that offer', () => {
    const { toast, actions, button } = setup();
    expect(toast.hidden).toBe(false);
    expect(toast.textContent).toBe('New WhatsApp conversation offeredAcceptOpen');
    expect(toast.innerHTML).not.toContain('offer_1');
    button('loro-toast-accept')?.click();
    expect(actions.accept).toHaveBeenCalledWith('offer_1');
    expect(toast.hidden).toBe(true);
  });

  it('lasts exactly as long as the offer', () => {
    const { toast } = setup();
    vi.advanceTimersByTime(29_999);
    expect(toast.hidden).toBe(false);
    vi.advanceTimersByTime(1);
    expect(toast.hidden).toBe(true);
  });

  it('is taken back when its offer goes, not when another one does', () => {
    const { toast } = setup();
    hideToast(toast, 'offer_2');
    expect(toast.hidden).toBe(false);
    hideToast(toast, 'offer_1');
    expect(toast.hidden).toBe(true);
  });

  it('ignores clicks a script of the page makes up', () => {
    const { toast, actions, button } = setup('en-US', false);
    button('loro-toast-accept')?.click();
    expect(actions.accept).not.toHaveBeenCalled();
    expect(toast.hidden).toBe(false);
  });

  it('speaks Spanish in a Spanish browser', () => {
    const { toast, button } = setup('es-ES');
    expect(toast.querySelector('span')?.textContent).toBe('Nueva conversación de WhatsApp ofrecida');
    expect(button('loro-toast-accept')?.textContent).toBe('Aceptar');
  });
});
