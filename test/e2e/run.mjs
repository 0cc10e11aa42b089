// End to end in a real VS Code: code-server 4.100.3 (VS Code 1.100) with the packaged VSIX
// installed, driven through Debian's Chromium by playwright-core, the way a clinician would use
// it: hover a term, read the Problems panel, type a snippet prefix, hover a lab value.
//
// `npm run test:e2e` (also run by `npm test` through test/runAll.mjs). Ends with a
// `##counts {...}` line. Screenshots go to test-results/.
//
// Prerequisites (code-server from the npm registry, Chromium from Debian) are installed by
// scripts/install-code-server.sh and cached outside the repository. In CI (CI=true) a missing
// prerequisite fails every check; on a machine where they cannot be installed (not root) the
// checks are reported as skipped with the reason.
//
// Every wait is on a condition (an element, a text) with a generous deadline, never a fixed sleep.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { findServerPids, killServer } from './killServer.mjs';
import { buildVsix, copyExamples, ensureCodeServer, extensionLogs, PrerequisiteError, ROOT, startCodeServer, VSIX } from '../../scripts/codeServer.mjs';
import { CHROMIUM, launchChromium, openNote, runCommand as runWorkbenchCommand } from '../../scripts/workbench.mjs';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const RESULTS = join(ROOT, 'test-results');
const NOTE = 'calcinosis-follow-up.note';
const STEP = 90_000; // deadline for one user-visible condition (server start-up included)
const started = Date.now();

const results = [];
function record(name, status, message = '') {
  results.push({ name, status, message });
  const mark = status === 'passed' ? '✔' : status === 'skipped' ? '-' : '✖';
  console.log(`  ${mark} ${name}${message ? `\n      ${message.replace(/\n/g, '\n      ')}` : ''}`);
}

const CHECKS = {
  vscodeSuite: 'the @vscode/test-electron suite (npm run test:vscode) bundles and its entry point loads',
  vsix: 'the VSIX holds the bundles and no node_modules, and is at most 1 MB',
  hoverTerm: 'hovering "calcinosis cutis" shows its definition',
  problems: 'the Problems panel lists the Ca×P warning with its working (76.7 mg²/dL²)',
  log: "the extension's log says when the language server was ready, and holds no note text",
  hoverLab: 'hovering "Ca 10.8" shows the value in mg/dL and in mmol/L',
  snippet: 'typing cc-workup and accepting the suggestion inserts the workup order set',
  restart: 'after the language server is killed, the client restarts it and an edit gets fresh diagnostics',
  serverProcess: 'the language server runs with the flags and environment the extension gives it (client/src/serverProcess.ts)',
};

function finish() {
  const count = (s) => results.filter((r) => r.status === s).length;
  console.log(`e2e took ${Math.round((Date.now() - started) / 1000)} s; screenshots in test-results/`);
  console.log(`##counts ${JSON.stringify({ passed: count('passed'), failed: count('failed'), skipped: count('skipped') })}`);
  process.exitCode = count('failed') ? 1 : 0;
}

/** Every check not yet run ends as skipped (dev machine) or failed (CI, or a real breakage). */
function endRemaining(status, message) {
  for (const [key, name] of Object.entries(CHECKS)) {
    if (!results.some((r) => r.name === name)) record(name, status, message);
    delete CHECKS[key];
  }
}

// ---------------------------------------------------------------- the VSIX, read as a zip file

/** Names of the entries of a zip file, from its central directory. */
function zipEntries(buffer) {
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt central directory');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function checkVsix() {
  const size = statSync(VSIX).size;
  const entries = zipEntries(readFileSync(VSIX));
  const problems = [];
  // vsce stores README.md and CHANGELOG.md as readme.md and changelog.md, and LICENSE as LICENSE.txt.
  const lower = entries.map((e) => e.toLowerCase());
  for (const required of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/noteFeatures.js', 'extension/package.json', 'extension/readme.md', 'extension/license.txt', 'extension/changelog.md', 'extension/images/icon.png']) {
    if (!lower.includes(required.toLowerCase())) problems.push(`missing ${required}`);
  }
  const grammar = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.grammars ?? [];
  for (const g of grammar) if (!entries.includes(join('extension', g.path))) problems.push(`missing the grammar ${g.path}`);
  if (!entries.some((e) => e.startsWith('extension/snippets/'))) problems.push('no snippets');
  const unwanted = entries.filter((e) => /(^|\/)node_modules\/|\.map$|\.ts$|(^|\/)(test|server\/src|client\/src)\//.test(e));
  if (unwanted.length) problems.push(`ships files users do not need: ${unwanted.slice(0, 5).join(', ')}${unwanted.length > 5 ? '…' : ''}`);
  if (size > 1024 * 1024) problems.push(`${(size / 1024).toFixed(0)} KB is over 1 MB`);
  console.log(`    VSIX: ${(size / 1024).toFixed(1)} KB, ${entries.length} entries: ${entries.filter((e) => !e.endsWith('/')).join(' ')}`);
  if (problems.length) throw new Error(problems.join('; '));
}

// ---------------------------------------------------------------- the workbench, as a user sees it

/** Screen position of `focus` inside the first rendered editor line that contains `text`. */
async function pointAt(page, text, focus = text) {
  return page.evaluate(
    ([text, focus]) => {
      for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')) {
        const nodes = [];
        let all = '';
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          nodes.push({ node: walker.currentNode, start: all.length });
          all += walker.currentNode.data;
        }
        const plain = all.replace(/\u00a0/g, ' ');
        const at = plain.indexOf(text);
        if (at < 0) continue;
        const from = at + text.indexOf(focus);
        const locate = (offset, end) => {
          for (const { node, start } of nodes) {
            if (end ? offset <= start + node.data.length : offset < start + node.data.length) return [node, offset - start];
          }
          return null;
        };
        const range = document.createRange();
        range.setStart(...locate(from, false));
        range.setEnd(...locate(from + focus.length, true));
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    },
    [text, focus],
  );
}

/** Text of each visible part of the editor hover (one entry per hover section). */
function hoverParts(page) {
  return page.evaluate(() => {
    const visible = (e) => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
    const parts = [];
    for (const hover of document.querySelectorAll('.monaco-hover')) {
      if (!visible(hover)) continue;
      const rows = hover.querySelectorAll('.hover-row');
      if (rows.length) for (const row of rows) parts.push(row.textContent.replace(/\s+/g, ' ').trim());
      else parts.push(hover.textContent.replace(/\s+/g, ' ').trim());
    }
    return parts.filter(Boolean);
  });
}

/**
 * Moves the mouse onto `focus` (in the line containing `text`) until a hover section satisfies
 * every pattern. The mouse is moved away and back while waiting, as a user does when the first
 * hover comes before the language server is ready.
 */
async function hoverUntil(page, { text, focus }, patterns, deadline = STEP) {
  const until = Date.now() + deadline;
  let seen = [];
  while (Date.now() < until) {
    const p = await pointAt(page, text, focus);
    if (!p) throw new Error(`"${text}" is not on screen in the editor`);
    await page.mouse.move(p.x, p.y + 120);
    await page.locator('.monaco-hover:visible').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
    await page.mouse.move(p.x - 2, p.y, { steps: 2 });
    await page.mouse.move(p.x, p.y);
    try {
      await page.waitForFunction(
        (sources) => {
          const visible = (e) => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
          for (const hover of document.querySelectorAll('.monaco-hover')) {
            if (!visible(hover)) continue;
            const rows = hover.querySelectorAll('.hover-row');
            for (const part of rows.length ? rows : [hover]) {
              const t = part.textContent.replace(/\s+/g, ' ');
              if (sources.every((s) => new RegExp(s).test(t))) return true;
            }
          }
          return false;
        },
        patterns.map((r) => r.source),
        { timeout: Math.max(1000, Math.min(10_000, until - Date.now())), polling: 200 },
      );
      return hoverParts(page);
    } catch {
      seen = await hoverParts(page);
    }
  }
  throw new Error(`no hover on "${focus}" matched ${patterns.map(String).join(' and ')}; last hover seen: ${seen.length ? seen.map((s) => `"${s.slice(0, 300)}"`).join(' | ') : '(none)'}`);
}

/** Runs a command from the Command Palette (F1). */
function runCommand(page, label) {
  return runWorkbenchCommand(page, label, STEP);
}

/** Text of the editor lines on screen. */
function visibleLines(page) {
  return page.$$eval('.editor-instance .monaco-editor .view-lines .view-line', (lines) =>
    lines
      .map((l) => ({ top: parseFloat(l.style.top) || 0, text: l.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
}

async function shot(page, name) {
  // A hover fades in: wait until it and its containers are fully opaque, so the picture is legible.
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.monaco-hover')].every((hover) => {
          for (let e = hover; e; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) < 1) return false;
          return true;
        }),
      undefined,
      { timeout: 5_000, polling: 100 },
    )
    .catch(() => {});
  await page.screenshot({ path: join(RESULTS, name) });
}

// ---------------------------------------------------------------- the checks

async function checkProblems(page) {
  await runCommand(page, 'Problems: Focus on Problems View');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: STEP });
  const row = panel.locator('.monaco-list-row', { hasText: '76.7 mg²/dL²' }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: STEP });
  } catch {
    const rows = await panel.locator('.monaco-list-row').allTextContents();
    throw new Error(`no problem mentions 76.7 mg²/dL² after ${STEP / 1000} s; the panel lists: ${rows.length ? rows.map((r) => `"${r}"`).join(' | ') : '(nothing)'}`);
  }
  const text = (await row.textContent()).replace(/\s+/g, ' ');
  const label = (await row.getAttribute('aria-label')) ?? '';
  if (!/warning/i.test(label + (await row.innerHTML()))) throw new Error(`the Ca×P problem is not shown as a warning: ${label || text}`);
  if (!/10\.8/.test(text) || !/7\.1/.test(text)) throw new Error(`the message does not show its working (calcium 10.8 × phosphate 7.1): "${text}"`);
  console.log(`    Problems panel: "${text}"`);
  await shot(page, 'problems.png');
}

async function checkLog(home, notePath) {
  const until = Date.now() + STEP;
  let logs = extensionLogs(home);
  // VS Code writes the output channel to disk on its own schedule: poll for the line.
  while (!logs.some((t) => /Language server ready \d+ ms after activation/.test(t))) {
    if (Date.now() > until) throw new Error(`no "Language server ready" line in the extension's log after ${STEP / 1000} s; it holds: ${logs.join('').slice(-800) || '(nothing)'}`);
    await new Promise((r) => setTimeout(r, 200)); // polling a file, not waiting for time to pass
    logs = extensionLogs(home);
  }
  const text = logs.join('');
  // Patient data stays out of logs: no line of the note (longer than a few words) may appear.
  const leaked = readFileSync(notePath, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= 20 && text.includes(l));
  if (leaked.length) throw new Error(`the extension's log contains note text: "${leaked[0]}"`);
  console.log(`    log: "${/Language server ready \d+ ms after activation\./.exec(text)[0]}"`);
}

async function checkHoverTerm(page, definition) {
  // The first sentence of the knowledge base's own definition must be in the hover.
  const sentence = definition.split(/(?<=\.)\s/)[0];
  const escaped = sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const parts = await hoverUntil(page, { text: 'follow-up: calcinosis cutis', focus: 'calcinosis cutis' }, [new RegExp(escaped, 'i')]);
  console.log(`    hover: "${parts.join(' | ').slice(0, 240)}…"`);
  await shot(page, 'hover-term.png');
}

async function checkHoverLab(page) {
  // 10.8 mg/dL of calcium is 2.69 mmol/L (÷ 4.008): both systems in one hover section.
  const parts = await hoverUntil(page, { text: 'Ca 10.8 mg/dL', focus: '10.8' }, [/10\.8\s*mg\/dL/, /2\.(69|7)\d*\s*mmol\/L/]);
  console.log(`    hover: "${parts.join(' | ').slice(0, 240)}…"`);
  await shot(page, 'hover-lab.png');
}

function snippetBody(prefix) {
  const text = readFileSync(join(ROOT, 'snippets', 'calcinosis.code-snippets'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const snippet = Object.values(JSON.parse(text)).find((s) => s.prefix === prefix);
  if (!snippet) throw new Error(`snippets/calcinosis.code-snippets has no prefix ${prefix}`);
  return snippet.body;
}

async function checkSnippet(page, notePath) {
  const prefix = 'cc-workup';
  // Lines of the order set without placeholders must be in the note as written once it is inserted.
  const literal = snippetBody(prefix).filter((l) => !l.includes('$') && l.trim());
  await runCommand(page, 'View: Hide Panel'); // room for the order set on screen
  const p = await pointAt(page, 'Dermatology follow-up');
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(prefix, { delay: 40 });
  const widget = page.locator('.suggest-widget.visible');
  try {
    await widget.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    await page.keyboard.press('Control+Space'); // quick suggestions may be off for this file type
    await widget.waitFor({ state: 'visible', timeout: STEP });
  }
  const exact = widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${prefix}$`) }) }).first();
  try {
    await exact.waitFor({ state: 'visible', timeout: STEP });
  } catch {
    const offered = await widget.locator('.monaco-list-row .label-name').allTextContents();
    throw new Error(`the suggestions do not offer "${prefix}"; offered: ${offered.join(', ') || '(nothing)'}`);
  }
  const offered = await widget.locator('.monaco-list-row .label-name').allTextContents();
  console.log(`    suggestions for "${prefix}": ${offered.join(', ')}`);
  await exact.click();
  // The first line of the order set, with today's date and its first choice, is on screen…
  const first = page.locator('.editor-instance .view-line', { hasText: /Workup\sfor\scalcinosis\scutis\s\(\d{4}-\d{2}-\d{2}\),\ssuspected\stype:\snot\syet\sdetermined/ });
  try {
    await first.waitFor({ state: 'visible', timeout: STEP });
  } catch {
    throw new Error(`accepting ${prefix} did not insert the order set's first line; the editor shows:\n${(await visibleLines(page)).join('\n')}`);
  }
  // …and the whole order set is in the note once the user leaves the snippet and saves.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');
  const until = Date.now() + STEP;
  let missing = literal;
  while (missing.length) {
    const saved = readFileSync(notePath, 'utf8').split(/\r?\n/);
    missing = literal.filter((l) => !saved.includes(l));
    if (!missing.length) break;
    if (Date.now() > until) throw new Error(`after saving, the note lacks these lines of the order set: ${missing.map((m) => `"${m}"`).join(', ')}`);
    await page.waitForTimeout(200); // polling the saved file, not waiting for time to pass
  }
  console.log(`    saved note holds all ${literal.length} fixed lines of the ${prefix} order set`);
  // Show the whole inserted set (its end is the end of the note) for the screenshot.
  await page.keyboard.press('Control+End');
  await page.locator('.editor-instance .view-line', { hasText: literal[literal.length - 1] }).waitFor({ state: 'visible', timeout: STEP });
  await page.locator('.editor-instance .view-line', { hasText: /Workup\sfor\scalcinosis\scutis/ }).waitFor({ state: 'visible', timeout: STEP });
  await shot(page, 'snippet.png');
}

/**
 * The server process VS Code started has the extension's Node flags on its command line and its
 * environment variables in /proc/PID/environ (Linux, where the e2e runs).
 */
async function checkServerProcess() {
  const { SERVER_ENVIRONMENT, SERVER_EXEC_ARGV } = await tsImport('../../client/src/serverProcess.ts', import.meta.url);
  const pids = findServerPids();
  if (!pids.length) throw new Error('no language server process (dist/server.js) is running');
  for (const pid of pids) {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    for (const flag of SERVER_EXEC_ARGV) if (!args.includes(flag)) throw new Error(`server ${pid} runs without ${flag}: ${args.join(' ')}`);
    for (const [name, value] of Object.entries(SERVER_ENVIRONMENT)) {
      if (!env.includes(`${name}=${value}`)) throw new Error(`server ${pid} has no ${name}=${value} in its environment`);
    }
  }
  console.log(`    server ${pids.join(', ')}: ${SERVER_EXEC_ARGV.join(' ')}, ${Object.entries(SERVER_ENVIRONMENT).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

/**
 * Kills the server as a crash would (SIGKILL), waits until the client has started a new one,
 * then edits the phosphate (7.1 → 7.2) the way a user would. Only a live server can answer
 * with the new product (10.8 × 7.2 = 77.8), so its appearance proves diagnostics came back.
 */
async function checkRestart(page, notePath) {
  const before = findServerPids();
  if (!before.length) throw new Error('no language server process (dist/server.js) is running before the kill');
  killServer();
  const until = Date.now() + STEP;
  let fresh = [];
  while (!fresh.length) {
    fresh = findServerPids().filter((pid) => !before.includes(pid));
    if (fresh.length) break;
    if (Date.now() > until) throw new Error(`no new server process within ${STEP / 1000} s after killing ${before.join(', ')}`);
    await page.waitForTimeout(200); // polling the process table, not waiting for time to pass
  }
  console.log(`    server ${before.join(', ')} killed; the client started ${fresh.join(', ')}`);
  // Put the cursor right after "7.1" with Go to Line/Column, then change the last digit.
  const lines = readFileSync(notePath, 'utf8').split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes('Phos 7.1 mg/dL'));
  if (line < 0) throw new Error('the note has no "Phos 7.1 mg/dL" line to edit');
  const column = lines[line].indexOf('Phos 7.1') + 'Phos 7.1'.length + 1;
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP });
  await input.fill(`:${line + 1}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  await page.locator('.editor-instance .view-line', { hasText: 'Phos 7.2 mg/dL' }).first().waitFor({ state: 'visible', timeout: STEP });
  await runCommand(page, 'Problems: Focus on Problems View');
  const panel = page.locator('.markers-panel');
  const row = panel.locator('.monaco-list-row', { hasText: '77.8 mg²/dL²' }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: STEP });
  } catch {
    const rows = await panel.locator('.monaco-list-row').allTextContents();
    throw new Error(`after the restart no problem shows 10.8 × 7.2 = 77.8 mg²/dL²; the panel lists: ${rows.map((r) => `"${r}"`).join(' | ') || '(nothing)'}`);
  }
  console.log(`    after the restart: "${(await row.textContent()).replace(/\s+/g, ' ')}"`);
  await shot(page, 'restart.png');
}

// ---------------------------------------------------------------- the run

async function run() {
  mkdirSync(RESULTS, { recursive: true });
  console.log('e2e: code-server 4.100.3 (VS Code 1.100) + Chromium');

  // The extension-host suite needs a VS Code download, so here it is only built and loaded.
  const suite = spawnSync(process.execPath, [join(ROOT, 'test', 'vscode', 'runTests.mjs'), '--build-only'], { encoding: 'utf8' });
  record(CHECKS.vscodeSuite, suite.status === 0 ? 'passed' : 'failed', suite.status === 0 ? '' : (suite.stdout + suite.stderr).trim().slice(-1500));
  delete CHECKS.vscodeSuite;

  try {
    buildVsix({ log: (s) => s.trim() && process.stdout.write(s.replace(/^/gm, '    ')) });
  } catch (error) {
    endRemaining('failed', `could not build the VSIX: ${error.message}`);
    return;
  }
  try {
    checkVsix();
    record(CHECKS.vsix, 'passed');
  } catch (error) {
    record(CHECKS.vsix, 'failed', error.message);
  }
  delete CHECKS.vsix;

  let bin;
  try {
    bin = ensureCodeServer({ log: (s) => process.stdout.write(s.replace(/^/gm, '    ')) });
    if (!existsSync(CHROMIUM)) throw new PrerequisiteError(`${CHROMIUM} is missing (apt-get install chromium)`);
  } catch (error) {
    if (error instanceof PrerequisiteError && !CI) endRemaining('skipped', `skipped: ${error.message}`);
    else endRemaining('failed', `prerequisite missing: ${error.message}`);
    return;
  }

  const { CALCINOSIS_TYPES } = await tsImport('../../server/src/knowledge/concepts/types.ts', import.meta.url);
  const definition = CALCINOSIS_TYPES.find((c) => c.id === 'calcinosis-cutis').definition;

  const examples = copyExamples();
  let server;
  let browser;
  let page;
  try {
    server = await startCodeServer({ bin, vsix: VSIX, folder: examples.folder });
    console.log(`    code-server on ${server.url} (loopback only)`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // openNote waits for "Clinical Note" in the status bar: the extension's language is active.
    await openNote(page, server.folderUrl, NOTE, STEP);
    await page.locator('.editor-instance .view-lines', { hasText: 'Dermatology follow-up' }).waitFor({ state: 'visible', timeout: STEP });
  } catch (error) {
    if (page) await shot(page, 'setup-failure.png').catch(() => {});
    endRemaining('failed', `could not open ${NOTE} in code-server: ${error.message}${server ? `\ncode-server log:\n${server.logs().slice(-2000)}` : ''}`);
    await browser?.close();
    await server?.stop();
    examples.remove();
    return;
  }

  const steps = [
    ['problems', () => checkProblems(page)],
    ['serverProcess', () => checkServerProcess()],
    ['log', () => checkLog(server.home, join(examples.folder, NOTE))],
    ['hoverTerm', () => checkHoverTerm(page, definition)],
    ['hoverLab', () => checkHoverLab(page)],
    ['snippet', () => checkSnippet(page, join(examples.folder, NOTE))],
    ['restart', () => checkRestart(page, join(examples.folder, NOTE))],
  ];
  for (const [key, step] of steps) {
    try {
      await step();
      record(CHECKS[key], 'passed');
    } catch (error) {
      await shot(page, `${key}-failure.png`).catch(() => {});
      record(CHECKS[key], 'failed', `${error.message.split('\n=')[0]} (screenshot: test-results/${key}-failure.png)`);
    }
    delete CHECKS[key];
  }

  await browser.close();
  await server.stop();
  examples.remove();
}

try {
  await run();
} catch (error) {
  endRemaining('failed', `the e2e run broke: ${error.stack ?? error}`);
}
finish();
