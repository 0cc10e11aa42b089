// Extension activation in a real VS Code: code-server 4.100.3 (VS Code 1.100) with the VSIX
// installed, driven through Debian's Chromium. The numbers are VS Code's own, from
// "Developer: Show Running Extensions": code loading plus the activate call, for our
// extension and for the built-in extensions that activated in the same window (the peers
// measured in the same run). Our extension also logs when its language server answered
// initialize; that time is read from the log file VS Code keeps for our output channel.
//
// Each sample is a fresh window (the page is loaded again, which starts a new extension
// host): the first one also pays for reading the extension from disk.
import { copyExamples, ensureCodeServer, extensionLogs, startCodeServer } from '../scripts/codeServer.mjs';
import { launchChromium, openNote, runCommand } from '../scripts/workbench.mjs';

const NOTE = 'calcinosis-follow-up.note';
const OURS = 'Calcinosis Notes';
const DEADLINE = 90_000;

/** The Running Extensions view: activation milliseconds by extension name. */
async function runningExtensions(page) {
  await runCommand(page, 'Developer: Show Running Extensions', DEADLINE);
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: OURS }).first();
  await row.locator('.activation-time', { hasText: /\d+\s*ms/ }).waitFor({ state: 'visible', timeout: DEADLINE });
  return page.$$eval('.runtime-extensions-editor .monaco-list-row', (rows) =>
    rows.map((r) => ({
      name: r.querySelector('.name')?.textContent?.trim() ?? '',
      time: r.querySelector('.activation-time')?.textContent?.trim() ?? '',
    })),
  );
}

/**
 * Opens the example note in `windows` fresh windows and reads the activation times.
 * Returns { samples: [{ ours, ready, peers: { name: ms } }] } or { skipped: reason }.
 */
export async function measureActivation({ vsix, windows = 5, log = () => {} }) {
  let bin;
  let browser;
  try {
    bin = ensureCodeServer({ log: () => {} });
    browser = await launchChromium();
  } catch (error) {
    return { skipped: error.message };
  }
  const examples = copyExamples();
  let server;
  try {
    server = await startCodeServer({ bin, vsix, folder: examples.folder });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const samples = [];
    for (let w = 0; w < windows; w++) {
      await openNote(page, server.folderUrl, NOTE, DEADLINE);
      const rows = await runningExtensions(page);
      const peers = {};
      let ours;
      for (const { name, time } of rows) {
        const m = /(Startup )?Activation:\s*(\d+)\s*ms/i.exec(time);
        if (!m) continue;
        if (name === OURS) ours = Number(m[2]);
        else peers[name + (m[1] ? ' (at startup)' : '')] = Number(m[2]);
      }
      if (ours === undefined) throw new Error(`Running Extensions does not list ${OURS} with an activation time`);
      // Close the editors, so the next window does not restore this one before the note is opened.
      await runCommand(page, 'View: Close All Editors', DEADLINE);
      samples.push({ ours, peers });
      log(`  window ${w + 1}: ${OURS} ${ours} ms; ${Object.entries(peers).map(([n, v]) => `${n} ${v} ms`).join(', ')}`);
    }
    // One log per extension host, in the order of the windows.
    const ready = extensionLogs(server.home).map((text) => /Language server ready (\d+) ms/.exec(text));
    samples.forEach((s, i) => (s.ready = ready[i] ? Number(ready[i][1]) : undefined));
    return { samples };
  } catch (error) {
    return { skipped: `the activation run broke: ${error.message.split('\n')[0]}` };
  } finally {
    await browser.close();
    await server?.stop();
    examples.remove();
  }
}
