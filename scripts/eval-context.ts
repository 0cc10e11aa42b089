// Measures the assertion engine on the NegEx/ConText development set.
//
//   npm run eval:context              table of precision / recall / F1
//   npm run eval:context -- --json    the same figures as JSON
//   npm run eval:context -- --errors negated   also list the rows judged wrongly for one class
//   npm run eval:context -- --direct  use findSections + createAssertionContext directly
//                                     instead of the full analyzeText pipeline
//
// Data: $CALCINOSIS_EVAL_DIR/negex-dev.tsv, by default ../shared/eval beside the repository.
// Each row is one sentence and one condition phrase; the condition is added as a custom
// term, the sentence analysed, and the mention whose text is the condition judged.
// A condition that is not found counts as a plain (affirmed, current, patient) judgement.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSections } from '../server/src/analysis/sections';
import { createAssertionContext } from '../server/src/analysis/context';
import type { Assertion } from '../server/src/analysis/types';

const repoRoot = path.resolve(__dirname, '..');
const evalDir = process.env.CALCINOSIS_EVAL_DIR ?? path.resolve(repoRoot, '..', 'shared', 'eval');
const file = path.join(evalDir, 'negex-dev.tsv');

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const direct = args.includes('--direct');
const errorsFor = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;

type ClassName = 'negated' | 'historical' | 'hypothetical' | 'experiencer-other';
const CLASSES: ClassName[] = ['negated', 'historical', 'hypothetical', 'experiencer-other'];

interface Row {
  line: string;
  condition: string;
  sentence: string;
  gold: Record<ClassName, boolean>;
}

function readRows(): Row[] {
  if (!fs.existsSync(file)) {
    console.error(`eval-context: ${file} not found (set CALCINOSIS_EVAL_DIR)`);
    process.exit(2);
  }
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const rows: Row[] = [];
  for (const l of lines.slice(1)) {
    if (!l.trim()) continue;
    const [line, condition, sentence, negation, temporality, experiencer] = l.split('\t');
    rows.push({
      line,
      condition: condition.trim(),
      sentence,
      gold: {
        negated: negation.trim() === 'Negated',
        historical: temporality.trim() === 'Historical',
        hypothetical: temporality.trim() === 'Not particular',
        'experiencer-other': experiencer.trim() !== 'Patient',
      },
    });
  }
  return rows;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Prefer the occurrence written in capitals (the data set upper-cases the judged phrase),
 * and never a section header ("ALLERGIES:"), which names a section, not a condition.
 */
function pick<T extends { text: string; end: number }>(candidates: T[], sentence: string): T | undefined {
  const notHeader = candidates.filter((c) => !/^\s*:/.test(sentence.slice(c.end, c.end + 4)));
  const pool = notHeader.length ? notHeader : candidates;
  return pool.find((c) => /[A-Z]/.test(c.text) && c.text === c.text.toUpperCase()) ?? pool[0];
}

type Judge = (row: Row) => Assertion | null;

function directJudge(row: Row): Assertion | null {
  const words = row.condition.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![A-Za-z0-9])${words.join('\\s+')}(?![A-Za-z0-9])`, 'gi');
  const found: { text: string; start: number; end: number }[] = [];
  for (const m of row.sentence.matchAll(re)) found.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  const hit = pick(found, row.sentence);
  if (!hit) return null;
  return createAssertionContext(row.sentence, findSections(row.sentence))(hit.start, hit.end);
}

async function pipelineJudge(): Promise<Judge | null> {
  try {
    const mod = await import('../server/src/analysis/analyze');
    const analyzeText = mod.analyzeText as (text: string, options?: object) => { terms: { toArray(): { text: string; end: number; assertion: Assertion }[] } };
    return (row: Row) => {
      const analysis = analyzeText(row.sentence, { customTerms: [{ term: row.condition }] });
      const want = norm(row.condition);
      const hit = pick(analysis.terms.toArray().filter((t) => norm(t.text) === want), row.sentence);
      return hit ? hit.assertion : null;
    };
  } catch (err) {
    console.error(`eval-context: analyzeText unavailable (${(err as Error).message.split('\n')[0]}); using --direct`);
    return null;
  }
}

function predicted(a: Assertion | null): Record<ClassName, boolean> {
  return {
    negated: !!a && a.negated,
    historical: !!a && a.temporality === 'historical',
    hypothetical: !!a && a.temporality === 'hypothetical',
    'experiencer-other': !!a && a.experiencer === 'other',
  };
}

async function main(): Promise<void> {
  const rows = readRows();
  let judge: Judge = directJudge;
  let mode = 'direct (findSections + createAssertionContext)';
  if (!direct) {
    const p = await pipelineJudge();
    if (p) {
      judge = p;
      mode = 'analyzeText (full analysis, condition as a custom term)';
    }
  }
  const counts = Object.fromEntries(CLASSES.map((c) => [c, { tp: 0, fp: 0, fn: 0, gold: 0 }])) as Record<
    ClassName,
    { tp: number; fp: number; fn: number; gold: number }
  >;
  let notFound = 0;
  const errors: string[] = [];
  for (const row of rows) {
    const a = judge(row);
    if (!a) notFound++;
    const p = predicted(a);
    for (const c of CLASSES) {
      const g = row.gold[c];
      if (g) counts[c].gold++;
      if (g && p[c]) counts[c].tp++;
      else if (!g && p[c]) counts[c].fp++;
      else if (g && !p[c]) counts[c].fn++;
      if (errorsFor === c && g !== p[c]) {
        errors.push(`${g ? 'FN' : 'FP'} ${row.line}${a ? '' : ' (not found)'}\t${row.condition}\t${row.sentence.replace(/\s+/g, ' ')}`);
      }
    }
  }
  const results = CLASSES.map((c) => {
    const { tp, fp, fn, gold } = counts[c];
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { class: c, gold, tp, fp, fn, precision, recall, f1 };
  });
  if (asJson) {
    console.log(JSON.stringify({ file: path.basename(file), rows: rows.length, mode, notFound, results }, null, 2));
    return;
  }
  const f = (x: number) => x.toFixed(3);
  console.log(`${path.basename(file)}: ${rows.length} rows; mode: ${mode}`);
  console.log('class               gold   TP   FP   FN  precision  recall     F1');
  for (const r of results) {
    console.log(
      `${r.class.padEnd(18)} ${String(r.gold).padStart(5)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${f(r.precision).padStart(9)} ${f(r.recall).padStart(7)} ${f(r.f1).padStart(6)}`,
    );
  }
  console.log(`conditions not found: ${notFound}`);
  if (errors.length) console.log(`\n${errors.join('\n')}`);
}

void main();
