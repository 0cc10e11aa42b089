// Code actions and inlay hints, applied to the text the way an editor applies them.

import { strict as assert } from 'node:assert';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../../server/src/features/codeActions';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { analyzeNote } from '../../../server/src/noteStore';
import { normalize } from '../../../server/src/settings';

const URI = 'file:///note.note';

function note(text: string, raw: unknown = {}) {
  return analyzeNote(URI, 1, text, normalize(raw).settings);
}

function at(text: string, needle: string): Range {
  const doc = TextDocument.create(URI, 'clinical-note', 1, text);
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in text`);
  const p = doc.positionAt(offset + 1);
  return { start: p, end: p };
}

function apply(text: string, action: CodeAction | undefined): string {
  assert.ok(action, 'no such action');
  const edits = action.edit?.changes?.[URI] as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(URI, 'clinical-note', 1, text), edits);
}

const find = (actions: CodeAction[], title: RegExp) => actions.find((a) => title.test(a.title));

describe('code actions on lab values', () => {
  it('inserts the computed Ca×P product after the phosphate value', () => {
    const text = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL today.';
    const actions = codeActions(note(text), at(text, '7.1'), []);
    assert.equal(
      apply(text, find(actions, /calcium × phosphate product/)),
      'Ca 10.8 mg/dL, Phos 7.1 mg/dL (Ca × P = 10.8 mg/dL × 7.1 mg/dL = 76.7 mg²/dL²) today.',
    );
  });

  it('offers, over a selection of the whole note, one product action for each pair, placed after its phosphate', () => {
    const text = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL\n\n'.repeat(300);
    const n = note(text);
    const whole: Range = { start: { line: 0, character: 0 }, end: n.lines.positionAt(text.length) };
    const inserts = codeActions(n, whole, []).filter((a) => /calcium × phosphate product/.test(a.title));
    assert.equal(inserts.length, n.analysis.products.length);
    assert.equal(inserts.length, 300);
    for (const [k, action] of inserts.entries()) {
      const [edit] = action.edit!.changes![URI] as TextEdit[];
      assert.deepEqual(edit.range.start, { line: 2 * k, character: 'Ca 10.8 mg/dL, Phos 7.1 mg/dL'.length });
    }
  });

  it('converts a value to the other unit system, unit included', () => {
    const text = 'Ca 2.7 mmol/L, Phos 1.1 mmol/L';
    const actions = codeActions(note(text), at(text, '2.7'), []);
    assert.equal(apply(text, find(actions, /^Convert to/)), 'Ca 10.8 mg/dL, Phos 1.1 mmol/L');
  });

  it('writes in a unit that was only assumed', () => {
    const text = 'Ca 10.8, Phos 3.1 mg/dL';
    const n = note(text);
    assert.equal(n.analysis.labs[0].unitAssumed, true);
    assert.equal(apply(text, find(codeActions(n, at(text, '10.8'), []), /Add the unit/)), 'Ca 10.8 mg/dL, Phos 3.1 mg/dL');
  });

  it('inserts the albumin-corrected calcium when albumin of the same draw is known', () => {
    const text = 'Ca 9.0 mg/dL, albumin 2.5 g/dL';
    // 9.0 + 0.8 × (4.0 − 2.5) = 10.2
    assert.equal(
      apply(text, find(codeActions(note(text), at(text, '9.0'), []), /albumin-corrected/)),
      'Ca 9.0 mg/dL (corrected Ca 10.2 mg/dL (albumin 2.5 g/dL)), albumin 2.5 g/dL',
    );
  });

  it('offers nothing for text that is not a lab value', () => {
    const text = 'Dystrophic calcinosis cutis.';
    assert.deepEqual(codeActions(note(text), at(text, 'calcinosis'), []), []);
  });
});

describe('inlay hints', () => {
  const all: Range = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

  it('shows the product after the phosphate it belongs to', () => {
    const text = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL';
    const hints = inlayHints(note(text), all);
    const product = hints.find((h) => String(h.label).startsWith('Ca×P'));
    assert.equal(product?.label, 'Ca×P 76.7 mg²/dL² ⚠');
    assert.deepEqual(product?.position, { line: 0, character: text.length });
  });

  it('converts values written in the unit system the reader does not use', () => {
    const text = 'Ca 2.7 mmol/L, Phos 1.1 mmol/L';
    assert.ok(inlayHints(note(text), all).some((h) => h.label === '≈ 10.8 mg/dL'));
    assert.ok(!inlayHints(note(text, { preferredUnits: 'si' }), all).some((h) => String(h.label).startsWith('≈')));
    const conventional = 'Ca 10.8 mg/dL';
    assert.ok(inlayHints(note(conventional, { preferredUnits: 'si' }), all).some((h) => h.label === '≈ 2.69 mmol/L'));
  });
});

describe('lab hover detail setting', () => {
  it('keeps the brief hover to the value, range and product, without codes or the pairing details', async () => {
    const { hoverAt } = await import('../../../server/src/features/hover');
    const text = 'Ca 10.8 mg/dL, Phos 7.1 mg/dL';
    const hoverText = (raw: unknown) => {
      const n = note(text, raw);
      const h = hoverAt(n.analysis, n.lines, text.indexOf('10.8'), n.settings, n.options);
      return (h!.contents as { value: string }).value;
    };
    const full = hoverText({});
    const brief = hoverText({ hover: { detail: 'brief' } });
    assert.match(full, /LOINC/);
    assert.doesNotMatch(brief, /LOINC/);
    assert.match(brief, /10\.8 mg\/dL/);
    assert.ok(brief.length < full.length);
  });
});
