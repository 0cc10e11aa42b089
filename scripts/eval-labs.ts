// Precision, recall and F1 of lab-value extraction on test/fixtures/labs/lines.tsv.
// A prediction matches a gold value when analyte, value and unit (as written) agree.
// Usage: npm run eval:labs [-- --verbose] [-- --file PATH]   (prints misses with --verbose;
// --file evaluates another fixture file of the same format, e.g. test/fixtures/labs/heldout.tsv)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLabValues } from '../server/src/analysis/labs';
import { PLAIN_ASSERTION } from '../server/src/analysis/types';

export interface Expected {
  analyte: string;
  value: number | string;
  unit: string | null;
}

export interface FixtureLine {
  text: string;
  expected: Expected[];
  lineNo: number;
}

export const FIXTURE_PATH = join(__dirname, '..', 'test', 'fixtures', 'labs', 'lines.tsv');

export function loadFixtures(path = FIXTURE_PATH): FixtureLine[] {
  const out: FixtureLine[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim() || raw.startsWith('#')) return;
      const tab = raw.indexOf('\t');
      if (tab < 0) throw new Error(`lines.tsv:${i + 1}: no tab`);
      const text = raw.slice(0, tab).replace(/\\t/g, '\t');
      out.push({ text, expected: JSON.parse(raw.slice(tab + 1)) as Expected[], lineNo: i + 1 });
    });
  return out;
}

function keyOf(e: Expected): string {
  const v = typeof e.value === 'number' ? String(Number(e.value)) : e.value;
  return `${e.analyte}|${v}|${e.unit ?? ''}`;
}

export interface EvalResult {
  lines: number;
  gold: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  misses: { lineNo: number; text: string; missing: string[]; extra: string[] }[];
}

export function evaluate(fixtures: FixtureLine[]): EvalResult {
  let gold = 0;
  let predicted = 0;
  let tp = 0;
  const misses: EvalResult['misses'] = [];
  for (const f of fixtures) {
    const got = findLabValues(f.text, () => PLAIN_ASSERTION, []).map((l) => keyOf({ analyte: l.analyte, value: l.value, unit: l.unit }));
    const want = f.expected.map(keyOf);
    gold += want.length;
    predicted += got.length;
    const remaining = [...got];
    const missing: string[] = [];
    for (const w of want) {
      const i = remaining.indexOf(w);
      if (i >= 0) {
        remaining.splice(i, 1);
        tp++;
      } else missing.push(w);
    }
    if (missing.length || remaining.length) misses.push({ lineNo: f.lineNo, text: f.text, missing, extra: remaining });
  }
  const precision = predicted ? tp / predicted : 1;
  const recall = gold ? tp / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { lines: fixtures.length, gold, predicted, truePositives: tp, precision, recall, f1, misses };
}

if (require.main === module) {
  const fileArg = process.argv.indexOf('--file');
  const r = evaluate(loadFixtures(fileArg >= 0 ? process.argv[fileArg + 1] : undefined));
  const pct = (x: number) => (100 * x).toFixed(1) + '%';
  console.log(`lines ${r.lines}, gold values ${r.gold}, predicted ${r.predicted}, true positives ${r.truePositives}`);
  console.log(`precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${r.f1.toFixed(3)}`);
  if (process.argv.includes('--verbose')) {
    for (const m of r.misses) console.log(`  line ${m.lineNo}: ${JSON.stringify(m.text)}  missing ${JSON.stringify(m.missing)}  extra ${JSON.stringify(m.extra)}`);
  } else if (r.misses.length) console.log(`${r.misses.length} lines differ (run with --verbose to list them)`);
}
