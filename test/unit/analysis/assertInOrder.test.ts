import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { createAssertionContext } from '../../../server/src/analysis/context';
import { findSections } from '../../../server/src/analysis/sections';
import { noteArbitrary } from '../../robustness/noteArbitraries';

/**
 * Every assertion of the analysis (worked out in one pass in the order of the text, keeping a
 * few sentences) against the same spans asked about one by one, last first, of a context that
 * keeps every sentence: the answer for a span must not depend on what was asked before it.
 */
function assertionsMatchAskingAlone(text: string): void {
  const analysis = analyzeText(text);
  const alone = createAssertionContext(text, findSections(text));
  const spans = [
    ...analysis.terms.toArray().map((m) => ({ what: `term "${m.text}"`, start: m.start, end: m.end, got: m.assertion })),
    ...analysis.labs.map((l) => ({ what: `lab "${l.text}"`, start: l.start, end: l.end, got: l.assertion })),
  ];
  for (const s of spans.reverse()) assert.deepEqual(s.got, alone(s.start, s.end), `${s.what} at ${s.start}`);
}

describe('assertInOrder (every assertion of a note in one pass, in the order of the text)', () => {
  it('gives the example and fixture notes the assertions each span gets when asked alone', () => {
    const dirs = [join(__dirname, '../../../examples'), join(__dirname, '../../fixtures/notes')];
    let notes = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.note') || n.endsWith('.md') || n.endsWith('.txt'))) {
        assertionsMatchAskingAlone(readFileSync(join(dir, f), 'utf8'));
        notes++;
      }
    }
    assert.ok(notes >= 2, `read ${notes} notes`);
  });

  it('gives a long note with negations, lists and lab lines the same assertions (more sentences than it keeps)', () => {
    const day = 'HOSPITAL DAY 3:\nNo calcinosis cutis on the forearms. Possible calciphylaxis, Ca 10.8 mg/dL, Phos 7.1 mg/dL.\nROS: Denies:\n- fever\n- Raynaud phenomenon\nFamily history: mother with dermatomyositis.\n\n';
    const text = day.repeat(120);
    const analysis = analyzeText(text);
    assert.ok(analysis.terms.length > 500 && analysis.labs.length >= 240);
    assert.ok(analysis.terms.toArray().some((m) => m.assertion.negated), 'some mentions are negated');
    assertionsMatchAskingAlone(text);
  });

  it('does so for 300 generated notes', () => {
    fc.assert(
      fc.property(noteArbitrary(40), (text) => {
        assertionsMatchAskingAlone(text);
      }),
      { numRuns: 300, seed: 0xa55e, endOnFailure: true },
    );
  });
});
