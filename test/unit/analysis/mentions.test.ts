import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { TermMentions } from '../../../server/src/analysis/mentions';
import { PLAIN_ASSERTION, type TermMention } from '../../../server/src/analysis/types';

/** A mention made by hand: `n` words of five characters apart, on line `n`. */
function mention(n: number, concept = `concept-${n}`): TermMention {
  return { text: `word${n}`, start: n * 10, end: n * 10 + 5, line: n, character: 0, concept, category: 'disease', assertion: PLAIN_ASSERTION };
}

/** Moves a mention's line by the edit's lines, as the incremental analysis's placer would. */
const shiftLines = (by: number) => (item: { line: number; character: number }) => {
  item.line += by;
};

describe('TermMentions (term mentions held in columns)', () => {
  it('gives back the mentions it was made from, one at a time or all together', () => {
    const list = [mention(0), mention(1, 'custom:abc'), mention(2)];
    const mentions = TermMentions.from(list);
    assert.equal(mentions.length, 3);
    assert.deepEqual(mentions.at(0), list[0]);
    assert.equal(mentions.at(1).custom, true, 'a custom concept is marked, as the analysis marks it');
    assert.deepEqual(mentions.toArray().map((m) => m.concept), ['concept-0', 'custom:abc', 'concept-2']);
  });

  it('finds the mention containing an offset, and the first starting at or after one', () => {
    const mentions = TermMentions.from([mention(0), mention(1), mention(2)]);
    assert.equal(mentions.indexContaining(12), 1);
    assert.equal(mentions.indexContaining(15), -1, 'the end is outside the mention');
    assert.equal(mentions.firstAtOrAfter(11), 2);
    assert.equal(mentions.firstAtOrAfter(99), 3);
  });

  it('replaces a region by as many mentions and moves those after it', () => {
    const mentions = TermMentions.from([mention(0), mention(1), mention(2), mention(3)]);
    const fresh = TermMentions.from([{ ...mention(1, 'new'), end: 16 }]);
    mentions.replace(1, 2, fresh, 1, shiftLines(0));
    assert.deepEqual(mentions.toArray().map((m) => [m.concept, m.start, m.end]), [
      ['concept-0', 0, 5],
      ['new', 10, 16],
      ['concept-2', 21, 26],
      ['concept-3', 31, 36],
    ]);
  });

  it('replaces a region by more or fewer mentions, and places the moved ones again', () => {
    const mentions = TermMentions.from([mention(0), mention(1), mention(2), mention(3)]);
    mentions.replace(1, 3, TermMentions.from([]), -20, shiftLines(-2));
    assert.deepEqual(mentions.toArray().map((m) => [m.concept, m.start, m.line]), [
      ['concept-0', 0, 0],
      ['concept-3', 10, 1],
    ]);
    mentions.replace(1, 1, TermMentions.from([mention(1, 'a'), mention(1, 'b')]), 0, shiftLines(0));
    assert.deepEqual(mentions.toArray().map((m) => m.concept), ['concept-0', 'a', 'b', 'concept-3']);
  });

  it('makes copies that an edit of the original does not reach', () => {
    const original = TermMentions.from([mention(0), mention(1)]);
    const copy = original.copy();
    original.replace(0, 1, TermMentions.from([mention(0, 'changed')]), 3, shiftLines(1));
    assert.deepEqual(copy.toArray(), [mention(0), mention(1)]);
  });

  it('holds exactly what a list of mention objects would, for any note (200 notes)', () => {
    const piece = fc.constantFrom('calcinosis cutis', 'No calciphylaxis.', ' ', '\n', 'Mother had dermatomyositis.', 'SSc', 'x', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const mentions = analyzeText(text).terms;
        const list = mentions.toArray();
        assert.deepStrictEqual(TermMentions.from(list), mentions);
        for (const m of list) assert.equal(text.slice(m.start, m.end), m.text);
      }),
      { numRuns: 200 },
    );
  });
});
