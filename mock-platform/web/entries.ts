/**
 * The browser pages the platform serves, each one Vite entry (`vite.config.ts`) built by
 * `npm run build` into hashed files under `.output/web/assets/`. The server knows them by these
 * names (`src/http/web-assets.ts` reads Vite's manifest), so a page it renders always names the
 * current files. Paths are from the repository root.
 */
export const WEB_ENTRIES = {
  admin: 'mock-platform/admin-ui/main.tsx',
  'template-picker': 'mock-platform/web/template-picker/main.tsx',
  'demo-console': 'mock-platform/web/demo-console/main.tsx',
  customer: 'mock-platform/web/customer/main.tsx',
  signup: 'mock-platform/web/signup/main.tsx',
  'whatsapp-manager': 'mock-platform/web/whatsapp-manager/main.tsx',
} as const;

export type WebEntry = keyof typeof WEB_ENTRIES;

/** Where `vite build` writes the pages' files, from the repository root. */
export const WEB_OUTPUT_DIR = '.output/web';

/** The folder of the built files, in the output and in their URL (`/assets/{name}-{hash}.js`). */
export const WEB_ASSETS_DIR = 'assets';
