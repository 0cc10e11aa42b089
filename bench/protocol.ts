// Through the protocol: the built server (dist/server.js) over stdio, driven by the same
// client the protocol tests use. Round trips are measured here; with
// CALCINOSIS_NOTES_TIMING=1 the server also reports its own handler time on stderr
// (method and milliseconds only), which is read back from its stderr.

import { readFileSync } from 'node:fs';
import { analyzeText } from '../server/src/analysis/analyze';
import { LineIndex } from '../server/src/analysis/lineIndex';
import { SERVER_ENVIRONMENT, SERVER_EXEC_ARGV } from '../client/src/serverProcess';
import { openDocument, startServer, type LspSession } from '../test/protocol/lspClient';
import { spreadOffsets } from './inprocess';
import { median } from './stats';

/**
 * Our server runs with the flags and environment the extension gives it (client/src/serverProcess.ts);
 * the floor (`serverPath`) as a plain `node server.js --stdio`. (With --expose-gc, which only ours
 * uses, the floor would hold about 8 MB more after the 10 MB note: 62–64 MB settled instead of 54.)
 */
function launch(serverPath: string | undefined, env: NodeJS.ProcessEnv = {}): { env: NodeJS.ProcessEnv; nodeArgs: string[] } {
  return serverPath
    ? { env: { ...process.env, ...env }, nodeArgs: [] }
    : { env: { ...process.env, ...SERVER_ENVIRONMENT, ...env }, nodeArgs: [...SERVER_EXEC_ARGV] };
}
const TIMING = { CALCINOSIS_NOTES_TIMING: '1' };

/** Server-side timings (ms) reported on stderr, by method. */
export function serverTimings(stderr: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of stderr.split('\n')) {
    const m = /^\[timing\] (\S+) ([\d.]+)$/.exec(line.trim());
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    list.push(Number(m[2]));
    out.set(m[1], list);
  }
  return out;
}

export interface ColdStart {
  /** spawn → initialize result, client side. */
  roundTrip: number[];
  /** Process start → initialize answered, as the server saw it. */
  processToInitialize: number[];
  /** The initialize handler itself. */
  initializeHandler: number[];
  /**
   * spawn → the first diagnostics of a small note opened right after initialize, client side.
   * Our server loads its analysis when the first note needs it, after answering initialize,
   * so this is the figure that includes every start-up cost.
   */
  firstDiagnostics: number[];
  /** Loading the analysis and the features, as the server saw it (ours only). */
  loadFeatures: number[];
}

/**
 * Cold starts of our server (`undefined`) and of other server scripts (the floor), taken in
 * turn so that the machine's load falls on all alike: each a fresh process, initialized, then
 * given the note at `notePath` until its first diagnostics.
 */
export async function coldStarts(runs: number, notePath: string, serverPaths: (string | undefined)[]): Promise<ColdStart[]> {
  const results: ColdStart[] = serverPaths.map(() => ({ roundTrip: [], processToInitialize: [], initializeHandler: [], firstDiagnostics: [], loadFeatures: [] }));
  const text = readFileSync(notePath, 'utf8');
  for (let i = 0; i < runs; i++) {
    for (const [k, serverPath] of serverPaths.entries()) {
      const result = results[k]!;
      const a = performance.now();
      const session = await startServer({ serverPath, ...launch(serverPath, TIMING) });
      result.roundTrip.push(performance.now() - a);
      await openDocument(session, 'file:///bench/first.note', text);
      result.firstDiagnostics.push(performance.now() - a);
      await session.close();
      const t = serverTimings(session.stderr());
      result.processToInitialize.push(...(t.get('process-start-to-initialize') ?? []));
      result.initializeHandler.push(...(t.get('initialize') ?? []));
      result.loadFeatures.push(...(t.get('load-note-features') ?? []));
    }
  }
  return results;
}

export interface Editing {
  openRoundTrip: number[];
  openServer: number[];
  changeRoundTrip: number[];
  changeServer: number[];
  hoverRoundTrip: number[];
  hoverServer: number[];
  completionRoundTrip: number[];
  completionServer: number[];
  edits: number;
}

/**
 * On a note of `path`: open it (several times, under new URIs) → first diagnostics; then
 * `edits` single-character edits spread through it, each waited for until the diagnostics
 * of that version arrive; then hovers on terms and completions at word ends.
 */
export async function editing(path: string, edits: number, requests: number): Promise<Editing> {
  const text = readFileSync(path, 'utf8');
  const session = await startServer(launch(undefined, TIMING));
  const result: Editing = {
    openRoundTrip: [],
    openServer: [],
    changeRoundTrip: [],
    changeServer: [],
    hoverRoundTrip: [],
    hoverServer: [],
    completionRoundTrip: [],
    completionServer: [],
    edits,
  };
  try {
    for (let i = 0; i < 5; i++) {
      const a = performance.now();
      await openDocument(session, `file:///bench/open-${i}.note`, text);
      result.openRoundTrip.push(performance.now() - a);
    }
    result.openServer = serverTimings(session.stderr()).get('diagnostics') ?? [];

    const uri = 'file:///bench/editing.note';
    await openDocument(session, uri, text);
    let current = text;
    let lines = new LineIndex(current);
    const chars = ['e', ' ', '4', 'x', '.', ''];
    const before = (serverTimings(session.stderr()).get('diagnostics') ?? []).length;
    let version = 1;
    for (const [i, offset] of spreadOffsets(text, edits).entries()) {
      const ch = chars[i % chars.length];
      const start = lines.positionAt(offset);
      const end = ch ? start : lines.positionAt(Math.min(current.length, offset + 1));
      current = current.slice(0, offset) + ch + current.slice(ch ? offset : Math.min(current.length, offset + 1));
      lines = new LineIndex(current);
      version++;
      const diagnostics = session.nextDiagnostics(uri, version);
      const a = performance.now();
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start, end }, text: ch }],
      });
      await diagnostics;
      result.changeRoundTrip.push(performance.now() - a);
    }
    result.changeServer = (serverTimings(session.stderr()).get('diagnostics') ?? []).slice(before);

    // Hovers on term mentions and completions after a word, spread through the note.
    const analysis = analyzeText(current);
    const terms = analysis.terms;
    for (let i = 0; i < requests && terms.length; i++) {
      const t = terms.at(Math.floor((i * terms.length) / requests));
      const position = lines.positionAt(t.start + 1);
      const a = performance.now();
      await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      result.hoverRoundTrip.push(performance.now() - a);
    }
    for (let i = 0; i < requests && terms.length; i++) {
      const t = terms.at(Math.floor(((i + 0.5) * terms.length) / requests));
      const position = lines.positionAt(t.end);
      const a = performance.now();
      await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
      result.completionRoundTrip.push(performance.now() - a);
    }
    const timings = serverTimings(session.stderr());
    result.hoverServer = timings.get('textDocument/hover') ?? [];
    result.completionServer = timings.get('textDocument/completion') ?? [];
  } finally {
    await session.close();
  }
  return result;
}

export interface BigNote {
  bytes: number;
  /** True when maxDocumentSize was raised so that the note is analysed. */
  forced: boolean;
  openRoundTrip: number;
  /** RSS half a second after the note's diagnostics arrived. */
  rssMb: number;
  /** The lowest RSS seen while the server then sat idle for SETTLE_SECONDS (V8 shrinks its heap after a while). */
  settledRssMb: number;
  peakRssMb: number;
  /** The anonymous part of RSS (RSS less the mapped binary and libraries), just after and settled. */
  anonMb: number;
  settledAnonMb: number;
  /**
   * The first hover on a small note sent right behind the big note's didOpen, one per run: it
   * waits for the big message to be read, whatever the server does.
   */
  hoverFirst: number[];
  /** The hovers sent after it while the big note was being analysed (all runs). */
  hoverLater: number[];
  /** RSS just after and settled, one per fresh server (the fields above are their medians). */
  rssRuns: number[];
  settledRuns: number[];
  /** Codes of the diagnostics published for the big note after it was opened. */
  codes: string[];
}

/**
 * RSS, its high-water mark, and the anonymous part of RSS (`anon`): the heaps, stacks and
 * buffers the process allocated. The rest is mapped files, nearly all of them Node's binary
 * and its libraries (32 of a freshly started server's 46 MB here are /usr/bin/node), the same pages
 * for every Node process; in VS Code the server runs on the editor's own Electron binary.
 */
function memoryOf(pid: number): { rss: number; hwm: number; anon: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return {
    rss: kb(status, 'VmRSS') / 1024,
    hwm: kb(status, 'VmHWM') / 1024,
    anon: kb(rollup, 'Anonymous') / 1024,
  };
}

/**
 * How long a server is left idle after the big note, RSS sampled every second. V8's memory
 * reducer gave memory back 8–16 s after a refused note and about 22 s after a forced 10 MB
 * analysis on this machine; 20 s missed it in some runs.
 */
export const SETTLE_SECONDS = 35;

/**
 * Opens a big note, measures RSS, and how a hover on another note fares meanwhile. With
 * `forced`, maxDocumentSize is raised so that the note is analysed; without, the server's
 * default settings apply (what a user gets: a note above the limit is refused with one
 * diagnostic). With `serverPath` another server script is measured (the floor: it answers
 * no hovers, so none are sent).
 */
export async function bigNote(path: string, forced = true, serverPath?: string): Promise<BigNote> {
  const text = readFileSync(path, 'utf8');
  const settings = forced ? { maxDocumentSize: text.length + 1 } : undefined;
  // Without CALCINOSIS_NOTES_TIMING, as users run it: the timing wrapper (server/src/timing.ts)
  // was seen to keep a second 10 MB string alive a while longer (RSS just after: 101–107 MB
  // with it, about 90 MB without).
  const session: LspSession = await startServer({ settings, serverPath, ...launch(serverPath) });
  try {
    const small = 'file:///bench/small.note';
    const smallText = 'Calcinosis cutis with Ca 10.8 mg/dL, Phos 7.1 mg/dL.\n';
    await openDocument(session, small, smallText);
    const a = performance.now();
    const done = openDocument(session, 'file:///bench/big.note', text);
    let codes: string[] = [];
    void done.then((diagnostics) => (codes = diagnostics.map((d) => String(d.code))));
    // While the big note is analysed, keep asking for hovers on the small one.
    const hoverWhileBusy: number[] = [];
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished && !serverPath) {
      const h = performance.now();
      await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 2 } });
      hoverWhileBusy.push(performance.now() - h);
      await new Promise((r) => setTimeout(r, 20));
    }
    await done;
    const openRoundTrip = performance.now() - a;
    await new Promise((r) => setTimeout(r, 500));
    const mem = memoryOf(session.process.pid!);
    let settled = mem.rss;
    let settledAnon = mem.anon;
    for (let s = 0; s < SETTLE_SECONDS; s++) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = memoryOf(session.process.pid!);
      settled = Math.min(settled, now.rss);
      settledAnon = Math.min(settledAnon, now.anon);
    }
    const peak = memoryOf(session.process.pid!).hwm;
    return {
      bytes: Buffer.byteLength(text),
      forced,
      openRoundTrip,
      rssMb: mem.rss,
      settledRssMb: settled,
      peakRssMb: peak,
      anonMb: mem.anon,
      settledAnonMb: settledAnon,
      hoverFirst: hoverWhileBusy.slice(0, 1),
      hoverLater: hoverWhileBusy.slice(1),
      rssRuns: [mem.rss],
      settledRuns: [settled],
      codes,
    };
  } finally {
    await session.close();
  }
}

/**
 * bigNote in `runs` fresh servers. One server's RSS moves by 10 MB and more from run to run
 * (V8 gives memory back on its own schedule), so the RSS figures are the medians, with every
 * run kept; the round trip is the median too, and the hovers of all runs are pooled.
 */
export async function bigNoteRuns(path: string, forced: boolean, runs: number, serverPath?: string): Promise<BigNote> {
  const all: BigNote[] = [];
  for (let k = 0; k < Math.max(1, runs); k++) all.push(await bigNote(path, forced, serverPath));
  return {
    ...all[0],
    openRoundTrip: median(all.map((b) => b.openRoundTrip)),
    rssMb: median(all.map((b) => b.rssMb)),
    settledRssMb: median(all.map((b) => b.settledRssMb)),
    peakRssMb: median(all.map((b) => b.peakRssMb)),
    anonMb: median(all.map((b) => b.anonMb)),
    settledAnonMb: median(all.map((b) => b.settledAnonMb)),
    hoverFirst: all.flatMap((b) => b.hoverFirst),
    hoverLater: all.flatMap((b) => b.hoverLater),
    rssRuns: all.flatMap((b) => b.rssRuns),
    settledRuns: all.flatMap((b) => b.settledRuns),
  };
}
