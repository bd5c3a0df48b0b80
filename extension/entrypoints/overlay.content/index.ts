import browser from 'webextension-polyfill';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_CONSOLE_PATTERNS } from '../../utils/console-patterns.ts';
import { type OpenPanelMessage, readMessage, type ToastAcceptMessage } from '../../utils/messages.ts';
import { hideToast, showToast } from './offer-toast-ui.ts';
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
        const openPanel = () => {
          const message: OpenPanelMessage = { type: 'loro:open-panel' };
          void browser.runtime.sendMessage(message);
        };
        button.addEventListener('click', openPanel);
        const toast = document.createElement('div');
        toast.className = 'toast';
        toast.hidden = true;
        toast.setAttribute('role', 'status');
        toast.dataset.testid = 'loro-toast';
        container.append(toast, button);
        const accept = (offerId: string) => {
          const message: ToastAcceptMessage = { type: 'loro:toast-accept', offerId };
          void browser.runtime.sendMessage(message);
        };
        browser.runtime.onMessage.addListener((raw: unknown) => {
          const message = readMessage(raw, 'loro:offer-toast', 'loro:offer-toast-gone');
          if (message?.type === 'loro:offer-toast') showToast(toast, message, { accept, open: openPanel });
          else if (message) hideToast(toast, message.offerId);
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
