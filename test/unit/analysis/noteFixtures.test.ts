// A realistic note read end to end: which terms are found, and how each is asserted.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../server/src/analysis/analyze';
import type { Assertion, TermMention } from '../../../server/src/analysis/types';
import { occurrence as occurrenceOf } from '../helpers/assertionOf';

const TEXT = readFileSync(join(__dirname, '..', '..', 'fixtures', 'notes', 'rheumatology-consult.note'), 'utf8');
const analysis = analyzeText(TEXT);

/** The mention of `concept` whose text starts at the n-th occurrence of `phrase`. */
function mention(phrase: string, concept: string, occurrence = 0): TermMention {
  const offset = occurrenceOf(TEXT, phrase, occurrence);
  const found = analysis.terms.toArray().find((t) => t.start === offset && t.concept === concept);
  assert.ok(found, `no ${concept} at "${phrase}" #${occurrence}; found there: ${JSON.stringify(analysis.terms.toArray().filter((t) => Math.abs(t.start - offset) < 5))}`);
  return found;
}

const PLAIN: Assertion = { negated: false, possible: false, temporality: 'current', experiencer: 'patient' };

describe('a rheumatology consult note', () => {
  it('reads a current diagnosis as plain', () => {
    assert.deepEqual(mention('juvenile dermatomyositis diagnosed', 'juvenile-dermatomyositis').assertion, PLAIN);
  });

  it('negates every item of a list after "denies"', () => {
    assert.equal(mention('fever', 'fever').assertion.negated, true);
    assert.equal(mention('pain or', 'pain').assertion.negated, true);
    assert.equal(mention('pruritus', 'pruritus').assertion.negated, true);
  });

  it('stops negation at "but"', () => {
    assert.equal(mention('Gottron papules', 'gottron-papules').assertion.negated, true);
    assert.equal(mention('heliotrope rash', 'heliotrope-rash').assertion.negated, false);
  });

  it('marks the PMH section as historical', () => {
    assert.equal(mention('juvenile dermatomyositis, treated', 'juvenile-dermatomyositis').assertion.temporality, 'historical');
  });

  it('attributes the family history to someone other than the patient', () => {
    assert.equal(mention('systemic lupus erythematosus', 'systemic-lupus-erythematosus').assertion.experiencer, 'other');
    assert.equal(mention('Raynaud phenomenon', 'raynaud-phenomenon').assertion.experiencer, 'other');
  });

  it('does not read the tumour marker "CA 19-9" as calcium, but reads "Ca" and a bare "P" before numbers', () => {
    const labs = analysis.labs.map((l) => [l.analyte, l.value]);
    assert.deepEqual(labs, [['calcium', 9.4], ['phosphate', 4.1], ['ck', 85]]);
  });

  it('finds a phrase broken over a line', () => {
    const m = mention('juvenile\ndermatomyositis', 'juvenile-dermatomyositis');
    assert.equal(m.text, 'juvenile\ndermatomyositis');
  });

  it('marks "probable" and "unlikely" as possible, and "if" as hypothetical', () => {
    assert.equal(mention('calcinosis universalis', 'calcinosis-universalis').assertion.possible, true);
    assert.equal(mention('Calciphylaxis is unlikely', 'calciphylaxis').assertion.possible || mention('Calciphylaxis is unlikely', 'calciphylaxis').assertion.negated, true);
    assert.equal(mention('sodium thiosulfate', 'sodium-thiosulfate').assertion.temporality, 'hypothetical');
  });

  it('reads "Not on warfarin" as negated and "Start diltiazem" as plain', () => {
    assert.equal(mention('warfarin', 'warfarin').assertion.negated, true);
    assert.deepEqual(mention('diltiazem', 'diltiazem').assertion, PLAIN);
  });
});
