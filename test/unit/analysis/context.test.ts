import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { createAssertionContext } from '../../../server/src/analysis/context';
import { findSections } from '../../../server/src/analysis/sections';
import type { Assertion } from '../../../server/src/analysis/types';
import { noteArbitrary } from '../../robustness/noteArbitraries';
import { assertionOf } from '../helpers/assertionOf';

const PLAIN: Assertion = { negated: false, possible: false, temporality: 'current', experiencer: 'patient' };

describe('createAssertionContext (ConText-style assertions)', () => {
  it('leaves a plainly stated finding affirmed, current, about the patient', () => {
    assert.deepEqual(assertionOf('Firm calcified nodules over both elbows.', 'calcified nodules'), PLAIN);
  });

  it('negates after "no" up to a terminator such as "but"', () => {
    const text = 'No ulceration of the nodules but chalky discharge from the left index finger.';
    assert.equal(assertionOf(text, 'ulceration').negated, true);
    assert.equal(assertionOf(text, 'chalky discharge').negated, false);
  });

  it('carries "denies" across a comma list, including the item after "or"', () => {
    const text = 'She denies fever, chills, or myalgia.';
    for (const item of ['fever', 'chills', 'myalgia']) assert.equal(assertionOf(text, item).negated, true, item);
  });

  it('stops negation at the end of the sentence', () => {
    const text = 'No dysphagia. Calcinosis cutis over the elbows.';
    assert.equal(assertionOf(text, 'dysphagia').negated, true);
    assert.equal(assertionOf(text, 'Calcinosis cutis').negated, false);
  });

  it('ignores pseudo-triggers: "no increase in" does not negate', () => {
    const text = 'No increase in the size of the calcinosis on the forearm.';
    assert.equal(assertionOf(text, 'calcinosis').negated, false);
    const stable = 'No change in the calcified deposits since March.';
    assert.equal(assertionOf(stable, 'calcified deposits').negated, false);
  });

  it('negates backwards for "was ruled out" and "negative"', () => {
    assert.equal(assertionOf('Calciphylaxis was ruled out on biopsy.', 'Calciphylaxis').negated, true);
    assert.equal(assertionOf('Anti-centromere antibody negative.', 'Anti-centromere antibody').negated, true);
  });

  it('does not treat the period of a decimal, of "mg/dL" or of "Dr." wrongly', () => {
    const decimal = 'No hypercalcemia, calcium 10.8 mg/dL and phosphate 3.2 mg/dL on repeat.';
    assert.equal(assertionOf(decimal, 'phosphate').negated, true, 'a decimal point does not end the sentence');
    const unit = 'Denies hypercalcemia at 9.9 mg/dL. Tumoral calcinosis of the hip.';
    assert.equal(assertionOf(unit, 'Tumoral calcinosis').negated, false, '"mg/dL." ends the sentence');
    const title = 'Seen by Dr. Lee who found no calcinosis.';
    assert.equal(assertionOf(title, 'calcinosis').negated, true);
  });

  it('marks "possible" and "rule out" as possible, which is never negated', () => {
    assert.deepEqual(assertionOf('Possible calciphylaxis of the thighs.', 'calciphylaxis'), { ...PLAIN, possible: true });
    const ro = 'Biopsy to rule out calciphylaxis.';
    assert.equal(assertionOf(ro, 'calciphylaxis').possible, true);
    const cannot = 'Early calciphylaxis cannot be excluded.';
    const a = assertionOf(cannot, 'calciphylaxis');
    assert.equal(a.possible, true);
    assert.equal(a.negated, false);
  });

  it('marks "history of" and "status post" as historical', () => {
    assert.equal(assertionOf('History of dermatomyositis diagnosed at age 12.', 'dermatomyositis').temporality, 'historical');
    assert.equal(assertionOf('Status post excision of a calcified nodule.', 'excision').temporality, 'historical');
    assert.equal(assertionOf('Day 3: one-day history of finger pain.', 'finger pain').temporality, 'current');
  });

  it('makes the content of a PMH section historical and a family history section about someone else', () => {
    const note = [
      'HPI: Tender calcified nodules on the fingertips.',
      'PMH:',
      'Limited systemic sclerosis',
      'Raynaud phenomenon',
      'Family history:',
      'Dermatomyositis',
      'Plan: start diltiazem',
    ].join('\n');
    assert.equal(assertionOf(note, 'calcified nodules').temporality, 'current');
    assert.equal(assertionOf(note, 'Raynaud phenomenon').temporality, 'historical');
    assert.equal(assertionOf(note, 'Raynaud phenomenon').experiencer, 'patient');
    assert.equal(assertionOf(note, 'Dermatomyositis').experiencer, 'other');
    assert.equal(assertionOf(note, 'diltiazem').experiencer, 'patient');
  });

  it('attributes a finding to a relative named in the sentence', () => {
    assert.equal(assertionOf('Her mother had scleroderma.', 'scleroderma').experiencer, 'other');
    assert.equal(assertionOf('Family history of pseudoxanthoma elasticum.', 'pseudoxanthoma elasticum').experiencer, 'other');
  });

  it('makes instructions with "if" and "return if" hypothetical', () => {
    const text = 'Return if the nodules ulcerate or drain chalky material.';
    assert.equal(assertionOf(text, 'chalky material').temporality, 'hypothetical');
    assert.equal(assertionOf('If calcinosis progresses, consider sodium thiosulfate.', 'calcinosis').temporality, 'hypothetical');
  });

  it('ends a sentence at a new list item and at a blank line, not at a wrapped line', () => {
    const list = '- No ulceration\n- Calcinosis of the elbow\nNo pain\n\nTenderness over the elbow';
    assert.equal(assertionOf(list, 'ulceration').negated, true);
    assert.equal(assertionOf(list, 'Calcinosis').negated, false, 'a new bullet starts a new sentence');
    assert.equal(assertionOf(list, 'Tenderness').negated, false, 'a blank line ends the sentence');
    const wrapped = 'She denies fever, chills,\nor weight loss.';
    assert.equal(assertionOf(wrapped, 'weight loss').negated, true, 'a line that ends with a comma runs on');
  });

  it('keeps a negation inside parentheses from reaching past them', () => {
    const text = 'Review (slides not sent) shows calcinosis cutis.';
    assert.equal(assertionOf(text, 'calcinosis cutis').negated, false);
  });

  it('counts offsets in UTF-16 code units, so an emoji before the span is two units', () => {
    const text = '🙂 No calcinosis today. 🙂 Calcinosis on the elbow.';
    const ctx = createAssertionContext(text, findSections(text));
    const first = text.indexOf('calcinosis');
    assert.equal(first, 6, 'the emoji takes two code units');
    assert.equal(ctx(first, first + 10).negated, true);
    const second = text.indexOf('Calcinosis');
    assert.equal(ctx(second, second + 10).negated, false);
  });

  it('gives the same answer whatever order the spans are asked in', () => {
    const text = 'No calcinosis. History of lupus. Possible calciphylaxis. If pain, call.';
    const spans = ['calcinosis', 'lupus', 'calciphylaxis', 'pain'].map((w) => [text.indexOf(w), text.indexOf(w) + w.length]);
    const forward = createAssertionContext(text, []);
    const inOrder = spans.map(([s, e]) => forward(s, e));
    const backward = createAssertionContext(text, []);
    const reversed = [...spans].reverse().map(([s, e]) => backward(s, e)).reverse();
    assert.deepEqual(reversed, inOrder);
    assert.deepEqual(
      inOrder.map((a) => [a.negated, a.temporality, a.possible]),
      [
        [true, 'current', false],
        [false, 'historical', false],
        [false, 'current', true],
        [false, 'hypothetical', false],
      ],
    );
  });

  it('gives a span in a sentence longer than the reach (1,000 characters) the same answer, whichever spans were asked about before', () => {
    // The mentions before the value are asked about first in a full analysis, and not at all
    // when an edit elsewhere re-reads the value alone: both must give the same answer.
    const text = 'Denies: ' + 'calcinosis '.repeat(82) + 'Ca 10.8 mg/dL ' + 'calcinosis '.repeat(100) + '\n\nPlan: recheck.';
    const value: [number, number] = [text.indexOf('Ca 10.8'), text.indexOf('Ca 10.8') + 'Ca 10.8 mg/dL'.length];
    const alone = createAssertionContext(text, findSections(text))(value[0], value[1]);
    const afterOthers = createAssertionContext(text, findSections(text));
    for (let at = text.indexOf('calcinosis'); at >= 0; at = text.indexOf('calcinosis', at + 1)) afterOthers(at, at + 'calcinosis'.length);
    assert.deepEqual(afterOthers(value[0], value[1]), alone);
  });

  it('gives a span after a mention that wraps over a sentence end the answer it has alone', () => {
    // "dystrophic\nCalcinosis" is one mention to the term matcher, while the capitalised line
    // after it starts a new sentence: "No" must not reach "elbow" because that mention was asked about first.
    const text = 'No dystrophic\nCalcinosis over the elbow is seen today';
    const elbow: [number, number] = [text.indexOf('elbow'), text.indexOf('elbow') + 'elbow'.length];
    const alone = createAssertionContext(text, findSections(text))(elbow[0], elbow[1]);
    const afterWrapped = createAssertionContext(text, findSections(text));
    afterWrapped(text.indexOf('dystrophic'), text.indexOf('Calcinosis') + 'Calcinosis'.length);
    assert.equal(alone.negated, false);
    assert.deepEqual(afterWrapped(elbow[0], elbow[1]), alone);
  });

  it('in text with no sentence end for over 1,000 characters, lets a trigger reach a mention within 250 characters only', () => {
    const filler = 'skin thickening and '.repeat(60); // 1,200 characters without a sentence end
    const near = filler + 'denies pain and calcinosis ' + filler;
    const far = filler + 'denies pain and ' + 'warmth and '.repeat(30) + 'calcinosis ' + filler;
    const ask = (text: string) => {
      const at = text.indexOf('calcinosis');
      return createAssertionContext(text, [])(at, at + 'calcinosis'.length);
    };
    assert.equal(ask(near).negated, true);
    assert.equal(ask(far).negated, false);
  });

  it('gives the same answers keeping one to eight parsed sentences as keeping them all, in any order of asking (200 notes)', () => {
    fc.assert(
      fc.property(noteArbitrary(40), fc.integer({ min: 1, max: 8 }), fc.integer(), (text, keep, seed) => {
        const a = analyzeText(text);
        const spans = [...a.terms.toArray(), ...a.labs].map((x) => [x.start, x.end] as const);
        // A shuffled order: sentences are dropped and parsed again, out of order.
        let r = seed | 0;
        for (let i = spans.length - 1; i > 0; i--) {
          r = (Math.imul(r, 1103515245) + 12345) | 0;
          const j = (r >>> 0) % (i + 1);
          [spans[i], spans[j]] = [spans[j]!, spans[i]!];
        }
        const sections = findSections(text);
        const few = createAssertionContext(text, sections, keep);
        const all = createAssertionContext(text, sections);
        for (const [s, e] of spans) assert.deepEqual(few(s, e), all(s, e), `span ${s}–${e} keeping ${keep}`);
      }),
      { numRuns: 200, seed: 0xcace, endOnFailure: true },
    );
  });
});
