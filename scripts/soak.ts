// `npm run soak`: the robustness properties on far more and larger generated notes than the
// test suite runs, a scaling check on pathological long lines, and a session of random edits
// against the built server. Bounded in both count and time; it stops by itself.
//
//   npm run soak -- [--cases N] [--seconds S] [--seed N] [--edits N] [--no-server]
//
// Defaults: 200,000 generated notes or 240 s of property checking, whichever comes first;
// then the scaling check; then 2,000 random edits over stdio. Exit status 1 on any failure,
// with the seed and the shrunk counterexample to reproduce it.

import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { analysisOptionsFrom, analyzeText, type AnalysisOptions } from '../server/src/analysis/analyze';
import { normalize } from '../server/src/settings';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkAnalysis } from '../test/robustness/invariants';
import { customTermArbitrary, hostileNoteArbitrary, noteArbitrary, SPECIAL_CHARS } from '../test/robustness/noteArbitraries';
import { checkSafety } from '../test/robustness/safety';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const MAX_CASES = arg('cases', 200_000);
const MAX_SECONDS = arg('seconds', 240);
const SEED = arg('seed', Date.now() % 2_147_483_647);
const EDITS = arg('edits', 2000);
const WITH_SERVER = !process.argv.includes('--no-server');

const failures: string[] = [];
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;

const PRESETS: AnalysisOptions[] = [
  analysisOptionsFrom(normalize({}).settings),
  analysisOptionsFrom(normalize({ caPhosProduct: { preset: 'kdoqi-ckd-55' }, referenceRanges: { calcium: [8.5, 10.2] } }).settings),
];

// ── 1. Properties ──────────────────────────────────────────────────────────
const properties: { name: string; property: fc.IProperty<never> }[] = [
  {
    name: 'realistic notes (up to 120 fragments): invariants and safety',
    property: fc.property(noteArbitrary(120), fc.nat(1), (text, k) => {
      const a = analyzeText(text, PRESETS[k]);
      checkAnalysis(text, a);
      checkSafety(text, a, PRESETS[k]);
    }) as unknown as fc.IProperty<never>,
  },
  {
    name: 'hostile notes (up to 80 parts): invariants',
    property: fc.property(hostileNoteArbitrary(80), (text) => checkAnalysis(text, analyzeText(text))) as unknown as fc.IProperty<never>,
  },
  {
    name: 'custom terms of any shape: invariants',
    property: fc.property(fc.array(customTermArbitrary, { maxLength: 10 }), noteArbitrary(40), (raw, note) => {
      const { settings } = normalize({ customTerms: raw });
      const text = note + ' ' + settings.customTerms.map((t) => t.term).join(' ');
      checkAnalysis(text, analyzeText(text, { customTerms: settings.customTerms }));
    }) as unknown as fc.IProperty<never>,
  },
];

let cases = 0;
let batch = 0;
const BATCH = 500;
console.log(`soak: seed ${SEED}, up to ${MAX_CASES.toLocaleString('en-US')} cases or ${MAX_SECONDS} s`);
while (cases < MAX_CASES && elapsed() < MAX_SECONDS && failures.length === 0) {
  const { name, property } = properties[batch % properties.length];
  const seed = (SEED + batch * 7919) % 2_147_483_647;
  const runs = Math.min(BATCH, MAX_CASES - cases);
  const details = fc.check(property, { numRuns: runs, seed, endOnFailure: false });
  cases += details.numRuns;
  if (details.failed) {
    failures.push(`${name}: seed ${seed}, counterexample ${JSON.stringify(details.counterexample)}: ${String(details.errorInstance)}`);
  }
  batch++;
  if (batch % 40 === 0) console.log(`  ${cases.toLocaleString('en-US')} cases, ${elapsed().toFixed(0)} s`);
}
const propertySeconds = elapsed();
console.log(`properties: ${cases.toLocaleString('en-US')} cases in ${propertySeconds.toFixed(1)} s, ${failures.length} failing`);

// ── 2. Scaling on long single lines ────────────────────────────────────────
// Time at 250 kB and at 1 MB: a linear analysis takes about 4× as long; a ratio far above
// that is a scanner re-reading the line per match (what made the 10 MB tests hang before).
const PATTERNS = [
  'Ca 10.8 mg/dL, Phos 7.1 mg/dL; no calcinosis cutis; ',
  'Ca/', 'P 5 ', 'Ca 9 -> ', 'ANA, ', 'Ca 8.5–10.5 ', 'Ca 10.8 Phos 7.1 ', 'albumin 3.2 g/dL Ca 9 ', '03/14/2026 Ca 9 ',
  '1', '\t', ' ', '\u00a0', '(', 'mg/dL ', 'no ', 'AB CD: ', '#', '*', '😀', 'history of ', 'PTH 412 pg/mL ', 'Ca 10.8 mg/dL (8.5-10.5) ',
  ...SPECIAL_CHARS.slice(0, 12),
];
function timeAt(unit: string, size: number): number {
  const text = unit.repeat(Math.ceil(size / unit.length));
  const t0 = performance.now();
  analyzeText(text);
  return Math.max(1, performance.now() - t0);
}
let worst = { unit: '', ratio: 0 };
for (const unit of PATTERNS) {
  const small = Math.min(timeAt(unit, 250_000), timeAt(unit, 250_000));
  const large = timeAt(unit, 1_000_000);
  const ratio = large / small;
  if (ratio > worst.ratio) worst = { unit, ratio };
  // Only meaningful when the large run is long enough to measure.
  if (ratio > 10 && large > 500) failures.push(`superlinear on a long line of ${JSON.stringify(unit)}: 250 kB ${small.toFixed(0)} ms, 1 MB ${large.toFixed(0)} ms`);
}
console.log(`scaling: ${PATTERNS.length} patterns, worst ratio 1 MB / 250 kB = ${worst.ratio.toFixed(1)} (${JSON.stringify(worst.unit)})`);

// ── 3. Random edits against the built server ───────────────────────────────
async function serverSoak(): Promise<void> {
  const { startServer, openDocument, SERVER } = await import('../test/protocol/lspClient');
  if (!existsSync(SERVER)) {
    console.log('server: skipped (run npm run build first)');
    return;
  }
  const session = await startServer();
  const uri = 'file:///soak/note.note';
  let text = 'HPI: calcinosis cutis.\nLabs: Ca 10.8 mg/dL, Phos 7.1 mg/dL\n';
  await openDocument(session, uri, text);
  const pieces = fc.sample(fc.oneof(noteArbitrary(6), hostileNoteArbitrary(4)), { numRuns: EDITS, seed: SEED });
  const random = fc.sample(fc.tuple(fc.nat(), fc.nat(), fc.nat(20)), { numRuns: EDITS, seed: SEED + 1 });
  const t0 = performance.now();
  for (let i = 0; i < EDITS; i++) {
    const [a, b, len] = random[i];
    const start = text.length ? a % (text.length + 1) : 0;
    const end = Math.min(text.length, start + (b % (len + 1)));
    // Edits are sent as offsets turned into positions the way an editor would.
    const doc = TextDocument.create(uri, 'clinical-note', i + 1, text);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    text = text.slice(0, start) + pieces[i] + text.slice(end);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: pieces[i] }] });
    if (i % 50 === 49) {
      const diagnostics = session.nextDiagnostics(uri, i + 2);
      await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(start) });
      await diagnostics;
    }
    if (session.process.exitCode !== null) {
      failures.push(`server: exited after edit ${i} (code ${session.process.exitCode})`);
      break;
    }
  }
  // The final state, compared with the analysis of the same text in-process.
  const final = session.nextDiagnostics(uri, EDITS + 10);
  await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: EDITS + 10 }, contentChanges: [{ text }] });
  const diagnostics = await final;
  // The server analysed the edited note incrementally; the same text analysed from scratch must agree.
  const expected = analyzeText(text).findings.slice(0, 1000).map((f) => f.code).join(',');
  const got = diagnostics.map((d) => d.code).join(',');
  if (expected !== got) failures.push(`server: diagnostics after the edits differ from a fresh analysis:\n    got      ${got}\n    expected ${expected}`);
  if (session.stderr().length) failures.push(`server: wrote to stderr: ${session.stderr().slice(0, 200)}`);
  await session.close();
  console.log(`server: ${EDITS.toLocaleString('en-US')} random edits in ${((performance.now() - t0) / 1000).toFixed(1)} s, final note ${text.length.toLocaleString('en-US')} characters`);
}

(async () => {
  if (WITH_SERVER && failures.length === 0) await serverSoak();
  console.log(`\nsoak finished in ${elapsed().toFixed(1)} s: ${cases.toLocaleString('en-US')} generated notes, seed ${SEED}`);
  if (failures.length) {
    console.log(`${failures.length} failure(s):\n` + failures.map((f) => '  - ' + f.slice(0, 2000)).join('\n'));
    process.exitCode = 1;
  } else console.log('no failures');
})();
