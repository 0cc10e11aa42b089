// Shared by the end-to-end suite (test/e2e/run.mjs) and `npm run editor` (scripts/editor.mjs):
// install code-server, build the VSIX, install it into an isolated code-server and start it on
// 127.0.0.1. Nothing here leaves the machine: code-server runs with --auth none on loopback only,
// without telemetry or update checks.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const VSIX = join(ROOT, 'calcinosis-notes.vsix');

/** A missing prerequisite (no root to apt-get, no registry). `reason` says what to do. */
export class PrerequisiteError extends Error {}

/** Runs scripts/install-code-server.sh (reuses its cache) and returns the code-server launcher. */
export function ensureCodeServer({ log = (s) => process.stderr.write(s) } = {}) {
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.stderr) log(result.stderr);
  if (result.status === 3) {
    throw new PrerequisiteError(`code-server prerequisites are missing and this user cannot apt-get them: ${result.stderr.trim().split('\n').pop()}`);
  }
  if (result.status !== 0) throw new Error(`scripts/install-code-server.sh failed with exit code ${result.status}`);
  const bin = result.stdout.trim().split('\n').pop();
  if (!bin || !existsSync(bin)) throw new Error(`scripts/install-code-server.sh did not print the code-server path (got "${bin}")`);
  return bin;
}

/** `npm run package`: production bundles and calcinosis-notes.vsix. */
export function buildVsix({ log = (s) => process.stderr.write(s) } = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8' });
  const output = result.stdout + result.stderr;
  if (result.status !== 0 || !existsSync(VSIX)) throw new Error(`npm run package failed (exit ${result.status}):\n${output.slice(-3000)}`);
  log(output.split('\n').filter((l) => /DONE|WARNING/.test(l)).join('\n') + '\n');
  return VSIX;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Quiet, offline settings for the isolated profile. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
};

/**
 * Starts code-server with the VSIX installed in a fresh profile and `folder` to open.
 * Returns { url, folderUrl, port, logs(), stop() }. Resolves once code-server answers /healthz.
 */
export async function startCodeServer({ bin, vsix, folder, port, deadlineMs = 120_000, extraSettings = {} }) {
  const home = mkdtempSync(join(tmpdir(), 'calcinosis-code-server-'));
  const userData = join(home, 'user-data');
  const extensions = join(home, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2));
  const config = join(home, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  // code-server keeps its own state under XDG dirs; point them into the temporary home too.
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') };
  delete env.VSCODE_IPC_HOOK_CLI; // do not talk to a VS Code this script may run inside
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

  const install = spawnSync(process.execPath, [bin, ...common, '--install-extension', vsix], { encoding: 'utf8', env });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`code-server --install-extension failed (exit ${install.status}):\n${install.stdout}${install.stderr}`);
  }

  port ??= await freePort();
  let output = '';
  const child = spawn(
    process.execPath,
    [
      bin,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      folder,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = async () => {
    if (!exited) {
      // The whole process group: code-server and the extension host and language server it started.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const gone = new Promise((r) => child.once('exit', r));
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 10_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(home, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before it answered:\n${output}`);
    }
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > deadlineMs) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${deadlineMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250)); // poll interval while waiting for the port
  }
  return {
    url,
    folderUrl: `${url}?folder=${encodeURIComponent(folder)}`,
    port,
    home,
    logs: () => output,
    stop,
  };
}

/** A copy of examples/ in a temporary folder, so edits made by a test never touch the repository. */
export function copyExamples() {
  const dir = mkdtempSync(join(tmpdir(), 'calcinosis-examples-'));
  const target = join(dir, 'examples');
  cpSync(join(ROOT, 'examples'), target, { recursive: true });
  return { folder: target, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * What our extension wrote to its output channel ("Calcinosis Notes") in the code-server
 * profile under `home`, one string per extension host in the order they started (a reloaded
 * window starts a new one). VS Code keeps a log output channel in a file of its logs folder.
 */
export function extensionLogs(home) {
  const logs = join(home, 'user-data', 'logs');
  const found = [];
  const hostNumber = (d) => Number(d.replace(/^exthost/, ''));
  for (const session of existsSync(logs) ? readdirSync(logs).sort() : []) {
    const hosts = readdirSync(join(logs, session)).filter((d) => /^exthost\d+$/.test(d));
    for (const host of hosts.sort((a, b) => hostNumber(a) - hostNumber(b))) {
      const dir = join(logs, session, host, 'calcinosis-notes.calcinosis-notes');
      if (!existsSync(dir)) continue; // this extension host never activated us
      found.push(readdirSync(dir).filter((f) => f.endsWith('.log')).map((f) => readFileSync(join(dir, f), 'utf8')).join(''));
    }
  }
  return found;
}
