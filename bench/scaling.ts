// Inputs that once made one operation grow with the square of their size (found by fuzzing:
// see docs/performance-plan.md, sixth pass), each measured at two sizes eight times apart.
// Linear work shows a ratio near 8; a ratio far above it means the quadratic case is back.

import { analyzeText } from '../server/src/analysis/analyze';
import { updateAnalysis } from '../server/src/analysis/incremental';
import { codeActions } from '../server/src/features/codeActions';
import { completionList } from '../server/src/features/completion';
import { analyzeNote } from '../server/src/noteStore';
import { normalize } from '../server/src/settings';
import { median } from './stats';

export interface ScalingRow {
  input: string;
  operation: string;
  small: number;
  large: number;
  /** Characters of the smaller input (the larger has eight times as many). */
  chars: number;
}

interface Case {
  input: string;
  operation: string;
  /** Builds the input of about `chars` characters and returns the operation to time on it. */
  prepare(chars: number): () => unknown;
}

const repeat = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length));
const settings = normalize({}).settings;

const CASES: Case[] = [
  { input: '`*** ` on one line', operation: 'analyzeText', prepare: (n) => { const t = repeat('*** ', n); return () => analyzeText(t); } },
  {
    input: 'a line of `-`, cursor at its end',
    operation: 'completion',
    prepare: (n) => { const t = repeat('-', n); const a = analyzeText(t); return () => completionList(t, t.length, a); },
  },
  {
    input: 'blank lines, an edit after them',
    operation: 'updateAnalysis',
    prepare: (n) => {
      const t = 'Calcinosis cutis.\n' + repeat('\n', n);
      const a = analyzeText(t);
      return () => updateAnalysis(t, a, { offset: t.length, removed: 0, inserted: 'x' }, { fullBelow: 0 });
    },
  },
  {
    input: '`Ca 10.8 Phos 7.1 ` repeated, all selected',
    operation: 'code actions',
    prepare: (n) => {
      const t = repeat('Ca 10.8 Phos 7.1 ', n);
      const note = analyzeNote('file:///scaling.note', 1, t, settings);
      const range = { start: { line: 0, character: 0 }, end: note.lines.positionAt(t.length) };
      return () => codeActions(note, range, []);
    },
  },
  { input: 'lab values on one line, no sentence end', operation: 'analyzeText', prepare: (n) => { const t = repeat('albumin 3.2 ', n); return () => analyzeText(t); } },
  { input: 'prose on one line, no sentence end', operation: 'analyzeText', prepare: (n) => { const t = repeat('calcinosis and nodules with no pain ', n); return () => analyzeText(t); } },
];

function timeOf(run: () => unknown, reps: number): number {
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function scalingBench(chars: number, reps: number): ScalingRow[] {
  return CASES.map((c) => ({
    input: c.input,
    operation: c.operation,
    small: timeOf(c.prepare(chars), reps),
    large: timeOf(c.prepare(chars * 8), reps),
    chars,
  }));
}
