import type { Browser } from 'webextension-polyfill';

/**
 * The extension APIs for the side panel and options page: Chrome's own `chrome.*`, which in
 * Manifest V3 returns promises like the polyfill's `browser.*`, typed as the polyfill's `browser`.
 * The polyfill cost the side panel ~2.7 KiB gzip of its 90 KiB budget (scripts/check-bundles.ts)
 * and adds nothing these pages use; the background and the content script keep it for message
 * listeners that answer with a promise. Outside an extension (unit tests) it is undefined, so a
 * module that imports it still loads; tests that need storage mock this module with WXT's
 * `fakeBrowser` (`vi.mock('./browser.ts', () => ({ default: fakeBrowser }))`).
 */
const browser = (globalThis as unknown as { chrome: Browser }).chrome;
export default browser;
