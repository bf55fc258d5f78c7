// Build configuration: MV3 for Chrome/Edge, MV2-compatible Firefox build, no auto-imports, and the
// store packages `npm run zip` makes (the manifest's version is package.json's, WXT's default).
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { STATIC_PORTAL_MATCHES } from './lib/portals/static-matches';
import { HIGHLIGHT_SHEET_FILE, highlightSheetText } from './lib/phrases/highlight-sheet';
import { pdfjsAssets } from './lib/attachments/pdfjs-assets';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  // `wxt zip -b firefox` also makes the sources archive AMO asks for: what builds the extension
  // (README's "Build from source"), not the tests, the benchmark or what runs left behind. WXT
  // already leaves out node_modules, hidden files, *.test/*.spec files and .output; the archive is
  // made from this folder only, so nothing beside the clone (../shared) can get in.
  zip: {
    excludeSources: [
      'tests/**',
      'bench/**',
      'docs/**',
      'scripts/**',
      'playwright.config.ts',
      'vitest.config.ts',
      'test-results/**',
      'demo-output/**',
      'playwright-report/**',
      'stats.html',
      '**/*.log',
      '**/*.zip',
    ],
  },
  hooks: {
    // The fixed highlight sheet, written from its TypeScript source so the two cannot drift.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HIGHLIGHT_SHEET_FILE, contents: highlightSheetText() });
      // The attachment viewer's pdf.js worker and the CMaps Chinese PDFs need, from the package.
      files.push(...pdfjsAssets(new URL('./node_modules/pdfjs-dist/', import.meta.url)));
    },
  },
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Host access beyond the static content-script matches is asked for per portal, at runtime,
    // from the options page. MV2 (Firefox) has no optional_host_permissions — WXT drops the key
    // there — so the same pattern goes into optional_permissions instead.
    // contextMenus: the 在导读中打开 item on links to PDF/Word attachments (Firefox reads it as `menus`).
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    // The organisation's policy (lib/managed): Chromium reads it against this schema. Firefox has no
    // schema key; it reads a managed-storage manifest IT installs (docs/it-admin.md).
    ...(manifestVersion === 3 ? { storage: { managed_schema: 'managed_schema.json' } } : {}),
    // The static portals' hosts: the background injects the reader bundle there once a document is found.
    host_permissions: STATIC_PORTAL_MATCHES,
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    // The highlight sheet goes in before the page is styled (CSS content scripts are injected before
    // any DOM is built), so painting highlights later restyles nothing: lib/phrases/highlight-sheet.ts.
    // WXT adds the detector's own entry (entrypoints/content) after this one.
    content_scripts: [
      { matches: STATIC_PORTAL_MATCHES, css: [HIGHLIGHT_SHEET_FILE], all_frames: true, run_at: 'document_start' },
    ],
    // The reader's panel is an extension page shown in a frame on the portal's page (inside an
    // open shadow root: see the README's "What a page can see"); the page must be allowed to embed
    // it. So is the attachment offer chip (entrypoints/offer) on pointer pages and PDF tabs. Nothing
    // else is exposed. Every site, not only the portal matches: MV3 cannot add matches at run time,
    // and the reader also runs on portals the user grants later. In Chrome `use_dynamic_url` gives
    // the resources a per-session address, so a site cannot probe for them by a fixed one.
    web_accessible_resources:
      manifestVersion === 2
        ? (['sidepanel.html', 'offer.html'] as unknown as never)
        : [{ resources: ['sidepanel.html', 'offer.html'], matches: ['*://*/*'], use_dynamic_url: true }],
    commands: {
      'next-part': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_cmdNextPart__' },
      'previous-part': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_cmdPreviousPart__' },
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_cmdTogglePanel__' },
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdToggleHighlights__' },
      // No default key (Chrome suggests at most four); the reader can set one on the shortcuts page.
      'dock-outline': { description: '__MSG_cmdDockOutline__' },
      'toggle-study': { description: '__MSG_cmdToggleStudy__' },
    },
    browser_specific_settings: {
      gecko: {
        id: 'gongwen-reader@example.edu.cn',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
