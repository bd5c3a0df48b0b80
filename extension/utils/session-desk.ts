import browser from './browser.ts';
import { deskApi } from './desk-api.ts';
import { createDeskStore, type DeskClock, type DeskStore } from './desk-store.ts';
import { loadOpenConversation, saveOpenConversation } from './draft-storage.ts';
import { runAgentStream } from './event-stream.ts';
import { clearSession, type Session } from './storage.ts';

const systemTimers: DeskClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The desk store wired to this browser: the platform, the event stream, notifications, storage. */
export function sessionDeskStore(session: Session, clock: DeskClock = systemTimers): DeskStore {
  return createDeskStore({
    api: deskApi(session),
    stream: (handlers, signal) =>
      void runAgentStream({
        url: `${session.platformUrl}/api/agent/events`,
        token: session.token,
        signal,
        ...handlers,
      }),
    notify: {
      focused: () => document.hasFocus(),
      show: (note) =>
        void browser.notifications
          .create(note.id, {
            type: 'basic',
            iconUrl: browser.runtime.getURL('/icon-128.png'),
            title: note.title,
            message: note.message,
          })
          .catch(() => undefined),
    },
    clock,
    session: {
      expiresAt: session.expiresAt,
      clear: clearSession,
      loadOpenConversation: () => loadOpenConversation(session.user.id),
      saveOpenConversation: (conversationId) => saveOpenConversation(session.user.id, conversationId),
    },
    openTab: (url) => void browser.tabs.create({ url, active: false }),
  });
}
