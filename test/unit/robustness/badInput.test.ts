// Bad input, one specification each: what clinicians paste (lab portals, PDFs, other
// operating systems, other scripts) must neither break the analysis nor shift its offsets.

import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { groupThousands, inputGuard, looksBinary } from '../../../server/src/analysis/inputGuard';
import type { Analysis, LabValue } from '../../../server/src/analysis/types';
import { analyzeNote } from '../../../server/src/noteStore';
import { DEFAULT_SETTINGS, normalize } from '../../../server/src/settings';
import { checkAnalysis } from '../../robustness/invariants';

function analyze(text: string): Analysis {
  const analysis = analyzeText(text);
  checkAnalysis(text, analysis);
  return analysis;
}

const labsOf = (a: Analysis) => a.labs.map((l) => ({ analyte: l.analyte, value: l.value, unit: l.unit, mgdl: l.conventional?.value }));
const lab = (a: Analysis, analyte: string): LabValue => {
  const found = a.labs.find((l) => l.analyte === analyte);
  assert.ok(found, `no ${analyte} among ${JSON.stringify(labsOf(a))}`);
  return found;
};
const round = (n: number | undefined, d = 2) => (n === undefined ? n : Number(n.toFixed(d)));

describe('robustness: bad input', function () {
  this.timeout(300_000);

  describe('binary content and NUL bytes', () => {
    it('a file of binary data is not analysed and says so once', () => {
      const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
      assert.equal(looksBinary(binary), true);
      const note = analyzeNote('file:///x.note', 1, binary, DEFAULT_SETTINGS);
      assert.equal(note.skipped?.code, 'binary-content');
      assert.deepEqual(note.analysis.findings.map((f) => f.code), ['binary-content']);
      assert.equal(note.analysis.terms.length + note.analysis.labs.length, 0);
    });

    it('a stray NUL in a long real note does not make it binary, and values around it are still read', () => {
      const text = 'HPI: calcinosis cutis of the forearms. '.repeat(20) + 'Ca 10.8 mg/dL\u0000Phos 7.1 mg/dL';
      assert.equal(inputGuard(text, DEFAULT_SETTINGS.maxDocumentSize), undefined);
      const a = analyze(text);
      assert.equal(lab(a, 'calcium').value, 10.8);
      assert.equal(lab(a, 'phosphate').value, 7.1);
      assert.ok(a.findings.some((f) => f.code === 'ca-phos-product-elevated'));
    });

    it('analyzeText itself survives pure binary (the guard is not the only defence)', () => {
      const bytes = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
      analyze(bytes);
    });
  });

  describe('huge documents', () => {
    it('a note over the size limit gets one warning that gives both sizes in full, grouped by thousands', () => {
      const finding = inputGuard('x'.repeat(1_234_567), 1_000_000);
      assert.equal(finding?.code, 'document-too-large');
      assert.match(finding!.message, /has 1,234,567 characters, more than the 1,000,000 set in calcinosisNotes\.maxDocumentSize/);
      assert.deepEqual([0, 7, 999, 1000, 65536, 5_000_000, 200_000_000].map(groupThousands), ['0', '7', '999', '1,000', '65,536', '5,000,000', '200,000,000']);
    });

    it('a 10 MB single line of realistic text finishes and reads every value on it', () => {
      const unit = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL; no calcinosis cutis; ';
      const count = Math.ceil(10_000_000 / unit.length);
      const text = unit.repeat(count);
      assert.ok(text.length >= 10_000_000 && !text.includes('\n'));
      const a = analyzeText(text);
      assert.equal(a.labs.filter((l) => l.analyte === 'calcium').length, count);
      assert.equal(a.labs.filter((l) => l.analyte === 'phosphate').length, count);
      const last = a.labs[a.labs.length - 1];
      assert.equal(text.slice(last.start, last.end), last.text);
      assert.equal(last.line, 0);
      assert.equal(last.character, last.start);
    });

    // Each of these once made a scanner re-read the rest of the line from every match (quadratic);
    // at a megabyte that is hours, so finishing at all is the specification.
    const pathological: [string, string][] = [
      ['an analyte slash list that never ends ("Ca/Ca/Ca/…")', 'Ca/'],
      ['a bare "P 5" repeated (vital-sign check per value)', 'P 5 '],
      ['dated values (each value searched every date on its line)', '03/14/2026 Ca 9 '],
      ['a written trend that never ends', 'Ca 9 -> '],
      ['a serology list that never ends', 'ANA, '],
      ['en-dash ranges (a per-value search for "urine" on the line)', 'Ca 8.5–10.5 '],
      ['a pasted table row of thousands of Ca/P pairs (pairing considered every pair)', 'Ca 10.8 Phos 7.1 '],
      ['digits only', '1'],
      ['digits and points', '1.'],
      ['tabs only', '\t'],
      ['spaces only', ' '],
      ['no-break spaces', '\u00a0'],
      ['dates', '03/14/2026 '],
      ['open parentheses', '('],
      ['units without values', 'mg/dL '],
      ['negation triggers', 'no '],
      ['capital words with colons', 'AB CD: '],
      ['markdown hashes', '#'],
      ['astral characters', '😀'],
      ['lone surrogates', '\ud800'],
      ['asterisks (unfilled markers)', '*'],
    ];
    for (const [name, unit] of pathological) {
      it(`a 1 MB line of ${name} finishes`, () => {
        const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
        const a = analyzeText(text);
        // Spot-check the invariants on the first and last spans rather than 1 MB of them.
        for (const spans of [a.terms, a.labs, a.findings, a.sections] as { start: number; end: number }[][]) {
          for (const s of [spans[0], spans[spans.length - 1]]) if (s) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length);
        }
      });
    }
  });

  describe('line breaks', () => {
    it('CRLF: positions count the CR as part of the line break', () => {
      const text = 'HPI:\r\nno calcinosis cutis\r\nCa 10.8 mg/dL, Phos 7.1 mg/dL\r\n';
      const a = analyze(text);
      const term = a.terms.toArray().find((t) => t.concept === 'calcinosis-cutis')!;
      assert.deepEqual([term.line, term.character], [1, 3]);
      assert.equal(term.assertion.negated, true);
      assert.deepEqual([lab(a, 'phosphate').line, lab(a, 'phosphate').character], [2, 15]);
      assert.equal(a.sections[0]?.kind, 'hpi');
    });

    it('a lone CR is a line break, as the LSP says', () => {
      const text = 'first line\rCa 10.8 mg/dL\rcalcinosis';
      const a = analyze(text);
      assert.deepEqual([lab(a, 'calcium').line, lab(a, 'calcium').character], [1, 0]);
      assert.deepEqual([a.terms.at(a.terms.length - 1).line, a.terms.at(a.terms.length - 1).character], [2, 0]);
    });

    it('Unicode line and paragraph separators and NEL do not corrupt offsets', () => {
      analyze('Ca 10.8 mg/dL\u2028Phos 7.1 mg/dL\u2029calcinosis\u0085cutis');
    });
  });

  describe('encodings and invisible characters', () => {
    it('a byte-order mark shifts offsets by one and hides no header', () => {
      const body = 'HPI:\nCa 10.8 mg/dL, Phos 7.1 mg/dL\n';
      const plain = analyze(body);
      const bom = analyze('\uFEFF' + body);
      assert.deepEqual(bom.sections.map((s) => [s.kind, s.start - 1]), plain.sections.map((s) => [s.kind, s.start]));
      assert.deepEqual(bom.labs.map((l) => [l.analyte, l.start - 1, l.line, l.character]), plain.labs.map((l) => [l.analyte, l.start, l.line, l.character]));
      assert.equal(bom.products.length, 1);
    });

    it('emoji and other astral characters before a term keep UTF-16 offsets right', () => {
      const text = '👩🏽‍⚕️🧪 𝐍𝐨𝐭𝐞: calcinosis cutis, Ca 10.8 mg/dL';
      const a = analyze(text);
      const term = a.terms.toArray().find((t) => t.concept === 'calcinosis-cutis')!;
      assert.equal(term.start, text.indexOf('calcinosis'));
      assert.equal(term.character, text.indexOf('calcinosis')); // UTF-16 code units, not code points
      assert.equal(lab(a, 'calcium').character, text.indexOf('Ca 10.8'));
    });

    it('right-to-left text and bidi controls around a value do not hide it', () => {
      const text = 'كالسيوم \u202bCa 10.8 mg/dL\u202c סידן \u200fPhos 7.1 mg/dL';
      const a = analyze(text);
      assert.equal(lab(a, 'calcium').start, text.indexOf('Ca 10.8'));
      assert.equal(a.products.length, 1);
    });

    it('zero-width and soft-hyphen characters do not break offsets', () => {
      analyze('calci\u00adnosis cu\u200btis Ca\u200d 10.8 mg/dL');
    });
  });

  describe('spaces, digits and symbols from other keyboards', () => {
    it('no-break, narrow no-break and ideographic spaces between name, number and unit', () => {
      for (const space of ['\u00a0', '\u202f', '\u2009', '\u3000']) {
        const a = analyze(`Ca${space}10.8${space}mg/dL, Phos${space}7.1${space}mg/dL`);
        assert.equal(lab(a, 'calcium').value, 10.8, `space U+${space.charCodeAt(0).toString(16)}`);
        assert.equal(lab(a, 'calcium').unitAssumed, false, `unit after U+${space.charCodeAt(0).toString(16)} was written`);
        assert.equal(a.products.length, 1);
        assert.ok(a.terms.toArray().some((t) => t.text === 'Ca'), `the term Ca before U+${space.charCodeAt(0).toString(16)}`);
      }
    });

    it('full-width digits and punctuation are read as numbers, offsets unchanged', () => {
      const text = 'Ca １０．８ mg/dL, Phos ７．１ mg/dL';
      const a = analyze(text);
      assert.equal(lab(a, 'calcium').value, 10.8);
      assert.equal(lab(a, 'calcium').valueStart, text.indexOf('１'));
      assert.equal(lab(a, 'phosphate').value, 7.1);
      assert.equal(round(a.products[0]?.value, 1), 76.7);
    });

    it('tabs between fields (pasted from a lab table)', () => {
      const a = analyze('Ca\t10.8\tmg/dL\nPhos\t7.1\tmg/dL');
      assert.deepEqual([lab(a, 'calcium').value, lab(a, 'calcium').unit], [10.8, 'mg/dL']);
      assert.equal(a.products.length, 1);
    });

    it('the multiplication sign × between two values does not make a value of its own', () => {
      const a = analyze('Ca 10.8 mg/dL × Phos 7.1 mg/dL');
      assert.deepEqual(a.labs.map((l) => l.analyte), ['calcium', 'phosphate']);
    });

    it('micro sign µ and Greek mu μ are the same unit prefix', () => {
      const micro = lab(analyze('Creatinine 300 µmol/L'), 'creatinine');
      const mu = lab(analyze('Creatinine 300 μmol/L'), 'creatinine');
      assert.equal(round(micro.conventional?.value), 3.39);
      assert.equal(mu.conventional?.value, micro.conventional?.value);
    });

    it('an en-dash range is a range, not a value', () => {
      assert.deepEqual(labsOf(analyze('Ca 8.5–10.5 mg/dL')), []);
      const a = analyze('Ca 10.8 mg/dL (8.5–10.5)');
      assert.deepEqual(labsOf(a), [{ analyte: 'calcium', value: 10.8, unit: 'mg/dL', mgdl: 10.8 }]);
    });

    it('mixed-case units (MG/DL, Mg/Dl, MMOL/L) are understood', () => {
      const a = analyze('Ca 10.8 MG/DL, Phos 7.1 Mg/Dl');
      assert.equal(lab(a, 'calcium').conventional?.unit, 'mg/dL');
      assert.equal(lab(a, 'phosphate').conventional?.value, 7.1);
      const si = analyze('Ca 2.7 MMOL/L, Phos 2.3 mmol/l');
      assert.equal(round(lab(si, 'calcium').conventional?.value, 1), 10.8);
      assert.equal(si.products.length, 1);
    });
  });

  describe('ambiguous serology word order', () => {
    it('"anti-Scl-70 negative ANA": the word belongs to one value, and values never overlap (hover and tokens rely on it)', () => {
      const a = analyze('anti-Scl-70 negative ANA');
      assert.deepEqual(a.labs.map((l) => [l.analyte, l.text]), [['anti-scl-70', 'anti-Scl-70 negative']]);
    });
  });

  describe('pathological custom terms', () => {
    it('regex metacharacters in a term match literally and only literally', () => {
      const { settings } = normalize({ customTerms: ['(a+)+$', 'Ca++', '.*', '[x]', 'a|b'] });
      const text = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! (a+)+$ then Ca++ and xyz .* and [x] a|b';
      const a = analyzeText(text, { customTerms: settings.customTerms });
      checkAnalysis(text, a);
      assert.deepEqual(
        a.terms.toArray().filter((t) => t.custom).map((t) => t.text),
        ['(a+)+$', 'Ca++', '.*', '[x]', 'a|b'],
      );
    });

    it('5,000 terms, a 200-character term and emoji terms build a matcher that finishes and matches literally', () => {
      const many = Array.from({ length: 4997 }, (_, i) => `custom finding ${i} (${'x'.repeat(i % 7)}+)*`);
      const long = 'calcified '.repeat(20).trim().slice(0, 200);
      const { settings, problems } = normalize({ customTerms: [...many, long, '🧪 panel', 'nodule 🦴'] });
      assert.deepEqual(problems, []);
      assert.equal(settings.customTerms.length, 5000);
      const text = `Seen: custom finding 4321 (${'x'.repeat(4321 % 7)}+)* and ${long}; 🧪 panel sent; nodule 🦴. ` + 'a'.repeat(50_000) + '!';
      const a = analyzeText(text, { customTerms: settings.customTerms });
      checkAnalysis(text, a);
      assert.deepEqual(
        a.terms.toArray().filter((t) => t.custom).map((t) => t.text),
        [`custom finding 4321 (${'x'.repeat(4321 % 7)}+)*`, long, '🧪 panel', 'nodule 🦴'],
      );
    });

    it('a pathological note against pathological terms finishes', () => {
      const { settings } = normalize({ customTerms: ['(a+)+$', 'a a a a a a a a b', '((((', '\\'] });
      const text = 'a '.repeat(200_000) + '((((' + '\\'.repeat(1000);
      const a = analyzeText(text, { customTerms: settings.customTerms });
      const custom = a.terms.toArray().filter((t) => t.custom).map((t) => t.text);
      assert.equal(custom[0], '((((');
      assert.equal(custom.length, 1 + 1000); // every backslash, literally
      assert.ok(custom.slice(1).every((t) => t === '\\'));
    });
  });
});
