// Golden hover texts: one concept of every category, pinned as Markdown files under
// test/fixtures/hover/. Run with UPDATE_SNAPSHOTS=1 to rewrite them after an
// intended change, then review the diff like any other change.

import { strict as assert } from 'node:assert';
import { golden } from '../helpers/golden';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { CONCEPTS } from '../../../server/src/knowledge/concepts';
import { CATEGORY_LABELS, type ConceptCategory } from '../../../server/src/knowledge/types';
import { conceptFor } from '../../../server/src/analysis/vocabulary';
import { describeAssertion, termHoverMarkdown } from '../../../server/src/features/termHoverText';

// A sentence per category, written the way a note would say it.
const SAMPLES: Record<ConceptCategory, string> = {
  'calcinosis-type': 'Findings fit calciphylaxis.',
  'calcinosis-subtype': 'Biopsy consistent with tumoral calcinosis.',
  'associated-disease': 'Systemic sclerosis with digital ulcers.',
  cause: 'Known secondary hyperparathyroidism.',
  'lab-test': 'Check PTH next week.',
  histology: 'Deposits black on von Kossa stain.',
  imaging: 'Skin ultrasound ordered.',
  procedure: 'Plan surgical excision of the nodule.',
  treatment: 'Start diltiazem today.',
  complication: 'New ulceration over the elbow.',
  anatomy: 'Nodules on both forearms.',
};

describe('term hover text (golden)', () => {
  for (const [category, sentence] of Object.entries(SAMPLES) as [ConceptCategory, string][]) {
    it(`pins the hover of a ${CATEGORY_LABELS[category].toLowerCase()}`, () => {
      const term = analyzeText(sentence).terms.toArray().find((t) => t.category === category);
      assert.ok(term, `no ${category} term recognised in "${sentence}"`);
      const concept = conceptFor(term.concept)!;
      golden(`${category}-full`, termHoverMarkdown(term, concept, 'full'));
    });
  }

  it('brief hovers stop after the definition', () => {
    const term = analyzeText('Findings fit calciphylaxis.').terms.at(0);
    const brief = termHoverMarkdown(term, conceptFor(term.concept)!, 'brief');
    assert.doesNotMatch(brief, /Why it matters/);
    assert.match(brief, /Calciphylaxis/);
  });

  it('says how the term is asserted when it is not plain', () => {
    const term = analyzeText('Mother had dermatomyositis. No calciphylaxis.').terms.toArray();
    const family = term.find((t) => t.concept.includes('dermatomyositis'))!;
    const negated = term.find((t) => t.concept === 'calciphylaxis')!;
    assert.match(termHoverMarkdown(family, conceptFor(family.concept)!, 'full'), /someone other than the patient/);
    assert.match(termHoverMarkdown(negated, conceptFor(negated.concept)!, 'full'), /Negated here/);
    assert.equal(describeAssertion({ negated: false, possible: false, temporality: 'current', experiencer: 'patient' }), undefined);
  });

  it('covers every category that the knowledge base uses', () => {
    const used = new Set(CONCEPTS.map((c) => c.category));
    for (const category of used) assert.ok(category in SAMPLES, `no golden hover sample for ${category}`);
  });
});
