// Golden lab-value hovers: one of every kind of lab (concentration, 24 h excretion, enzyme
// activity, pH, serology), plus a value written in SI units and one whose unit was assumed.
// Pinned as Markdown under test/fixtures/hover/; UPDATE_SNAPSHOTS=1 rewrites them for review.

import { strict as assert } from 'node:assert';
import { golden } from '../helpers/golden';
import { DEFAULT_ANALYSIS_OPTIONS, analyzeText } from '../../../server/src/analysis/analyze';
import { labHoverMarkdown } from '../../../server/src/analysis/labHoverText';

const SAMPLES: [name: string, line: string, analyte: string][] = [
  ['lab-concentration-with-product', 'Labs 03/14/2026: Ca 10.8 mg/dL, Phos 7.1 mg/dL, albumin 3.2 g/dL', 'calcium'],
  ['lab-si-units', 'Ca 2.7 mmol/L, phosphate 2.3 mmol/L', 'phosphate'],
  ['lab-unit-assumed', 'PTH 412, Ca 10.8', 'calcium'],
  ['lab-excretion-24h', '24 h urine calcium 312 mg/24h', 'urine-calcium-24h'],
  ['lab-enzyme-activity', 'CK 1240 U/L (H)', 'ck'],
  ['lab-arterial-ph', 'arterial pH 7.52', 'ph'],
  ['lab-serology', 'ANA positive 1:640 speckled', 'ana'],
];

describe('lab value hover text (golden)', () => {
  for (const [name, line, analyte] of SAMPLES) {
    it(`pins the hover of ${name.replace(/-/g, ' ')}`, () => {
      const a = analyzeText(line);
      const index = a.labs.findIndex((l) => l.analyte === analyte);
      assert.ok(index >= 0, `no ${analyte} in "${line}": ${JSON.stringify(a.labs.map((l) => l.analyte))}`);
      golden(name, labHoverMarkdown(a.labs[index], index, a.labs, a.products, DEFAULT_ANALYSIS_OPTIONS));
    });
  }
});
