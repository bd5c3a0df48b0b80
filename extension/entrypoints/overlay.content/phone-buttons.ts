import browser from 'webextension-polyfill';
import type { StartConversationMessage } from '../../utils/messages.ts';
import { findPhoneCandidates } from '../../utils/phone-candidates.ts';

const MARK = 'data-loro-phone';
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'NOSCRIPT', 'CODE', 'PRE']);
const MAX_BUTTONS = 200;

/** The button's own styles, inside its shadow root so the console's CSS cannot reach it (nor it the console). */
const STYLE = `button{all:initial;cursor:pointer;margin-left:4px;padding:0 6px;border-radius:9px;background:#1faa53;color:#fff;font:600 11px/18px system-ui,sans-serif;vertical-align:baseline}button:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}`;

/**
 * "Start WhatsApp conversation" next to every international phone number in the page's text
 * (BY-2). Each button lives in its own shadow root; clicking it sends only that number to the
 * extension, which opens the side panel to choose a channel and an approved template. Nothing
 * flows back into the page.
 */
export function decoratePhoneNumbers(root: Node = document.body): number {
  let added = document.querySelectorAll(`[${MARK}]`).length;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || SKIP.has(parent.tagName) || parent.closest(`[${MARK}], loro-overlay, [contenteditable="true"]`))
        return NodeFilter.FILTER_REJECT;
      return /\+\d/.test(node.nodeValue ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const candidates = findPhoneCandidates(node.nodeValue ?? '').reverse();
    for (const candidate of candidates) {
      if (added >= MAX_BUTTONS) return added;
      node.splitText(candidate.end);
      const numberNode = node.splitText(candidate.start);
      const host = document.createElement('span');
      host.setAttribute(MARK, '');
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'WhatsApp';
      button.title = `Start WhatsApp conversation with ${candidate.text}`;
      button.setAttribute('aria-label', `Start WhatsApp conversation with ${candidate.text}`);
      button.addEventListener('click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        const message: StartConversationMessage = { type: 'loro:start-conversation', number: candidate.text };
        void browser.runtime.sendMessage(message);
      });
      shadow.append(style, button);
      numberNode.after(host);
      added++;
    }
  }
  return added;
}
