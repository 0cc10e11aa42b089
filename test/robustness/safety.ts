// The clinical-safety rules every analysis must satisfy: each Ca×P warning names its
// threshold source, each out-of-range message its range source (and link), hovers link the
// threshold and label assumed or ambiguous units, and no product is built from a doubtful
// value. Shared by test/unit/robustness/clinicalSafety.test.ts and scripts/soak.ts.

import { strict as assert } from 'node:assert';
import type { AnalysisOptions } from '../../server/src/analysis/analyze';
import { labHoverMarkdown } from '../../server/src/analysis/labHoverText';
import { referenceRangeFor } from '../../server/src/analysis/labFindings';
import type { Analysis, LabValue } from '../../server/src/analysis/types';
import { ANALYTE_BY_ID, type AnalyteId } from '../../server/src/knowledge/analytes';

export const hover = (a: Analysis, lab: LabValue, options: AnalysisOptions) => labHoverMarkdown(lab, a.labs.indexOf(lab), a.labs, a.products, options);

/** The safety rules, checked on one analysis. */
export function checkSafety(text: string, a: Analysis, options: AnalysisOptions): void {
  for (const f of a.findings) {
    if (f.code === 'ca-phos-product-elevated') {
      assert.ok(f.message.includes(options.thresholdSource), `Ca×P message without its threshold source: ${f.message}`);
    }
    if (f.code === 'lab-out-of-range') {
      const lab = a.labs.find((l) => l.valueStart === f.start)!;
      const range = referenceRangeFor(ANALYTE_BY_ID.get(lab.analyte as AnalyteId)!, options.referenceRanges)!;
      assert.ok(f.message.includes(range.source), `range message without its source: ${f.message}`);
      if (range.url) assert.ok(f.message.includes(range.url), `range message without its link: ${f.message}`);
    }
  }
  for (const lab of a.labs) {
    const md = hover(a, lab, options);
    if (lab.unitAssumed) {
      assert.match(md, /unit assumed/i, `hover of ${lab.text} hides the assumed unit`);
      if (!lab.implausible) {
        assert.ok(
          a.findings.some((f) => f.code === 'unit-assumed' && f.start === lab.valueStart),
          `no unit-assumed finding for ${JSON.stringify(lab.text)} in ${JSON.stringify(text)}`,
        );
      }
    }
    if (lab.ambiguousUnit) assert.match(md, /no unit written|either unit/i, `hover of ${lab.text} hides the ambiguity`);
  }
  for (const p of a.products) {
    const ca = a.labs[p.calcium];
    const ph = a.labs[p.phosphate];
    // No product from a doubtful value.
    for (const l of [ca, ph]) {
      assert.ok(!l.implausible && !l.ambiguousUnit && !l.comparator && !l.assertion.negated, `product from a doubtful value ${JSON.stringify(l.text)}`);
    }
    const md = hover(a, ca, options);
    if (options.thresholdUrl) assert.ok(md.includes(options.thresholdUrl), 'the product hover does not link the threshold source');
    else assert.ok(md.includes(options.thresholdSource), 'the product hover does not name the threshold source');
    if (ca.unitAssumed || ph.unitAssumed) {
      assert.match(md, /assumed/, 'the product hover hides an assumed unit');
      const f = a.findings.find((x) => x.code === 'ca-phos-product-elevated' && x.start === ph.valueStart);
      if (f) assert.match(f.message, /assumed/, `the Ca×P message hides an assumed unit: ${f.message}`);
    }
  }
}
