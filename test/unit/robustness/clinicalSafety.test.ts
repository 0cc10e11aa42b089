// Clinical safety: every threshold and range names its source where the clinician reads it,
// assumed units are labelled as assumed, and a doubtful value gets an explanation instead of
// a guessed product. Checked on named examples and as properties over generated notes.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analysisOptionsFrom, analyzeText, type AnalysisOptions } from '../../../server/src/analysis/analyze';
import { normalize, THRESHOLD_PRESETS } from '../../../server/src/settings';
import { noteArbitrary } from '../../robustness/noteArbitraries';
import { checkSafety, hover } from '../../robustness/safety';

const optionsFor = (raw: unknown): AnalysisOptions => analysisOptionsFrom(normalize(raw).settings);
const PRESETS: [string, AnalysisOptions][] = [
  ['StatPearls 70 (default)', optionsFor({})],
  ['KDOQI 55', optionsFor({ caPhosProduct: { preset: 'kdoqi-ckd-55' } })],
  ['a custom 40', optionsFor({ caPhosProduct: { preset: 'custom', threshold: 40 } })],
  ['overridden reference ranges', optionsFor({ referenceRanges: { calcium: [8.5, 10.2], phosphate: [2.7, 4.6] } })],
];

describe('robustness: clinical safety', () => {
  describe('sources are named', () => {
    for (const [name, options] of PRESETS) {
      it(`with ${name}: the Ca×P warning names the threshold source and the hover links it`, () => {
        const text = 'Labs 03/14/2026: Ca 10.8 mg/dL, Phos 7.1 mg/dL';
        const a = analyzeText(text, options);
        const warning = a.findings.find((f) => f.code === 'ca-phos-product-elevated');
        assert.ok(warning);
        assert.ok(warning.message.includes(options.thresholdSource), warning.message);
        assert.match(warning.message, new RegExp(`> ${options.threshold}\\b`));
        const md = hover(a, a.labs[0], options);
        if (options.thresholdUrl) assert.ok(md.includes(`](${options.thresholdUrl})`), md);
        checkSafety(text, a, options);
      });
    }

    it('the two published thresholds link their own sources', () => {
      const a = analyzeText('Ca 10.8 mg/dL, Phos 7.1 mg/dL', optionsFor({ caPhosProduct: { preset: 'kdoqi-ckd-55' } }));
      const md = hover(a, a.labs[1], optionsFor({ caPhosProduct: { preset: 'kdoqi-ckd-55' } }));
      assert.ok(md.includes(THRESHOLD_PRESETS['kdoqi-ckd-55'].url));
      assert.ok(!md.includes(THRESHOLD_PRESETS['statpearls-70'].url));
    });

    it('every out-of-range message names its range source, the user setting included', () => {
      const text = 'Ca 11.9 mg/dL, Phos 6.0 mg/dL, albumin 2.1 g/dL, PTH 412 pg/mL, creatinine 3.4 mg/dL';
      for (const [, options] of PRESETS) {
        const a = analyzeText(text, options);
        assert.ok(a.findings.filter((f) => f.code === 'lab-out-of-range').length >= 3);
        checkSafety(text, a, options);
      }
      const overridden = analyzeText(text, PRESETS[3][1]);
      const ca = overridden.findings.find((f) => f.code === 'lab-out-of-range' && f.start === overridden.labs[0].valueStart)!;
      assert.match(ca.message, /your setting calcinosisNotes\.referenceRanges/);
    });
  });

  describe('doubt is never hidden', () => {
    it('an assumed unit is labelled in the hover, in its own finding, and in the product it enters', () => {
      const text = 'Ca 10.8, Phos 7.1';
      const a = analyzeText(text);
      assert.ok(a.labs.every((l) => l.unitAssumed));
      assert.equal(a.findings.filter((f) => f.code === 'unit-assumed').length, 2);
      const product = a.findings.find((f) => f.code === 'ca-phos-product-elevated')!;
      assert.match(product.message, /unit of calcium and phosphate was not written and is assumed/);
      const range = a.findings.find((f) => f.code === 'lab-out-of-range')!;
      assert.match(range.message, /unit assumed/);
      checkSafety(text, a, optionsFor({}));
    });

    it('"Ca 5.2" with no unit (mEq/L, or an impossible mg/dL) is explained, never multiplied', () => {
      const a = analyzeText('Ca 5.2, Phos 7.1 mg/dL');
      assert.equal(a.products.length, 0);
      const why = a.findings.filter((f) => f.code === 'ca-phos-product-not-computed');
      assert.ok(why.length >= 1);
      assert.ok(why.every((f) => f.severity === 'information'));
      assert.match(why[0].message, /No Ca × P product/);
      assert.ok(a.findings.some((f) => f.code === 'implausible-lab-value' && /5\.2/.test(f.message)));
    });

    it('"Phos 1.5" with no unit (mmol/L, or a low mg/dL) next to a calcium of unknown unit is explained, never multiplied', () => {
      const a = analyzeText('Ca 5.2, Phos 1.5');
      assert.equal(a.products.length, 0);
      const phos = a.labs.find((l) => l.analyte === 'phosphate')!;
      assert.ok(phos.ambiguousUnit);
      const why = a.findings.find((f) => f.code === 'ca-phos-product-not-computed' && f.start === phos.valueStart);
      assert.ok(why, 'no explanation on the ambiguous phosphate');
      assert.equal(why.severity, 'information');
      assert.match(why.message, /both mg\/dL and mmol\/L/);
    });

    it('a bound ("Ca > 11") or a negated value never enters a product', () => {
      for (const text of ['Ca > 11 mg/dL, Phos 7.1 mg/dL', 'no Ca 10.8 mg/dL today; Phos 7.1 mg/dL']) {
        const a = analyzeText(text);
        assert.equal(a.products.length, 0, text);
        checkSafety(text, a, optionsFor({}));
      }
    });

    it('properties: over 2,000 generated notes and every threshold preset, sources are named and doubt is labelled', () => {
      fc.assert(
        fc.property(noteArbitrary(25), fc.integer({ min: 0, max: PRESETS.length - 1 }), (text, k) => {
          const options = PRESETS[k][1];
          checkSafety(text, analyzeText(text, options), options);
        }),
        { numRuns: 2000, seed: 0x5afe, endOnFailure: true },
      );
    });
  });
});
