import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Unit tests run outside an extension: WXT's storage items (`utils/storage.ts`) get WXT's
 * in-memory `fakeBrowser`, as WXT's own Vitest plugin arranges, so a module that defines them
 * loads anywhere. Tests that read or write storage call `fakeBrowser.reset()` before each test.
 */
vi.mock('@wxt-dev/browser', () => ({ browser: fakeBrowser }));
