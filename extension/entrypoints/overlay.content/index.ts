import browser from 'webextension-polyfill';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { OpenPanelMessage } from '../../utils/messages.ts';
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
        container.append(button);
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
