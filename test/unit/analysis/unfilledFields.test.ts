import * as assert from 'node:assert/strict';
import { findUnfilledFields, findUnfilledMarkers } from '../../../server/src/analysis/unfilledFields';

// Specification of the `unfilled-field` finding: every *** marker a snippet left in
// the note is reported, Markdown's own uses of asterisks are not.

function markedTexts(text: string): string[] {
  return findUnfilledMarkers(text).map((m) => `${m.start}:${text.slice(m.start, m.end)}`);
}

describe('unfilled fields (***)', () => {
  it('reports each marker left in the note as a warning with the code unfilled-field', () => {
    const text = 'Plain radiographs of ***\nSkin biopsy of *** with von Kossa stain';
    const findings = findUnfilledFields(text);
    assert.deepEqual(
      findings.map((f) => [f.start, f.end, f.code, f.severity]),
      [
        [21, 24, 'unfilled-field', 'warning'],
        [40, 43, 'unfilled-field', 'warning'],
      ],
    );
    assert.match(findings[0].message, /\*\*\*/);
  });

  it('finds markers glued to units and punctuation', () => {
    assert.deepEqual(markedTexts('weight ***kg, BP ***/*** mmHg'), ['7:***', '17:***', '21:***']);
  });

  it('ignores a Markdown thematic break: a line of only ***', () => {
    assert.deepEqual(markedTexts('Plan\n***\n  ***  \r\nnext'), []);
    assert.deepEqual(markedTexts('***'), []);
  });

  it('ignores runs of four or more asterisks', () => {
    assert.deepEqual(markedTexts('****\nsee **** here ******'), []);
  });

  it('reports every marker of a line that holds thousands, and takes a marker between no-break spaces alone on its line for a break', () => {
    const many = '*** '.repeat(5000);
    assert.equal(findUnfilledMarkers(many).length, 5000);
    assert.deepEqual(markedTexts('Plan\n\u00a0***\u00a0\nnext'), []);
    assert.deepEqual(markedTexts('x\u00a0***'), ['2:***']);
  });

  it('ignores Markdown bold italic ***word***, but not two markers separated by space', () => {
    assert.deepEqual(markedTexts('This is ***very important*** to note'), []);
    assert.deepEqual(markedTexts('Dose *** mg and *** kg'), ['5:***', '16:***']);
  });

  it('still reports a marker on a line with other text after a thematic-break-like start', () => {
    assert.deepEqual(markedTexts('*** left elbow'), ['0:***']);
  });

  it('returns nothing for a note without markers', () => {
    assert.deepEqual(findUnfilledFields('Calcium 9.4 mg/dL, phosphate 3.1 mg/dL. **bold**'), []);
  });
});
