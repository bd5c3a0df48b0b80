import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  onConsolePatternsChange,
  registerOverlay,
  saveConsolePatterns,
  savedConsolePatterns,
} from './console-registration.ts';
import { CONSOLE_PATTERNS_KEY } from './storage-keys.ts';

type Script = chrome.scripting.RegisteredContentScript;

/** chrome.scripting's registry in memory (fakeBrowser leaves it unimplemented). */
function memoryScripting() {
  const scripts = new Map<string, Script>();
  return {
    scripts,
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
      [...scripts.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id)),
    registerContentScripts: async (added: Script[]) => {
      for (const script of added) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
    },
    updateContentScripts: async (changed: Script[]) => {
      for (const script of changed) scripts.set(script.id, { ...scripts.get(script.id), ...script });
    },
  };
}

describe('registerOverlay', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers the overlay for the demo consoles, then again with the agent’s patterns, kept across sessions', async () => {
    const scripting = memoryScripting();
    const deps = { scripting: scripting as never };
    await registerOverlay(deps);
    expect(scripting.scripts.get('loro-overlay')).toMatchObject({
      matches: ['http://127.0.0.1/demo/*', 'http://localhost/demo/*'],
      persistAcrossSessions: true,
      runAt: 'document_idle',
    });

    await fakeBrowser.storage.local.set({ [CONSOLE_PATTERNS_KEY]: ['https://crm.example.com/*', 42] });
    await registerOverlay(deps);
    expect(scripting.scripts.get('loro-overlay')?.matches).toEqual([
      'http://127.0.0.1/demo/*',
      'http://localhost/demo/*',
      'https://crm.example.com/*',
    ]);
    expect(scripting.scripts.size).toBe(1);
  });

  it('reads back what the options page saved, and tells the background when it changes', async () => {
    const changes: number[] = [];
    const stop = onConsolePatternsChange(() => changes.push(changes.length));
    await saveConsolePatterns(['https://crm.example.com/*']);
    expect(await savedConsolePatterns()).toEqual(['https://crm.example.com/*']);
    expect(changes).toHaveLength(1);
    stop();
    await saveConsolePatterns([]);
    expect(changes).toHaveLength(1);
  });

  it('reads a damaged value as no patterns', async () => {
    await fakeBrowser.storage.local.set({ [CONSOLE_PATTERNS_KEY]: 'https://crm.example.com/*' });
    expect(await savedConsolePatterns()).toEqual([]);
  });
});
