import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { LineIndex } from '../../../server/src/analysis/lineIndex';
import { findUnfilledFields } from '../../../server/src/analysis/unfilledFields';
import { NEXT_UNFILLED_FIELD_COMMAND, unfilledFieldActions } from '../../../server/src/features/unfilledFieldActions';

// Specification of the quick fix on an unfilled field: a command that jumps to the
// next *** marker, wrapping from the last to the first.

const URI = 'file:///notes/visit.note';

function noteOf(text: string) {
  return { uri: URI, lines: new LineIndex(text), analysis: { findings: findUnfilledFields(text) } };
}

function diagnosticAt(line: number, character: number): Diagnostic {
  return {
    range: { start: { line, character }, end: { line, character: character + 3 } },
    severity: DiagnosticSeverity.Warning,
    code: 'unfilled-field',
    source: 'calcinosis-notes',
    message: 'unfilled',
  };
}

const TEXT = 'Radiographs of ***\nUltrasound of ***\nBiopsy of *** with von Kossa';

describe('unfilled field quick fix', () => {
  it('offers a command with the position of the next marker', () => {
    const note = noteOf(TEXT);
    const diagnostic = diagnosticAt(0, 15);
    const actions = unfilledFieldActions(note, diagnostic.range, [diagnostic]);
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics, [diagnostic]);
    assert.equal(action.command?.command, NEXT_UNFILLED_FIELD_COMMAND);
    assert.deepEqual(action.command?.arguments, [URI, { line: 1, character: 14 }]);
    assert.match(action.title, /next unfilled field/i);
  });

  it('wraps from the last marker to the first', () => {
    const note = noteOf(TEXT);
    const range = { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } };
    const [action] = unfilledFieldActions(note, range, []);
    assert.deepEqual(action.command?.arguments, [URI, { line: 0, character: 15 }]);
  });

  it('offers nothing when the cursor is not on a marker, or when the marker is the only one', () => {
    const range = { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } };
    assert.deepEqual(unfilledFieldActions(noteOf(TEXT), range, []), []);
    const single = noteOf('Biopsy of ***');
    const onIt = { start: { line: 0, character: 10 }, end: { line: 0, character: 13 } };
    assert.deepEqual(unfilledFieldActions(single, onIt, []), []);
  });
});
