/** The keys of what the extension stores, shared by the side panel and the (zod-free) background. */
export const SESSION_KEY = 'loro.session';
export const PLATFORM_URL_KEY = 'loro.platformUrl';
export const STAY_KEY = 'loro.staySignedIn';
export const PREFS_KEY = 'loro.panelPrefs';
