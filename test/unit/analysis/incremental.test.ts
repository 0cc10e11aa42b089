import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DEFAULT_ANALYSIS_OPTIONS, analyzeText, completeAnalysisSteps } from '../../../server/src/analysis/analyze';
import { createAssertionContext } from '../../../server/src/analysis/context';
import { findSections } from '../../../server/src/analysis/sections';
import { AnalysisCancelled, CHUNK_TARGET_MS, FIRST_CHUNK, analyzeInChunks, applyEdit, chunkBounds, diffTexts, nextChunkSize, updateAnalysis, type TextEdit } from '../../../server/src/analysis/incremental';
import { explainUnpairedSteps, pairCaPhosSteps } from '../../../server/src/analysis/caPhos';
import { labFindingSteps } from '../../../server/src/analysis/labFindings';
import { LineIndex } from '../../../server/src/analysis/lineIndex';
import type { Analysis, Finding } from '../../../server/src/analysis/types';
import { matcherFor } from '../../../server/src/analysis/vocabulary';

// Realistic pieces of calcinosis notes: terms, lab lines (with and without units and
// dates), negations and other modifiers, section headers, list items and line breaks.
const FRAGMENTS = [
  'calcinosis cutis', 'Calcinosis', 'cutis', 'systemic sclerosis', 'SSc', 'CREST', 'calciphylaxis', 'dermatomyositis',
  'tumoral calcinosis', 'calcinosis universalis', 'chronic kidney disease', 'CKD', 'hyperparathyroidism', 'PTH',
  'von Kossa stain', 'skin biopsy', 'sodium thiosulfate', 'diltiazem', 'Raynaud phenomenon', 'lupus',
  'Ca 10.8 mg/dL', 'Phos 7.1 mg/dL', 'Ca 10.8', 'Phos 4.1', 'P 5.2', 'P: 6.0', 'calcium 2.61 mmol/L', 'phosphate 1.9 mmol/L',
  'albumin 3.2 g/dL', 'PTH 412 pg/mL', 'Ca/Phos 10.8/7.1', 'Ca 9.1 -> 10.8', 'ANA positive 1:640 speckled', 'anti-Scl-70 negative',
  'Labs 03/14/2026:', '03/15/2026', 'on 3/16/2026', 'Creatinine 3.4 mg/dL',
  // Dates as pasted: en dashes, a no-break space; and a byte-order mark in mid-note.
  'Labs 2026\u201303\u201314:', 'Mar\u00a014', '\uFEFF',
  // Numbers that fit both unit systems: read in the system of the rest of their draw.
  'Phos 1.2', 'Mg 0.9',
  'No', 'no', 'denies', 'no evidence of', 'rule out', 'possible', 'history of', 'mother with', 'if', 'resolved',
  'HPI:', 'PMH:', 'Family history:', 'Plan:', 'Assessment:', '## Assessment', 'LABS:', 'A:', 'P:', 'Social history:',
  '- ', '1. ', '***', '(', ')', '.', ',', ';', ':', ' ', ' ', ' ', ' and ', ' with ', ' of the ', '\n', '\n', '\n\n', '\n\n', '\r\n', '\t',
  'nodules on the forearms', 'She', 'The patient', 'draining white material', '😀', 'é',
];

const fragment = fc.constantFrom(...FRAGMENTS);
/** Any mix of fragments, line breaks included. */
const looseDocument = fc.array(fragment, { minLength: 0, maxLength: 160 }).map((parts) => parts.join(''));
/** A note of paragraphs (1–4 lines each) separated by blank lines, up to ~80 of them. */
const inlineFragment = fc.constantFrom(...FRAGMENTS.filter((f) => !/[\r\n]/.test(f)));
const line = fc.array(inlineFragment, { minLength: 1, maxLength: 8 }).map((p) => p.join(' '));
const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((l) => l.join('\n'));
const blank = fc.constantFrom('\n\n', '\n\n', '\n \n', '\r\n\r\n', '\n\n\n');
const paragraphDocument = fc
  .array(fc.tuple(paragraph, blank), { minLength: 1, maxLength: 80 })
  .map((ps) => ps.map(([p, b]) => p + b).join(''));
/** A dated lab block longer than a date header reaches (60 lines), broken by blank lines. */
const labLine = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom('Ca 10.8 mg/dL', 'Phos 1.2', 'Ca 9.1', 'P 5.2', 'calcium 2.61 mmol/L', 'Creatinine 3.4 mg/dL', '', 'nodules on the forearms') },
  { weight: 1, arbitrary: fc.constant('Labs 03/15/2026:') },
);
const labBlockDocument = fc
  .tuple(fc.constantFrom('Labs 03/14/2026:\n', 'HPI: calcinosis cutis.\n\nLabs 03/14/2026:\n'), fc.array(labLine, { minLength: 50, maxLength: 110 }))
  .map(([head, ls]) => head + ls.join('\n'));
/** Run-on text with no sentence end for well over the 1,000 characters a sentence is looked for in. */
const runOnWord = fc.constantFrom('calcinosis', 'nodules', 'and', 'with', 'no', 'denies', 'possible', 'history of', 'mother with', 'Ca 10.8 mg/dL', 'Phos 7.1', 'skin', 'the', ',', 'lupus', 'SSc');
const runOnDocument = fc
  .tuple(fc.array(runOnWord, { minLength: 150, maxLength: 450 }), fc.constantFrom('', 'HPI: ', 'Denies: '))
  .map(([ws, head]) => head + ws.join(' ') + '\n\nPlan: recheck.');
/** Short sentences whose terms wrap over line breaks, some of them sentence ends ("dystrophic\nCalcinosis"). */
const wrapWord = fc.constantFrom('No', 'denies', 'dystrophic', 'tumoral', 'Calcinosis', 'calcinosis', 'over the elbow', '.');
const wrapDocument = fc
  .array(fc.tuple(wrapWord, fc.constantFrom(' ', '\n', '\n', '\n\n')), { minLength: 3, maxLength: 40 })
  .map((ws) => ws.map(([w, sep]) => w + sep).join(''));
const document = fc.oneof(looseDocument, paragraphDocument, labBlockDocument, runOnDocument, wrapDocument);
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  removed: fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 12 }), fc.nat({ max: 200 })),
  inserted: fc.oneof(fc.constant(''), fc.constantFrom(...'abcxyz .,:;0123456789\n-*#/'.split('')), fragment, fc.array(fragment, { maxLength: 6 }).map((p) => p.join(''))),
});

function toEdit(text: string, e: { at: number; removed: number; inserted: string }): TextEdit {
  const offset = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return { offset, removed: Math.min(e.removed, text.length - offset), inserted: e.inserted };
}

/**
 * Applies the edits to `initial` one after another with updateAnalysis, checking each result
 * against a full analysis of the new text (and, unless in place, that the previous analysis
 * is left as it was); `each` sees every update.
 */
function everyUpdateEqualsFull(
  initial: string,
  edits: { at: number; removed: number; inserted: string }[],
  options: Parameters<typeof analyzeText>[1],
  inPlace: boolean,
  each: (update: ReturnType<typeof updateAnalysis>) => void,
): void {
  let text = initial;
  let analysis = analyzeText(text, options);
  for (const e of edits) {
    const edit = toEdit(text, e);
    const before = inPlace ? null : snapshotOf(analysis);
    const update = updateAnalysis(text, analysis, edit, { ...options, fullBelow: 0, inPlace });
    assert.deepStrictEqual(update.analysis, analyzeText(update.text, options), `after ${JSON.stringify(edit)} on ${JSON.stringify(text)}`);
    if (before) assert.deepStrictEqual(snapshotOf(analysis), before, 'the previous analysis changed');
    each(update);
    text = update.text;
    analysis = update.analysis;
  }
}

/** A deep copy of an analysis, its mentions as objects, to check later that it was left as it was. */
function snapshotOf(analysis: Analysis) {
  return structuredClone({ ...analysis, terms: analysis.terms.toArray() });
}

describe('incremental analysis', () => {
  it('applyEdit and diffTexts are inverse: the diff of two texts, applied, gives the second', () => {
    fc.assert(
      fc.property(document, document, (a, b) => {
        const edit = diffTexts(a, b);
        assert.equal(applyEdit(a, edit), b);
        // The diff is minimal at both ends: the characters just around it differ (or it is empty).
        if (edit.removed > 0 && edit.inserted.length > 0) assert.notEqual(a[edit.offset], b[edit.offset]);
      }),
      { numRuns: 500, seed: 0x1d1f },
    );
  });

  it('a resumed matcher scan gives exactly the matches of one scan', () => {
    const matcher = matcherFor([]);
    fc.assert(
      fc.property(document, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (text, cuts) => {
        const full = matcher.findAll(text);
        const got = [];
        let from = 0;
        for (const c of [...cuts.map((x) => Math.floor(x * text.length)).sort((x, y) => x - y), text.length]) {
          const part = matcher.scan(text, from, Math.max(from, c));
          got.push(...part.matches);
          from = part.next;
        }
        got.push(...matcher.scan(text, from, text.length).matches);
        assert.deepStrictEqual(got, full);
      }),
      { numRuns: 500, seed: 0x5ca9 },
    );
  });

  /** Each span alone, and the spans in a shuffled order, get the answers they get in text order. */
  function sameAnswersInAnyOrder(text: string, seed: number): void {
    const sections = findSections(text);
    const a = analyzeText(text);
    const spans = [...a.terms.toArray(), ...a.labs].map((m) => [m.start, m.end] as const);
    const inOrder = createAssertionContext(text, sections);
    const answers = spans.map(([s, e]) => inOrder(s, e));
    spans.forEach(([s, e], i) => assert.deepStrictEqual(createAssertionContext(text, sections)(s, e), answers[i]));
    const shuffled = createAssertionContext(text, sections);
    const order = spans.map((_, i) => i).sort((x, y) => ((x * 7919 + seed) % 101) - ((y * 7919 + seed) % 101));
    for (const i of order) assert.deepStrictEqual(shuffled(spans[i][0], spans[i][1]), answers[i]);
  }

  it('the assertion of a span does not depend on which spans were asked about before (what incremental analysis relies on)', () => {
    fc.assert(fc.property(document, fc.nat(), sameAnswersInAnyOrder), { numRuns: 300, seed: 0xa55e });
  });

  it('nor when a mention wraps over a sentence end ("dystrophic" closing one line, "Calcinosis" opening the next)', () => {
    fc.assert(fc.property(wrapDocument, fc.nat(), sameAnswersInAnyOrder), { numRuns: 300, seed: 0xa55e });
  });

  it('after any sequence of edits, the incremental result deep-equals a full re-analysis (1,000 documents)', function () {
    this.timeout(0); // a thousand documents: no wall-clock limit
    let incremental = 0;
    let partial = 0;
    fc.assert(
      fc.property(document, fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), fc.boolean(), (initial, edits, inPlace, keepLines, giveText) => {
        let text = initial;
        let analysis = analyzeText(text);
        let lines: LineIndex | undefined = keepLines ? new LineIndex(text) : undefined;
        for (const e of edits) {
          const edit = toEdit(text, e);
          const update = updateAnalysis(text, analysis, edit, { fullBelow: 0, inPlace, lines, text: giveText ? applyEdit(text, edit) : undefined });
          const expected = analyzeText(update.text);
          assert.equal(update.text, applyEdit(text, edit));
          assert.deepStrictEqual(update.analysis, expected, `after ${JSON.stringify(edit)} on ${JSON.stringify(text)}`);
          if (keepLines) {
            const fresh = new LineIndex(update.text);
            for (let o = 0; o <= update.text.length; o += 7) assert.deepEqual(update.lines.positionAt(o), fresh.positionAt(o));
            lines = update.lines;
          }
          if (!update.full) incremental++;
          if (!update.full && update.region[1] - update.region[0] < update.text.length / 2) partial++;
          text = update.text;
          analysis = update.analysis;
        }
      }),
      { numRuns: 1000, seed: 0x1c4e },
    );
    // The property is about the incremental path: most updates must have taken it.
    assert.ok(incremental > 1000, `only ${incremental} updates were incremental`);
    // ...and many of them kept part of the note.
    assert.ok(partial > 300, `only ${partial} updates kept part of the note`);
  });

  it('with settings other than the defaults (corrected calcium, a threshold, a range, a user term), the incremental result still equals a full re-analysis (400 documents)', function () {
    this.timeout(0);
    // Dated blocks of calcium, phosphate and albumin values close together: the values whose
    // products depend on the albumin of their draw, and on which calcium a phosphate went to.
    const drawLine = fc.constantFrom('Ca 10.8 mg/dL', 'Ca 9.4', 'Phos 7.1 mg/dL', 'P 5.2', 'albumin 3.2 g/dL', 'Alb 2.1', 'calcium 2.61 mmol/L', 'phosphate 1.9 mmol/L', '', 'Labs 03/15/2026:', 'Labs 04/02/2026:', 'nodules on the forearms');
    const drawDocument = fc.array(drawLine, { minLength: 10, maxLength: 90 }).map((ls) => 'Labs 03/14/2026:\n' + ls.join('\n'));
    const anyDocument = fc.oneof(document, drawDocument, drawDocument);
    const options = {
      useCorrectedCalcium: true,
      threshold: 55,
      thresholdSource: 'KDOQI (test)',
      referenceRanges: { calcium: [8.4, 10.2] as [number, number] },
      customTerms: [{ term: 'chalky material' }, { term: 'nodules' }],
    };
    let incremental = 0;
    fc.assert(
      fc.property(anyDocument, fc.array(editArb, { minLength: 1, maxLength: 5 }), fc.boolean(), (initial, edits, inPlace) =>
        everyUpdateEqualsFull(initial, edits, options, inPlace, (update) => {
          if (!update.full) incremental++;
        }),
      ),
      { numRuns: 400, seed: 0xa1b0 },
    );
    assert.ok(incremental > 400, `only ${incremental} updates were incremental`);
  });

  it('finishes an edit over a slice of the values (products and findings kept elsewhere) and still equals a full re-analysis (250 long lab notes)', function () {
    this.timeout(0);
    // Blocks of calcium, phosphate and albumin values, some unusable (negated, past, without a
    // unit, implausible, bounds), some dated, separated by gaps of a few lines or of more than
    // the 60 lines pairing looks across: the borders where the slice may end.
    const value = fc.constantFrom(
      'Ca 10.8 mg/dL, Phos 7.1 mg/dL, albumin 3.2 g/dL',
      'Ca 9.4',
      'P 5.2',
      'Phos 4.1 mg/dL',
      'calcium 2.61 mmol/L',
      'phosphate 1.9 mmol/L',
      'Alb 2.1',
      'No calcium 10.2 mg/dL on repeat.',
      'Phosphate 6.3 mg/dL in 2019.',
      'Ca/Phos 10.1/6.8 mg/dL',
      'Ca 9.1 -> 10.8 mg/dL',
      'Ca 10.4 mg/dL (3/15/2026)',
      'Phos < 2.5 mg/dL',
      'Ca 58 mg/dL',
      'Labs 03/15/2026:',
      'Labs 04/02/2026:',
      'Nodules on the forearms, stable.',
    );
    // (Gaps of 21-40 lines: too far for undated values to pair, near enough to be explained.)
    const gap = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 19, max: 40 }), fc.integer({ min: 58, max: 70 })).map((n) => '\n'.repeat(n + 1));
    const labNote = fc
      .array(fc.tuple(fc.array(value, { minLength: 1, maxLength: 7 }), gap), { minLength: 30, maxLength: 60 })
      .map((blocks) => 'HPI: calcinosis cutis.\n\n' + blocks.map(([lines, g]) => lines.join('\n') + g).join(''));
    // Edits that change values: a digit, a unit, a negation, a date, a whole line, line breaks.
    const labEdit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      removed: fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 12 }), fc.nat({ max: 80 })),
      inserted: fc.constantFrom('', '1', '7', '.', ' ', '\n', '\n\n', 'no ', ' mg/dL', ' mmol/L', 'Ca 11.2 mg/dL\n', 'Phos 8.4 mg/dL\n', 'albumin 2.4 g/dL\n', 'Labs 05/01/2026:\n', '\n'.repeat(64)),
    });
    let sliced = 0;
    for (const options of [{}, { useCorrectedCalcium: true, threshold: 55 }]) {
      fc.assert(
        // (Kept products and findings are moved in copies unless the update is in place: checked too.)
        fc.property(labNote, fc.array(labEdit, { minLength: 1, maxLength: 5 }), fc.boolean(), (initial, edits, inPlace) =>
          everyUpdateEqualsFull(initial, edits, options, inPlace, (update) => {
            if (update.finishedInSlice) sliced++;
          }),
        ),
        { numRuns: 125, seed: 0x511ce },
      );
    }
    // The property is about the slice: most updates must have taken it.
    assert.ok(sliced > 300, `only ${sliced} updates finished in a slice`);
  });

  it('analysis in chunks, with pauses between them, equals the analysis in one go (300 documents)', async function () {
    this.timeout(0);
    await fc.assert(
      fc.asyncProperty(document, fc.integer({ min: 64, max: 3000 }), async (text, chunkSize) => {
        let pauses = 0;
        const { analysis, lines } = await analyzeInChunks(text, { chunkSize, pause: async () => void pauses++ });
        assert.deepStrictEqual(analysis, analyzeText(text));
        assert.deepStrictEqual(lines.positionAt(text.length), { line: lines.lineCount - 1, character: text.length - lines.lineStart(lines.lineCount - 1) });
        if (text.length > 0) assert.ok(pauses >= 1);
      }),
      { numRuns: 300, seed: 0xc4c4 },
    );
  });

  it('also pauses inside the final step (positions, Ca×P pairing, findings every 4,096 values), and still equals the analysis in one go', async function () {
    this.timeout(0);
    // One paragraph, so one chunk: any pause after the chunk's terms and labs is in the final step.
    const text = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL\n'.repeat(5000);
    let pauses = 0;
    const { analysis } = await analyzeInChunks(text, { chunkSize: text.length + 1, pause: async () => void pauses++ });
    assert.deepStrictEqual(analysis, analyzeText(text));
    assert.equal(analysis.labs.length, 10000);
    // Line index, sections, the chunk: 3 pauses; then positions, 3 inside the pairing (after
    // gathering, scoring and sorting the candidate pairs), the choosing (every 4,096 candidate
    // pairs, then before the products are sorted), pairing, 2 after the findings' first parts,
    // 2 inside their values, the sort.
    assert.ok(pauses >= 3 + 1 + 3 + 1 + 1 + 1 + 2 + 2 + 1, `only ${pauses} pauses`);
  });

  it('reads a huge note in chunks that start at about 4 KiB and double up to the chunk size, each ending at a paragraph start', () => {
    const paragraph = 'HPI:\nShe denies calcinosis cutis. Ca 10.8 mg/dL, Phos 7.1 mg/dL.\n\n';
    const text = paragraph.repeat(Math.ceil((600 * 1024) / paragraph.length));
    const size = 64 * 1024;
    const bounds = chunkBounds(text, size);
    assert.equal(bounds[0], 0);
    assert.equal(bounds[bounds.length - 1], text.length);
    const lengths = bounds.slice(1).map((b, k) => b - bounds[k]);
    // Each chunk ends at the first paragraph start at or before its intended end.
    let intended = FIRST_CHUNK;
    for (let k = 0; k + 1 < lengths.length; k++) {
      assert.ok(lengths[k] <= intended && lengths[k] > intended - paragraph.length, `chunk ${k}: ${lengths[k]} characters for ${intended}`);
      assert.equal(text.slice(bounds[k + 1] - 2, bounds[k + 1]), '\n\n');
      intended = Math.min(size, intended * 2);
    }
    assert.ok(lengths[0] <= FIRST_CHUNK && lengths.filter((l) => l > size / 2).length >= 5);
  });

  it('pauses inside the choosing of Ca×P pairs and after the first parts of the findings', () => {
    const text = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL\n'.repeat(3000);
    const labs = analyzeText(text).labs;
    const pairing = pairCaPhosSteps(labs, text, { threshold: 70, useCorrectedCalcium: false });
    let pairingPauses = 0;
    let next = pairing.next();
    for (; !next.done; next = pairing.next()) pairingPauses++;
    // Gathering, scoring and sorting: 3; with thousands of candidate pairs, the choosing more.
    assert.ok(pairingPauses > 3 + 1, `only ${pairingPauses} pauses in the pairing`);
    const products = next.value;
    assert.equal(products.length, 3000);
    // 100 values, fewer than one step of values: the three pauses are those after the products'
    // messages, before the explanations of unpaired values are sorted, and after them.
    const short = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL\n'.repeat(50);
    const shortAnalysis = analyzeText(short);
    const found: Finding[] = [];
    const findings = labFindingSteps(short, shortAnalysis.labs, shortAnalysis.products, { threshold: 70, thresholdSource: 'test', referenceRanges: {} }, found);
    let findingPauses = 0;
    while (!findings.next().done) findingPauses++;
    assert.equal(findingPauses, 3);
    assert.equal(found.filter((f) => f.code === 'ca-phos-product-elevated').length, 50);
  });

  it('pauses while gathering and scoring Ca×P candidates, placing values, and explaining unpaired ones, when few pairs are possible', () => {
    const count = (steps: Generator<void, unknown>) => {
      let n = 0;
      while (!steps.next().done) n++;
      return n;
    };
    // 9,000 calcium values and one phosphate: almost no candidate pairs, so no pauses in the choosing.
    const text = 'Ca 10.8 mg/dL\n'.repeat(9000) + 'Phos 7.1 mg/dL\n';
    const { labs, products } = analyzeText(text);
    assert.equal(products.length, 1);
    // After gathering, scoring, sorting, and before the products' sort: 4; and twice while
    // scoring the 9,000 calcium values (every 4,096).
    assert.equal(count(pairCaPhosSteps(labs, text, { threshold: 70, useCorrectedCalcium: false })), 4 + 2);
    // Before the 8,999 explanations are sorted.
    assert.equal(count(explainUnpairedSteps(labs, products)), 1);
    // After the products' messages, before the explanations' sort, twice while they become
    // findings (every 4,096), after them, and twice among the 9,001 values.
    const found: Finding[] = [];
    assert.equal(count(labFindingSteps(text, labs, products, { threshold: 70, thresholdSource: 'test', referenceRanges: {} }, found)), 1 + 1 + 2 + 1 + 2);
    assert.equal(found.filter((f) => f.code === 'ca-phos-product-not-computed').length, 8999);
    // 20,000 calcium values and no phosphate: once while placing them on their lines and once
    // while gathering them (every 16,384), beside the pauses between the parts and among the
    // values' findings.
    const calciums = 'Ca 10.8 mg/dL\n'.repeat(20000);
    const only = analyzeText(calciums);
    const steps = completeAnalysisSteps(calciums, new LineIndex(calciums), only.sections, only.terms, only.labs, DEFAULT_ANALYSIS_OPTIONS);
    assert.equal(count(steps), 1 + 1 + 1 + 1 + 1 + 1 + 4 + 1);
  });

  it('sizes the chunks of terms and labs by how long the last one took', async () => {
    assert.equal(nextChunkSize(8192, CHUNK_TARGET_MS / 4, 65536), 16384, 'a quick chunk: twice as large');
    assert.equal(nextChunkSize(65536, 1, 65536), 65536, 'never above the chunk size');
    assert.equal(nextChunkSize(16384, CHUNK_TARGET_MS * 0.75, 65536), 16384, 'within the target: the same');
    assert.equal(nextChunkSize(16384, CHUNK_TARGET_MS * 3, 65536), 8192, 'a slow chunk: half as large');
    assert.equal(nextChunkSize(FIRST_CHUNK, 100, 65536), FIRST_CHUNK, 'never below the first size');
    assert.equal(nextChunkSize(500, 100, 500), 500, 'a chunk size below the first size stays as it is');
    // Through analyzeInChunks, with a clock that makes every chunk take 1 ms or 20 ms.
    const paragraph = 'HPI:\nShe denies calcinosis cutis. Ca 10.8 mg/dL, Phos 7.1 mg/dL.\n\n';
    const text = paragraph.repeat(Math.ceil((400 * 1024) / paragraph.length));
    const pausesWith = async (msPerChunk: number) => {
      let clock = 0;
      let calls = 0;
      let pauses = 0;
      const { analysis } = await analyzeInChunks(text, {
        pause: async () => void pauses++,
        // Called at the start and the end of each chunk of terms and labs.
        now: () => (calls++ % 2 === 0 ? clock : (clock += msPerChunk)),
      });
      assert.deepStrictEqual(analysis, analyzeText(text));
      return pauses;
    };
    const quick = await pausesWith(1);
    const slow = await pausesWith(20);
    // Slow chunks stay at the first size: about 100 chunks of 4 KiB instead of some 10 that
    // double up to 64 KiB (the sections and the final step pause the same in both).
    const chunksAtFirstSize = Math.floor(text.length / FIRST_CHUNK);
    assert.ok(slow - quick >= chunksAtFirstSize - 12, `${slow} pauses with slow chunks, ${quick} with quick ones`);
  });

  it('stops analysing in chunks when told the work is stale', async () => {
    const text = 'HPI:\nShe denies calcinosis cutis.\n\n'.repeat(2000);
    let pauses = 0;
    await assert.rejects(
      analyzeInChunks(text, { chunkSize: 4096, pause: async () => void pauses++, cancelled: () => pauses >= 3 }),
      AnalysisCancelled,
    );
    assert.equal(pauses, 3);
  });

  it('leaves the previous analysis untouched unless asked to update it in place', () => {
    const text = 'HPI:\nShe denies calcinosis cutis.\n\nLabs 03/14/2026:\nCa 10.8 mg/dL, Phos 7.1 mg/dL\n\n'.repeat(300);
    const prev = analyzeText(text);
    const snapshot = snapshotOf(prev);
    updateAnalysis(text, prev, { offset: 10, removed: 0, inserted: 'Systemic sclerosis.\n' });
    assert.deepStrictEqual(snapshotOf(prev), snapshot);
    const update = updateAnalysis(text, prev, { offset: 10, removed: 0, inserted: 'Systemic sclerosis.\n' }, { inPlace: true });
    // In place, a value after the edit is the same object, moved.
    assert.equal(update.analysis.labs.at(-1), prev.labs.at(-1));
    assert.deepStrictEqual(update.analysis, analyzeText(update.text));
  });

  it('reads a unitless value again in the unit system its draw takes after an edit far away, leaving the previous analysis untouched', () => {
    const filler = 'HPI:\nShe denies calcinosis cutis.\n\n'.repeat(200);
    // Two blocks of one draw (the same date), far apart: the phosphate has no unit and fits both
    // systems, so it takes the system of the calcium written in the other block.
    const text = `Labs 03/14/2026:\nPhos 1.2\n\n${filler}Labs 03/14/2026:\nCa 10.8 mg/dL\n\n${filler}`;
    const prev = analyzeText(text);
    const phosphate = (labs: typeof prev.labs) => labs.find((l) => l.analyte === 'phosphate')!;
    assert.equal(phosphate(prev.labs).conventional?.value, 1.2);
    const snapshot = snapshotOf(prev);
    const offset = text.indexOf('Ca 10.8');
    const update = updateAnalysis(text, prev, { offset, removed: 'Ca 10.8 mg/dL'.length, inserted: 'Ca 2.7 mmol/L' });
    assert.deepStrictEqual(snapshotOf(prev), snapshot);
    assert.equal(update.full, false);
    assert.ok(update.region[0] > text.indexOf(filler), `region ${update.region}`);
    assert.equal(phosphate(update.analysis.labs).si?.value, 1.2);
    assert.match(phosphate(update.analysis.labs).unitAssumedReason!, /mmol\/L because the other values of the same draw are written in SI units/);
    assert.deepStrictEqual(update.analysis, analyzeText(update.text));
  });

  it('gives a value more than 60 lines below a date header the same draw as a full analysis, with values on every line between', () => {
    // A full analysis asks about every line between, so a header found through the lines
    // above must not reach further than the 60 lines a slice of the incremental analysis reads.
    const lines = ['Labs 3/14/2026:'];
    for (let i = 1; i <= 90; i++) lines.push(i % 10 === 0 ? '' : `Calcium ${(9 + (i % 10) / 10).toFixed(1)} mg/dL`);
    const text = 'Skin nodules on both elbows.\n\n'.repeat(300) + lines.join('\n');
    const before = analyzeText(text);
    const last = before.labs[before.labs.length - 1];
    const update = updateAnalysis(text, before, { offset: last.valueStart, removed: 1, inserted: '8' }, {});
    assert.equal(update.full, false);
    assert.deepStrictEqual(update.analysis, analyzeText(update.text));
    assert.match(update.analysis.labs[update.analysis.labs.length - 1].draw!, /^para:/);
  });

  it('follows an edit of a date header written with an en dash or a no-break space down to the values it dates', () => {
    // labs/ reads dates with dashes and blanks made ASCII; the values two paragraphs down must be read again.
    for (const [text, at] of [['2026\u201303\u201314\n\nx\n\nx\n\nCa 10.8', 9], ['Labs Mar\u00a014:\n\nx\n\nx\n\nCa 10.8', 10]] as const) {
      const update = updateAnalysis(text, analyzeText(text), { offset: at, removed: 1, inserted: '5' }, { fullBelow: 0 });
      assert.equal(update.full, false);
      assert.match(update.analysis.labs[0].draw!, /-15$/);
      assert.deepStrictEqual(update.analysis, analyzeText(update.text));
    }
  });

  it('takes a byte-order mark inside the note for a character of its line, not for the file\'s own, in chunks and after edits', async () => {
    // Only the mark that opens the note is skipped; "\uFEFFSH:" further down is not a header.
    const text = 'Calcinosis cutis over the elbows.\n\n\uFEFFSH: calcinosis cutis';
    const full = analyzeText(text);
    assert.equal(full.sections.length, 0);
    const { analysis } = await analyzeInChunks(text, { chunkSize: 64, pause: async () => {} });
    assert.deepStrictEqual(analysis, full);
    const before = 'Note.\nSH: calcinosis cutis';
    const update = updateAnalysis(before, analyzeText(before), { offset: 6, removed: 0, inserted: '\uFEFF' }, { fullBelow: 0 });
    assert.equal(update.full, false);
    assert.deepStrictEqual(update.analysis, analyzeText(update.text));
  });

  it('keeps the mentions after the region when an edit in place brings 10,000 new ones (a large paste)', () => {
    const text = 'SSc '.repeat(10000) + '\n\nx\n\nSSc';
    const update = updateAnalysis(text, analyzeText(text), { offset: 0, removed: 0, inserted: 'x ' }, { fullBelow: 0, inPlace: true });
    assert.equal(update.full, false);
    assert.equal(update.analysis.terms.length, 10001);
    assert.deepStrictEqual(update.analysis, analyzeText(update.text));
  });

  it('updates after an edit below thousands of blank lines as a full analysis does', () => {
    const text = 'Calcinosis cutis.\n' + '\n'.repeat(20000);
    const update = updateAnalysis(text, analyzeText(text), { offset: text.length, removed: 0, inserted: 'No calcinosis' }, { fullBelow: 0 });
    assert.equal(update.full, false);
    assert.deepStrictEqual(update.analysis, analyzeText(update.text));
  });

  it('re-analyses only the paragraphs around an edit in a long note', () => {
    const paragraph = 'Labs 03/14/2026:\nCa 10.8 mg/dL, Phos 7.1 mg/dL\n\nHPI:\nShe denies calcinosis cutis.\n\n';
    const text = paragraph.repeat(400);
    const prev = analyzeText(text);
    const offset = text.indexOf('denies', text.length >> 1);
    const update = updateAnalysis(text, prev, { offset, removed: 0, inserted: 'x' });
    assert.equal(update.full, false);
    assert.ok(update.region[1] - update.region[0] < 5 * paragraph.length, `region ${update.region}`);
    assert.deepStrictEqual(update.analysis, analyzeText(update.text));
  });
});
