import browser from 'webextension-polyfill';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { OfferToastMessage, OpenPanelMessage } from '../../utils/messages.ts';
import { decoratePhoneNumbers } from './phone-buttons.ts';
import './style.css';

/**
 * The in-page overlay on agent-console pages: a launcher, in its own shadow root, that opens the
 * Loro side panel, and a "WhatsApp" button next to each phone number on the page (BY-2). It shows
 * no conversation data, so the host page can learn nothing from it.
 */
export default defineContentScript({
  // TODO(2026-11-21): agent-configured console URL patterns (issue 6); loopback consoles for now.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'loro-overlay',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'launcher';
        button.dataset.testid = 'loro-launcher';
        button.textContent = 'Loro · WhatsApp';
        button.addEventListener('click', () => {
          const message: OpenPanelMessage = { type: 'loro:open-panel' };
          void browser.runtime.sendMessage(message);
        });
        const toast = document.createElement('div');
        toast.className = 'toast';
        toast.hidden = true;
        toast.setAttribute('role', 'status');
        toast.dataset.testid = 'loro-toast';
        container.append(toast, button);
        browser.runtime.onMessage.addListener((message: unknown) => {
          if (!isOfferToastMessage(message)) return undefined;
          showToast(toast, message.kind);
          return undefined;
        });
        return button;
      },
      onRemove(button) {
        button?.remove();
      },
    });
    ui.mount();
    // BY-2: numbers on the console page get a "WhatsApp" button; consoles change their pages, so again on changes.
    decoratePhoneNumbers();
    let pending: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        decoratePhoneNumbers();
      }, 300);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});

const TOAST_TEXT: Record<OfferToastMessage['kind'], string> = {
  conversation: 'New WhatsApp conversation offered · Nueva conversación de WhatsApp',
  transfer: 'A WhatsApp conversation was transferred to you · Le transfirieron una conversación',
  conference: 'You are invited to a WhatsApp conference · Le invitan a una conferencia',
};

/** Shows the offer toast for a few seconds; clicking it opens the side panel. */
function showToast(toast: HTMLElement, kind: OfferToastMessage['kind']): void {
  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = 'Open · Abrir';
  open.addEventListener('click', () => {
    const message: OpenPanelMessage = { type: 'loro:open-panel' };
    void browser.runtime.sendMessage(message);
    toast.hidden = true;
  });
  const label = document.createElement('span');
  label.textContent = TOAST_TEXT[kind];
  toast.replaceChildren(label, open);
  toast.hidden = false;
  clearTimeout(Number(toast.dataset.timer));
  toast.dataset.timer = String(setTimeout(() => (toast.hidden = true), 10_000));
}

/** A hand-written check (not the zod schema): the content script stays small. */
function isOfferToastMessage(message: unknown): message is OfferToastMessage {
  const candidate = message as Partial<OfferToastMessage> | null;
  return candidate?.type === 'loro:offer-toast' && typeof candidate.kind === 'string' && candidate.kind in TOAST_TEXT;
}
