/** The keys of what the extension stores, shared by the side panel and the (zod-free) background. */
export const SESSION_KEY = 'loro.session';
export const PLATFORM_URL_KEY = 'loro.platformUrl';
export const STAY_KEY = 'loro.staySignedIn';
export const PREFS_KEY = 'loro.panelPrefs';
/** In `storage.local`: the console pages the agent chose for the overlay (options page). */
export const CONSOLE_PATTERNS_KEY = 'loro.consolePatterns';
/** Per agent, in `storage.session`: her drafts and the conversation she had open. */
export const draftsKey = (userId: string) => `loro.drafts.${userId}`;
export const openConversationKey = (userId: string) => `loro.openConversation.${userId}`;
