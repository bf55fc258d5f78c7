// Renders the toolbar icon (public/icon/*.png) from one SVG in headless Chromium.
// Run by hand after changing the design: node scripts/make-icons.mjs
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const svg = (size) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#a4262c"/>
  <text x="64" y="98" text-anchor="middle" font-size="80" font-weight="700" fill="#fff"
    font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">文</text>
</svg>`;

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox'] });
const page = await browser.newPage();
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log('icons written to public/icon');
