import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { buildPlatformUrl } from './extension/utils/build-platform-url.ts';

// Loro's extension: side panel + options + in-page overlay, Manifest V3.
export default defineConfig({
  srcDir: 'extension',
  // Static files (icons) live with the extension's sources.
  publicDir: 'extension/public',
  outDir: '.output',
  imports: false,
  // `npm run dev` builds with hot reload but does not launch a browser: load .output/chrome-mv3-dev.
  webExt: { disabled: true },
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sign-in form's default platform URL: the one `npm start` (same HOST/PORT) serves on.
  vite: () => ({
    plugins: [preact()],
    define: { __LORO_PLATFORM_URL__: JSON.stringify(buildPlatformUrl(process.env)) },
  }),
  manifest: {
    name: 'Loro — WhatsApp for agents',
    description: 'WhatsApp conversation panels inside any contact-center agent console.',
    permissions: ['storage', 'sidePanel', 'notifications', 'scripting'],
    // The platform runs on loopback by default; other platform origins are granted at login.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: { 16: '/icon-16.png', 32: '/icon-32.png', 48: '/icon-48.png', 128: '/icon-128.png' },
    action: { default_title: 'Open Loro', default_icon: { 16: '/icon-16.png', 32: '/icon-32.png' } },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
});
