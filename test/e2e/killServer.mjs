// Finds and kills the Calcinosis Notes language server, for end-to-end tests that check the
// client restarts it (vscode-languageclient restarts a crashed server up to 4 times in 3
// minutes) and that diagnostics come back afterwards.
//
// How the server is found: VS Code (or code-server) starts it as a node process whose command
// line contains the bundled server script, `dist/server.js` (with `--node-ipc` or `--stdio`).
// On Linux each process's command line is /proc/PID/cmdline (NUL-separated arguments); on
// other systems `ps -eo pid=,args=` prints the same. Only processes whose command line names
// dist/server.js are touched: never kill by a broad name such as "node".
//
// Usage in an e2e test:
//   import { findServerPids, killServer } from './killServer.mjs';
//   const killed = killServer();            // SIGKILL every matching process, returns their pids
//   // …then wait until diagnostics for the open note are published again.
//
// Pass `{ root }` (the extension folder) to match only `<root>/dist/server.js`, so a developer's
// own VS Code running the extension elsewhere is left alone.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Process ids whose command line contains dist/server.js (or <root>/dist/server.js). */
export function findServerPids({ root, script = 'dist/server.js' } = {}) {
  const needle = root ? join(resolve(root), script) : script;
  const pids = [];
  if (existsSync('/proc/self/cmdline')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      if (pid === process.pid) continue;
      let cmdline;
      try {
        cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      } catch {
        continue; // the process ended while we looked
      }
      if (cmdline.some((arg) => arg.endsWith(needle) || arg === needle)) pids.push(pid);
    }
    return pids;
  }
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m && Number(m[1]) !== process.pid && m[2].includes(needle)) pids.push(Number(m[1]));
  }
  return pids;
}

/** Kills every running server process (SIGKILL by default: a crash, not a clean exit). Returns the pids signalled. */
export function killServer({ root, signal = 'SIGKILL' } = {}) {
  const killed = [];
  for (const pid of findServerPids({ root })) {
    try {
      process.kill(pid, signal);
      killed.push(pid);
    } catch {
      /* already gone */
    }
  }
  return killed;
}
