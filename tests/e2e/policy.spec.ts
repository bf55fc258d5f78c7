// Issue 27: an organisation's policy reaches the running extension in real Chromium. Chromium on
// Linux reads policies from /etc/chromium/policies/managed/*.json only, so the browser runs in a
// private mount namespace (`unshare -m` as root, `unshare -r -m` otherwise) with a temporary
// directory bound over /etc/chromium: the real /etc is never touched, and the binding ends with the
// browser. The policy is written in the form docs/it-admin.md gives IT
// (`3rdparty.extensions.<extension-id>`), under the id computed here the way Chromium computes it,
// before the browser starts: as IT has to.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import {
  test,
  expect,
  EXTENSION_DIR,
  FIXTURE_ORIGIN,
  launchWithProfile,
  makeProfileDir,
  removeProfileDir,
  testTime,
  type LaunchedExtension,
} from './harness';
import { openPortal, panel, panelTab, stored } from './helpers';

const ORGANISATION = '西安海棠职业学院网络信息中心';
/** In tests/fixtures/cms-spans.html, and in no built-in lexicon entry, so only the policy can mark it. */
const PHRASE = '战斗堡垒';
const GLOSS = '基层党组织在疫情防控一线的组织核心作用';

const FIRST_POLICY = {
  organisationName: ORGANISATION,
  supportUrl: 'https://nic.example.com/help/gongwen-reader',
  glossary: [{ phrase: PHRASE, gloss: GLOSS }],
  defaultSettings: { highlightsOn: true },
  lockedSettings: ['highlightsOn'],
  syncAllowed: false,
};
/** IT unlocks the setting and allows sync while the browser runs. */
const SECOND_POLICY = { ...FIRST_POLICY, lockedSettings: [], syncAllowed: true };

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of SHA-256 over the manifest's
 * `key` (base64 DER) when it has one, otherwise over the directory's absolute path (symlinks
 * resolved, as Chromium's MakeAbsoluteFilePath does), written as 32 letters a–p.
 */
async function unpackedExtensionId(dir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { key?: string };
  const input = manifest.key ? Buffer.from(manifest.key, 'base64') : Buffer.from(realpathSync(dir), 'utf8');
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

/** `text` as one single-quoted shell word. */
const shQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

const UNSHARE_FLAGS = process.getuid?.() === 0 ? '-m' : '-r -m';

/**
 * Started by Playwright in Chromium's place (launcher option `wrapper`): a mount namespace of its
 * own where `policyDir` is /etc/chromium, then the real browser ($GONGWEN_CHROMIUM) with every
 * argument Playwright gave. `exec` keeps one process, so Playwright's pipe and its kill reach Chromium.
 */
function wrapperScript(policyDir: string): string {
  return [
    '#!/bin/sh',
    `exec unshare ${UNSHARE_FLAGS} sh -c 'mount --bind "$0" /etc/chromium && exec "$GONGWEN_CHROMIUM" "$@"' ${shQuote(policyDir)} "$@"`,
    '',
  ].join('\n');
}

/** Why this machine cannot bind a directory over /etc/chromium in a private namespace, or null. */
function namespaceProblem(probeDir: string): string | null {
  const probe = spawnSync(
    'sh',
    [
      '-c',
      `unshare ${UNSHARE_FLAGS} sh -c 'mount --bind "$0" /etc/chromium && test -e /etc/chromium/probe' ${shQuote(probeDir)}`,
    ],
    { encoding: 'utf8' },
  );
  if (probe.error) return `cannot run unshare: ${probe.error.message}`;
  if (probe.status !== 0)
    return `\`unshare ${UNSHARE_FLAGS}\` + \`mount --bind … /etc/chromium\` not permitted here: ${probe.stderr.trim() || `exit ${probe.status}`}`;
  return null;
}

async function writePolicy(policyDir: string, id: string, policy: object): Promise<void> {
  const file = path.join(policyDir, 'policies', 'managed', 'gongwen.json');
  // Written whole, then renamed: Chromium's directory watcher never reads a half-written file.
  await writeFile(`${file}.tmp`, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
  await rename(`${file}.tmp`, file);
}

function managedArea(worker: Worker): Promise<Record<string, unknown>> {
  return stored(worker, 'managed');
}

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1, name: '公文导读设置' })).toBeVisible();
}

test('a policy in /etc/chromium reaches the extension: locks, sync, glossary, and a live change', async () => {
  test.setTimeout(testTime(120_000));
  const root = await mkdtemp(path.join(os.tmpdir(), 'gongwen-policy-'));
  const profile = await makeProfileDir();
  let launched: LaunchedExtension | null = null;
  try {
    const policyDir = path.join(root, 'etc-chromium');
    await mkdir(path.join(policyDir, 'policies', 'managed'), { recursive: true });
    await writeFile(path.join(policyDir, 'probe'), '');
    const problem = namespaceProblem(policyDir);
    test.skip(problem !== null, problem ?? '');

    const id = await unpackedExtensionId(EXTENSION_DIR);
    await writePolicy(policyDir, id, FIRST_POLICY);
    const wrapper = path.join(root, 'chromium-with-policy.sh');
    await writeFile(wrapper, wrapperScript(policyDir));
    await chmod(wrapper, 0o755);

    launched = await launchWithProfile(profile, { wrapper });
    const { context, extensionId, serviceWorker } = launched;
    expect(extensionId, 'the id computed from the build directory is the one Chromium gave').toBe(id);
    expect(existsSync('/etc/chromium/policies/managed/gongwen.json'), 'the real /etc is untouched').toBe(false);

    // (1) The values arrive in the running extension (Chromium fills the area shortly after start).
    await expect
      .poll(() => managedArea(serviceWorker), { timeout: 15_000 })
      .toMatchObject({ organisationName: ORGANISATION, syncAllowed: false, lockedSettings: ['highlightsOn'] });

    // The options page: the locked setting is disabled and says who manages it; no sync switch.
    const options = await context.newPage();
    await openOptions(options, extensionId);
    const highlight = options.getByRole('region', { name: '高亮' });
    const highlightSwitch = highlight.getByRole('switch');
    await expect(highlightSwitch).toBeDisabled();
    await expect(highlightSwitch).toBeChecked();
    await expect(highlight).toContainText('由贵单位管理');
    await expect(highlight.getByRole('link', { name: '获取帮助' })).toHaveAttribute('href', FIRST_POLICY.supportUrl);
    const managedSection = options.getByRole('region', { name: '本单位管理' });
    await expect(managedSection).toContainText(ORGANISATION);
    await expect(managedSection).toContainText('贵单位不允许浏览器同步');
    await expect(options.getByRole('region', { name: '同步' })).toHaveCount(0);
    await expect(options.getByRole('switch', { name: /通过浏览器同步/ })).toHaveCount(0);

    // (2) The glossary's phrase is painted on a portal page and listed under 关键词 as 本单位 with its gloss.
    const page = context.pages()[0] ?? (await context.newPage());
    await openPortal(page, `${FIXTURE_ORIGIN}/cms-spans.html`);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...((CSS.highlights.get('gongwen-light-organisation') as Iterable<Range> | undefined) ?? [])].map((r) =>
            r.toString(),
          ),
        ),
      )
      .toContain(PHRASE);
    await panelTab(page, /^关键词/);
    const chip = panel(page)
      .getByRole('list', { name: '关键词' })
      .getByRole('button', { name: new RegExp(`^${PHRASE}，本单位，`) });
    await expect(chip).toHaveCount(1);
    await chip.focus();
    await expect(chip).toHaveAccessibleDescription(GLOSS);
    await expect(panel(page).getByRole('tooltip')).toHaveText(GLOSS);

    // (4) IT changes the policy file while the browser runs: Chromium's watcher on the policy
    // directory picks it up (after its settle delay) and the open options page follows.
    await writePolicy(policyDir, id, SECOND_POLICY);
    await expect
      .poll(() => managedArea(serviceWorker), { timeout: testTime(45_000) })
      .toMatchObject({ syncAllowed: true, lockedSettings: [] });
    await expect(highlightSwitch).toBeEnabled();
    await expect(highlight).not.toContainText('由贵单位管理');
    await expect(options.getByRole('region', { name: '同步' })).toBeVisible();
    await expect(managedSection).not.toContainText('贵单位不允许浏览器同步');
  } finally {
    await launched?.context.close().catch(() => {});
    await removeProfileDir(profile);
    await rm(root, { recursive: true, force: true });
  }
});
