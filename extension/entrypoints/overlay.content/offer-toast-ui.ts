import type { OfferToastMessage } from '../../utils/messages.ts';

/** The toast's words, in the browser's language; here, not in i18n.ts, so the content script stays small. */
const TEXT = {
  en: {
    conversation: 'New WhatsApp conversation offered',
    transfer: 'A WhatsApp conversation was transferred to you',
    conference: 'You are invited to a WhatsApp conference',
    accept: 'Accept',
    open: 'Open',
  },
  es: {
    conversation: 'Nueva conversación de WhatsApp ofrecida',
    transfer: 'Le transfirieron una conversación de WhatsApp',
    conference: 'Le invitan a una conferencia de WhatsApp',
    accept: 'Aceptar',
    open: 'Abrir',
  },
} as const;

export interface ToastActions {
  accept: (offerId: string) => void;
  open: () => void;
}

/**
 * Shows the offer toast on the console page until the offer expires (`lastsMs`), with Accept and
 * Open. Only the offer's kind is shown: the customer's data never reaches the page. Accept reacts
 * to the agent's own clicks only (`isTrusted`): a script of the host page cannot accept offers.
 */
export function showToast(
  toast: HTMLElement,
  message: Pick<OfferToastMessage, 'kind' | 'offerId' | 'lastsMs'>,
  actions: ToastActions,
  { language = navigator.language, trusted = (event: Event) => event.isTrusted } = {},
): void {
  const text = language.toLowerCase().startsWith('es') ? TEXT.es : TEXT.en;
  const button = (label: string, testId: string, onClick: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    element.dataset.testid = testId;
    element.addEventListener('click', (event) => {
      if (!trusted(event)) return;
      onClick();
      hideToast(toast);
    });
    return element;
  };
  const label = document.createElement('span');
  label.textContent = text[message.kind];
  toast.replaceChildren(
    label,
    button(text.accept, 'loro-toast-accept', () => actions.accept(message.offerId)),
    button(text.open, 'loro-toast-open', actions.open),
  );
  toast.hidden = false;
  // The offer id stays in this script's memory, never in the page's DOM.
  shownOffer.set(toast, message.offerId);
  clearTimeout(timers.get(toast));
  timers.set(
    toast,
    setTimeout(() => hideToast(toast), Math.max(0, message.lastsMs)),
  );
}

/** Hides the toast; with an offer id, only when the toast is that offer's. */
export function hideToast(toast: HTMLElement, offerId?: string): void {
  if (offerId !== undefined && shownOffer.get(toast) !== offerId) return;
  clearTimeout(timers.get(toast));
  shownOffer.delete(toast);
  toast.hidden = true;
  toast.replaceChildren();
}

const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();
const shownOffer = new WeakMap<HTMLElement, string>();
