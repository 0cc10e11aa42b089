// Driving code-server's workbench from Chromium, shared by the end-to-end suite
// (test/e2e/run.mjs) and the activation benchmark (bench/activation.mjs): launch Debian's
// Chromium offline, open a note from the Explorer, run a command from the Command Palette.
import { existsSync } from 'node:fs';
import { PrerequisiteError } from './codeServer.mjs';

export const CHROMIUM = '/usr/bin/chromium';

/** Chromium without a sandbox, GPU or any background traffic (the page is on 127.0.0.1 only). */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new PrerequisiteError(`${CHROMIUM} is missing (apt-get install chromium)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Loads the workbench at `folderUrl` and opens `note` from the Explorer; resolves once the
 * status bar shows the Clinical Note language (the extension's language is active).
 */
export async function openNote(page, folderUrl, note, deadline) {
  await page.goto(folderUrl);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: deadline });
  const entry = page.locator('.explorer-folders-view .monaco-list-row', { hasText: note }).first();
  await entry.waitFor({ state: 'visible', timeout: deadline });
  await entry.dblclick();
  await page.locator('.statusbar-item', { hasText: 'Clinical Note' }).first().waitFor({ state: 'visible', timeout: deadline });
}

/** Runs a command from the Command Palette (F1), waiting for it to be listed first. */
export async function runCommand(page, label, deadline) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: deadline });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    throw new Error(`the Command Palette does not list "${label}"`);
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
}
