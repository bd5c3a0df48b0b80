import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearDesk, loadDrafts, loadOpenConversation, saveDrafts, saveOpenConversation } from './draft-storage.ts';
import {
  clearSession,
  DEFAULT_PANEL_PREFS,
  DEFAULT_PLATFORM_URL,
  lastPlatformUrl,
  loadPanelPrefs,
  loadSession,
  onSessionChange,
  type Session,
  savePanelPrefs,
  saveSession,
} from './storage.ts';

// WXT's storage items use fakeBrowser in every unit test (extension/testing/fake-browser-setup.ts).
vi.mock('./browser.ts', () => ({ default: fakeBrowser }));

const session: Session = {
  token: 'tok',
  expiresAt: 2_000,
  platformUrl: 'http://platform.test',
  user: { id: 'u1', username: 'ana', displayName: 'Ana', role: 'agent' },
};

describe('the extension storage items (utils/storage.ts)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the session in storage.session only and the platform URL in storage.local', async () => {
    await saveSession(session);
    expect(await fakeBrowser.storage.session.get('loro.session')).toEqual({ 'loro.session': session });
    expect(await fakeBrowser.storage.local.get()).toEqual({ 'loro.platformUrl': 'http://platform.test' });
    expect(await loadSession(1_000)).toEqual(session);
    expect(await loadSession(2_000)).toBeUndefined();
    expect(await lastPlatformUrl()).toBe('http://platform.test');
    await clearSession();
    expect(await loadSession(1_000)).toBeUndefined();
  });

  it.each([
    ['nothing', undefined],
    ['a damaged value', { token: 42 }],
  ])('reads %s stored as no session', async (_, stored) => {
    if (stored !== undefined) await fakeBrowser.storage.session.set({ 'loro.session': stored });
    expect(await loadSession(1_000)).toBeUndefined();
  });

  it('reads what older, unversioned builds stored', async () => {
    await fakeBrowser.storage.session.set({ 'loro.session': session });
    await fakeBrowser.storage.local.set({ 'loro.platformUrl': 'http://old.test' });
    expect(await loadSession(1_000)).toEqual(session);
    expect(await lastPlatformUrl()).toBe('http://old.test');
  });

  it('prefills the build URL when no platform was used yet', async () => {
    expect(await lastPlatformUrl()).toBe(DEFAULT_PLATFORM_URL);
  });

  it('keeps the panel settings, defaulting what is missing or damaged', async () => {
    expect(await loadPanelPrefs()).toEqual(DEFAULT_PANEL_PREFS);
    await savePanelPrefs({ offerSound: true, tasksExpanded: false, detailsExpanded: true });
    expect(await loadPanelPrefs()).toEqual({ offerSound: true, tasksExpanded: false, detailsExpanded: true });
    await fakeBrowser.storage.local.set({ 'loro.panelPrefs': { offerSound: 'yes', tasksExpanded: true } });
    expect(await loadPanelPrefs()).toEqual({ offerSound: false, tasksExpanded: true, detailsExpanded: false });
  });

  it('tells of session changes until the signal aborts', async () => {
    const seen = vi.fn();
    const stop = new AbortController();
    onSessionChange(seen, stop.signal);
    await saveSession(session);
    expect(seen).toHaveBeenCalledTimes(1);
    await clearSession();
    expect(seen).toHaveBeenCalledTimes(2);
    stop.abort();
    await saveSession(session);
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it("keeps each agent's drafts and open conversation in storage.session, apart from other agents'", async () => {
    await saveDrafts('u1', { c1: 'hola' });
    await saveOpenConversation('u1', 'c1');
    await saveDrafts('u2', { c9: 'other' });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.session.get(['loro.drafts.u1', 'loro.openConversation.u1'])).toEqual({
      'loro.drafts.u1': { c1: 'hola' },
      'loro.openConversation.u1': 'c1',
    });
    expect(await loadDrafts('u1')).toEqual({ c1: 'hola' });
    expect(await loadOpenConversation('u1')).toBe('c1');
    await saveOpenConversation('u1', undefined);
    expect(await loadOpenConversation('u1')).toBeUndefined();
    await saveOpenConversation('u1', 'c1');
    await clearDesk('u1');
    expect(await loadDrafts('u1')).toEqual({});
    expect(await loadOpenConversation('u1')).toBeUndefined();
    expect(await loadDrafts('u2')).toEqual({ c9: 'other' });
    await fakeBrowser.storage.session.set({ 'loro.drafts.u2': { c9: 42 } });
    expect(await loadDrafts('u2')).toEqual({});
  });
});
