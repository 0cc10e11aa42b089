// Neovim as an LSP client: Debian's `nvim --headless` starts `calcinosis-notes-server --stdio`
// on the example note with its built-in client (test/neovim/lsp-check.lua), which writes the
// diagnostics and two hovers it received to a JSON file; this script checks them.
// Ends with a `##counts {...}` line (test/runAll.mjs adds it up).
//
// nvim missing: installed with apt-get when running as root; otherwise the checks are skipped
// with the reason, except in CI (CI=true), where a missing nvim is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CI = process.env.CI === 'true' || process.env.CI === '1';
const NOTE = join(ROOT, 'examples', 'calcinosis-follow-up.note');
const DEADLINE_MS = 60_000;

const CHECKS = [
  'Neovim starts calcinosis-notes-server --stdio and completes initialize',
  'the Ca×P warning arrives as a diagnostic with its code and working (76.7 mg²/dL²)',
  'a hover on "calcinosis cutis" gives its definition',
  'a hover on "Ca 10.8" gives the value in mg/dL and in mmol/L',
];
const results = [];
function record(name, ok, message = '') {
  const status = ok === null ? 'skipped' : ok ? 'passed' : 'failed';
  results.push(status);
  console.log(`  ${status === 'passed' ? '✔' : status === 'skipped' ? '-' : '✖'} ${name}${message && status !== 'passed' ? `\n      ${message}` : ''}`);
}
function finish() {
  const n = (s) => results.filter((r) => r === s).length;
  console.log(`##counts ${JSON.stringify({ passed: n('passed'), failed: n('failed'), skipped: n('skipped') })}`);
  process.exitCode = n('failed') ? 1 : 0;
}
function endAll(ok, message) {
  for (const name of CHECKS.slice(results.length)) record(name, ok, message);
}

function hasNvim() {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

function ensureNvim() {
  if (hasNvim()) return null;
  if (process.getuid?.() !== 0) return 'nvim is not installed and this user cannot apt-get it (apt-get install neovim)';
  console.log('  installing Debian neovim (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'neovim'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (install.status !== 0 || !hasNvim()) return `apt-get install neovim failed (exit ${install.status})`;
  return null;
}

/** Runs nvim headless with the Lua check and returns what it wrote. */
function runNvim() {
  const home = mkdtempSync(join(tmpdir(), 'calcinosis-nvim-'));
  const resultFile = join(home, 'result.json');
  const env = {
    ...process.env,
    CALCINOSIS_RESULT: resultFile,
    CALCINOSIS_SERVER: join(ROOT, 'bin', 'calcinosis-notes-server'),
    CALCINOSIS_DEADLINE_MS: String(DEADLINE_MS),
    // Keep nvim's LSP log, shada and swap files out of the user's home.
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_STATE_HOME: join(home, 'state'),
  };
  const args = ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'neovim', 'lsp-check.lua')}`, NOTE];
  return new Promise((resolveRun) => {
    const child = spawn('nvim', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // Safety net only: the Lua script has its own deadlines and always quits.
    const guard = setTimeout(() => child.kill('SIGKILL'), 4 * DEADLINE_MS);
    child.on('close', (code) => {
      clearTimeout(guard);
      let result;
      try {
        result = JSON.parse(readFileSync(resultFile, 'utf8'));
      } catch {
        result = { error: `nvim exited with ${code} without writing a result; its output:\n${output.slice(-2000)}` };
      }
      rmSync(home, { recursive: true, force: true });
      resolveRun(result);
    });
  });
}

async function main() {
  console.log('Neovim + calcinosis-notes-server --stdio');
  const missing = ensureNvim();
  if (missing) {
    endAll(CI ? false : null, CI ? `prerequisite missing: ${missing}` : `skipped: ${missing}`);
    return;
  }
  if (!existsSync(join(ROOT, 'dist', 'server.js'))) {
    endAll(false, 'dist/server.js is missing: run npm run build first');
    return;
  }
  const result = await runNvim();
  console.log(`    nvim ${result.nvim ?? '?'}${result.error ? `; error: ${result.error}` : ''}`);

  record(CHECKS[0], result.attached === true && result.hover_provider === true, result.attached ? '' : `the client did not initialize: ${result.error ?? 'no reason given'}`);

  const diagnostics = result.diagnostics ?? [];
  const product = diagnostics.find((d) => d.code === 'ca-phos-product-elevated');
  record(
    CHECKS[1],
    !!product && product.severity === 2 && product.message.includes('76.7 mg²/dL²') && product.source === 'calcinosis-notes',
    product ? `got: ${JSON.stringify(product)}` : `diagnostics received: ${JSON.stringify(diagnostics).slice(0, 600)}`,
  );

  const { CALCINOSIS_TYPES } = await tsImport('../../server/src/knowledge/concepts/types.ts', import.meta.url);
  const definition = CALCINOSIS_TYPES.find((c) => c.id === 'calcinosis-cutis').definition.split(/(?<=\.)\s/)[0];
  const termHover = (result.term_hover ?? '').replace(/\s+/g, ' ');
  record(CHECKS[2], termHover.includes(definition), termHover.includes(definition) ? '' : `expected "${definition}" in: ${termHover.slice(0, 600) || '(no hover)'}`);

  const labHover = result.lab_hover ?? '';
  const bothUnits = /10\.8\s*mg\/dL/.test(labHover) && /2\.(69|7)\d*\s*mmol\/L/.test(labHover);
  record(CHECKS[3], bothUnits, bothUnits ? '' : `got: ${labHover.slice(0, 600) || '(no hover)'}`);
}

try {
  await main();
} catch (error) {
  endAll(false, `the Neovim run broke: ${error.stack ?? error}`);
}
finish();
