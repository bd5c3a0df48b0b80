import browser from 'webextension-polyfill';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_CONSOLE_PATTERNS } from '../../utils/console-patterns.ts';
import type { OfferToastMessage, OpenPanelMessage } from '../../utils/messages.ts';
import { decoratePhoneNumbers } from './phone-buttons.ts';
import overlayStyles from './style.css?inline';

/**
 * The in-page overlay on agent-console pages: a launcher, in its own shadow root, that opens the
 * Loro side panel, and a "WhatsApp" button next to each phone number on the page (BY-2). It shows
 * no conversation data, so the host page can learn nothing from it.
 */
export default defineContentScript({
  // Registered by the background for the console pages the agent chose (options page), plus
  // loopback consoles: see utils/console-registration.ts.
  registration: 'runtime',
  matches: [...DEFAULT_CONSOLE_PATTERNS],
  // The styles travel inside the script: no web-accessible file, so any console page works.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'loro-overlay',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const style = document.createElement('style');
        style.textContent = overlayStyles;
        container.append(style);
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
