// Sign-in pages of campus identity services (CAS, 统一身份认证) are never read, though the ones
// here carry a notice the detector would serve anywhere else (tests/unit/portals/login-page.test.ts
// checks that); the portal page the service sends the browser back to (`?ticket=…`) is read.
import { test } from './harness';
import { expectNoReader, openPortal } from './helpers';

test('a CAS sign-in path on the portal host gets no reader', async ({ page, fixtureUrl, serviceWorker }) => {
  await page.goto(fixtureUrl('cas/login.html?service=http%3A%2F%2Fwww.example.edu.cn%2F'));
  await expectNoReader(page, serviceWorker, ['login']);
});

test('a 统一身份认证 page with a password field gets no reader', async ({ page, fixtureUrl, serviceWorker }) => {
  await page.goto(fixtureUrl('sign-in.html'));
  await expectNoReader(page, serviceWorker, ['login']);
});

test('the portal page after the redirect back is read as usual', async ({ page, fixtureUrl }) => {
  await openPortal(page, fixtureUrl('short-notice.html?ticket=ST-1024-abcdef-cas'));
});
