// In-process throughput: every engine on every corpus size, interleaved (round-robin within
// a size, the order rotating each round) so machine noise hits all engines alike; warm-up
// runs first; median, p95 and MB/s of the measured runs.
//
// Engines that grow too slow are capped: a size is skipped when the previous size's median,
// scaled by the size ratio (and the growth seen so far), would exceed the per-run budget.

import { readFileSync } from 'node:fs';
import type { TextEdit } from '../server/src/analysis/incremental';
import type { Engine } from './engines';
import { shipped } from './shipped';
import { median, p95 } from './stats';

export interface Cell {
  engine: string;
  size: string;
  bytes: number;
  samples: number[];
  /** Why the cell was not measured, when it was not. */
  skipped?: string;
}

export interface ThroughputOptions {
  /** Measured repetitions per cell (fewer for cells whose one run exceeds `heavyRunMs`). */
  reps: number;
  /** Warm-up runs per cell: at least this many… */
  warmup: number;
  /**
   * …and until this much time was spent warming up (ms). Two runs of a 10 KB note are a few
   * milliseconds, too little for any engine's code to be optimised (in one process, our analysis
   * of the 10 KB corpus took 2.0 ms over its first 60 runs and 0.8 ms after).
   */
  warmupMs: number;
  /** A run predicted to take longer than this is not run (ms), per engine. */
  budgetMs: Record<string, number>;
  /** Cells whose runs take longer than this get fewer repetitions (at least 3). */
  heavyRunMs: number;
  log: (line: string) => void;
}

export async function throughput(
  engines: Engine[],
  corpora: { name: string; bytes: number; path: string }[],
  options: ThroughputOptions,
): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const e of engines) {
    const t = performance.now();
    await e.setup();
    options.log(`  set up ${e.label} in ${(performance.now() - t).toFixed(0)} ms`);
  }
  const last = new Map<string, { bytes: number; median: number; growth: number }>();
  const stopped = new Map<string, string>();
  for (const corpus of corpora) {
    const text = readFileSync(corpus.path, 'utf8');
    const active: Engine[] = [];
    for (const e of engines) {
      const stop = stopped.get(e.id);
      if (stop) {
        cells.push({ engine: e.id, size: corpus.name, bytes: corpus.bytes, samples: [], skipped: stop });
        continue;
      }
      const prev = last.get(e.id);
      const budget = options.budgetMs[e.id] ?? Infinity;
      if (prev) {
        const predicted = prev.median * Math.pow(corpus.bytes / prev.bytes, Math.max(1, prev.growth));
        if (predicted > budget) {
          const reason = `not run above ${sizeName(corpora, prev.bytes)}: took ${fmtS(prev.median)} at ${sizeName(corpora, prev.bytes)} (a run here would take ~${fmtS(predicted)})`;
          stopped.set(e.id, reason);
          cells.push({ engine: e.id, size: corpus.name, bytes: corpus.bytes, samples: [], skipped: reason });
          continue;
        }
      }
      active.push(e);
    }
    // Warm-up, which also tells how heavy each cell is.
    const heavy = new Map<string, number>();
    for (const e of active) {
      let t = 0;
      const from = performance.now();
      for (let i = 0; i < options.warmup || performance.now() - from < options.warmupMs; i++) {
        const a = performance.now();
        await e.run(text);
        t = performance.now() - a;
      }
      heavy.set(e.id, t);
    }
    const reps = new Map(active.map((e) => [e.id, heavy.get(e.id)! > options.heavyRunMs ? Math.max(3, Math.min(options.reps, Math.floor((options.heavyRunMs * 10) / heavy.get(e.id)!))) : options.reps]));
    const samples = new Map<string, number[]>(active.map((e) => [e.id, []]));
    for (let round = 0; round < options.reps; round++) {
      for (let k = 0; k < active.length; k++) {
        const e = active[(k + round) % active.length];
        if (samples.get(e.id)!.length >= reps.get(e.id)!) continue;
        const a = performance.now();
        await e.run(text);
        samples.get(e.id)!.push(performance.now() - a);
      }
    }
    for (const e of active) {
      const s = samples.get(e.id)!;
      cells.push({ engine: e.id, size: corpus.name, bytes: corpus.bytes, samples: s });
      const prev = last.get(e.id);
      const m = median(s);
      const growth = prev ? Math.log(m / prev.median) / Math.log(corpus.bytes / prev.bytes) : 1;
      last.set(e.id, { bytes: corpus.bytes, median: m, growth: Number.isFinite(growth) ? growth : 1 });
      options.log(`  ${corpus.name.padEnd(6)} ${e.id.padEnd(7)} median ${m.toFixed(2)} ms  p95 ${p95(s).toFixed(2)} ms  (n=${s.length})`);
    }
  }
  return cells;
}

function sizeName(corpora: { name: string; bytes: number }[], bytes: number): string {
  return corpora.find((c) => c.bytes === bytes)?.name ?? `${bytes} B`;
}

function fmtS(millis: number): string {
  return millis >= 1000 ? `${(millis / 1000).toFixed(1)} s` : `${millis.toFixed(0)} ms`;
}

/** Positions for `count` single-character edits spread evenly through the text. */
export function spreadOffsets(text: string, count: number, seed = 7): number[] {
  const out: number[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const base = Math.floor(((i + 0.5) * text.length) / count);
    out.push(Math.min(text.length, Math.max(0, base + (x % 200) - 100)));
  }
  return out;
}

export interface EditBench {
  size: string;
  bytes: number;
  full: number[];
  incremental: number[];
  fellBack: number;
  /** Updates whose products and findings were made over a slice of the values (finishEdit.ts). */
  finishedInSlice: number;
}

/**
 * Edit → fresh analysis, in process: `count` single-character edits (typing a letter, a
 * digit, a space, deleting one character) spread through the note, each applied to the
 * previous version; the time of updateAnalysis for each, and of a full analyzeText of the
 * same versions for comparison.
 */
export function editBench(corpus: { name: string; bytes: number; path: string }, count: number): EditBench {
  const { analyzeText, applyEdit, updateAnalysis, LineIndex } = shipped();
  let text = readFileSync(corpus.path, 'utf8');
  let lines = new LineIndex(text);
  let analysis = analyzeText(text, {}, lines);
  const incremental: number[] = [];
  const full: number[] = [];
  let fellBack = 0;
  let finishedInSlice = 0;
  const chars = ['e', ' ', '4', 'x', '.', ''];
  spreadOffsets(text, count).forEach((offset, i) => {
    const ch = chars[i % chars.length];
    const edit: TextEdit = ch ? { offset, removed: 0, inserted: ch } : { offset, removed: Math.min(1, text.length - offset), inserted: '' };
    // As the note store calls it: in place, with the previous version's line index and the
    // edited text, which the editor has made (its copy is read for the first time here).
    const edited = applyEdit(text, edit);
    const a = performance.now();
    const update = updateAnalysis(text, analysis, edit, { inPlace: true, lines, text: edited });
    incremental.push(performance.now() - a);
    if (update.full) fellBack++;
    if (update.finishedInSlice) finishedInSlice++;
    if (i % 10 === 0) {
      const b = performance.now();
      analyzeText(update.text);
      full.push(performance.now() - b);
    }
    text = update.text;
    analysis = update.analysis;
    lines = update.lines;
  });
  return { size: corpus.name, bytes: corpus.bytes, full, incremental, fellBack, finishedInSlice };
}
