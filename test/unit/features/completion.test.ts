import * as assert from 'node:assert/strict';
import { InsertTextFormat, CompletionItemKind, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { MAX_ITEMS, completionItems, completionList, previewOrderSet, resolveCompletion } from '../../../server/src/features/completion';
import { ORDER_SETS } from '../../../server/src/knowledge/orderSets';

// Specification of completion: terms and labs by prefix with their definitions, units
// after a lab name or value, order sets as snippets, dot phrases, and capped lists.

/** Completion at the end of `text` (or at the "|" marker). */
function complete(textWithCursor: string) {
  const at = textWithCursor.indexOf('|');
  const text = at >= 0 ? textWithCursor.slice(0, at) + textWithCursor.slice(at + 1) : textWithCursor;
  const offset = at >= 0 ? at : text.length;
  return completionList(text, offset, analyzeText(text));
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function edit(item: CompletionItem): TextEdit {
  assert.ok(item.textEdit && 'range' in item.textEdit, 'item has a replacing text edit');
  return item.textEdit;
}

describe('completion: terms and labs', () => {
  it('completes a lab name from its prefix, replacing the typed word', () => {
    const { items } = complete('Labs: aldo');
    const item = items.find((i) => i.label === 'aldolase');
    assert.ok(item, labels(items).join(', '));
    assert.deepEqual(edit(item).range, { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } });
    assert.equal(item.kind, CompletionItemKind.Field);
    assert.equal(edit(item).newText, 'aldolase');
  });

  it('completes a term and keeps a capital typed at the start of a sentence', () => {
    assert.ok(labels(complete('Calciph').items).includes('Calciphylaxis'));
    assert.ok(labels(complete('suspect calciph').items).includes('calciphylaxis'));
  });

  it('completes abbreviations in their own case and joined words like anti-dsDNA and 25-OH', () => {
    assert.ok(labels(complete('Check PT').items).includes('PTH'));
    assert.ok(complete('anti-ds').items.some((i) => /^anti-ds/i.test(i.label) && /dsdna/i.test(i.label.replace(/[- ]/g, ''))));
    const vitaminD = complete('25-OH').items.find((i) => i.label.startsWith('25-OH vitamin'));
    assert.ok(vitaminD, labels(complete('25-OH').items).join(', '));
    assert.deepEqual(edit(vitaminD).range.start, { line: 0, character: 0 });
  });

  it('completes a two-word phrase from both words typed', () => {
    const { items } = complete('Check total pro');
    const item = items.find((i) => i.label === 'total protein');
    assert.ok(item, labels(items).join(', '));
    assert.deepEqual(edit(item).range, { start: { line: 0, character: 6 }, end: { line: 0, character: 15 } });
  });

  it('lists each concept once, whichever of its forms match', () => {
    const { items } = complete('calc');
    const ids = items.map((i) => (i.data as { id: string }).id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('puts the definition in the documentation on resolve (markdown), with units for a lab', () => {
    const item = complete('Labs: aldo').items.find((i) => i.label === 'aldolase')!;
    assert.equal(item.documentation, undefined, 'documentation is computed on resolve, not for every item');
    const doc = resolveCompletion(item).documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /\*\*Aldolase\*\*/i);
    assert.match(doc.value, /muscle/i);
    assert.match(doc.value, /\*\*Units:\*\* U\/L/);
  });

  it('caps a long list at MAX_ITEMS and marks it incomplete so the editor asks again', () => {
    const list = complete('c');
    assert.equal(list.items.length, MAX_ITEMS);
    assert.equal(list.isIncomplete, true);
    const narrower = complete('calc');
    assert.equal(narrower.isIncomplete, false);
    assert.ok(narrower.items.length > 0 && narrower.items.length < MAX_ITEMS);
  });

  it('offers nothing after a space or a number when no lab name precedes', () => {
    assert.deepEqual(complete('The patient ').items, []);
    assert.deepEqual(complete('Seen on 12').items, []);
  });

  it('completionItems returns the items of completionList', () => {
    const text = 'Check aldo';
    assert.deepEqual(completionItems(text, text.length, analyzeText(text)), completionList(text, text.length, analyzeText(text)).items);
  });
});

describe('completion: units after a lab', () => {
  it('offers the usual units right after a lab name, as a snippet with the value first', () => {
    const { items } = complete('Ca ');
    assert.deepEqual(labels(items), ['mg/dL', 'mmol/L']);
    assert.equal(items[0].kind, CompletionItemKind.Unit);
    assert.equal(items[0].insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(edit(items[0]).newText, '${1:value} mg/dL$0');
  });

  it('reads only the end of a long line: units after a value still come, a long run of dashes gives nothing', () => {
    assert.equal(complete('x '.repeat(5000) + 'Calcium 10.8 m').items[0]?.label, 'mg/dL');
    assert.deepEqual(complete('-'.repeat(100000)).items, []);
  });

  it('offers units after a lab name and its value, filtered by what is typed of the unit', () => {
    const { items } = complete('phosphate 5.1 mm');
    assert.deepEqual(labels(items), ['mmol/L']);
    assert.equal(edit(items[0]).newText, 'mmol/L');
    assert.deepEqual(edit(items[0]).range, { start: { line: 0, character: 14 }, end: { line: 0, character: 16 } });
    assert.deepEqual(labels(complete('PTH: 88 ').items), ['pg/mL', 'pmol/L']);
  });

  it('offers units after a value the analysis read without a unit, however the lab was phrased', () => {
    assert.deepEqual(labels(complete('Calcium was 9.4 ').items), ['mg/dL', 'mmol/L']);
    assert.deepEqual(labels(complete('calcium 9.4 on Monday, creatinine 1.2 ').items), ['mg/dL', 'µmol/L']);
  });

  it('does not read a case-sensitive lab abbreviation in another case', () => {
    assert.deepEqual(complete('CA ').items, []);
  });
});

describe('completion: order sets', () => {
  it('offers every order set as a snippet completion with its description', () => {
    const { items } = complete('cc-');
    assert.equal(items.length, ORDER_SETS.length);
    for (const set of ORDER_SETS) {
      const item = items.find((i) => i.label === set.prefix);
      assert.ok(item, set.prefix);
      assert.equal(item.kind, CompletionItemKind.Snippet);
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal(edit(item).newText, set.body.join('\n'));
      assert.equal(item.detail, set.label);
      const doc = resolveCompletion(item).documentation as MarkupContent;
      assert.ok(doc.value.includes(set.description));
      assert.ok(doc.value.includes(previewOrderSet(set)));
    }
  });

  it('narrows by prefix: cc-tx-d gives diltiazem only, and the whole typed prefix is replaced', () => {
    const { items } = complete('Plan:\n- cc-tx-d');
    assert.deepEqual(labels(items), ['cc-tx-diltiazem']);
    assert.deepEqual(edit(items[0]).range, { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } });
  });

  it('previews a body with defaults, choices as lists and no tab-stop syntax', () => {
    const preview = previewOrderSet(ORDER_SETS.find((s) => s.prefix === 'cc-tx-minocycline')!);
    assert.equal(preview, 'Minocycline [50 | 100] mg PO daily for calcinosis cutis. Duration: ***.');
  });

  it('supports dot phrases at the start of a line or after a space, not after a sentence', () => {
    const { items } = complete('Plan:\n.work');
    assert.deepEqual(labels(items), ORDER_SETS.filter((s) => s.prefix.startsWith('cc-work')).map((s) => '.' + s.prefix.slice(3)));
    assert.deepEqual(edit(items[0]).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
    assert.equal(items[0].insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(complete('Pain improved.').items, []);
  });
});

describe('completion: positions', () => {
  it('puts the replace range on the right line of a long note, with \n, \r\n and lone \r line breaks', () => {
    const text = 'Calcium 9.1 mg/dL\n'.repeat(500) + 'a\r\nb\rCheck aldo';
    const [item] = completionList(text, text.length, analyzeText('')).items.filter((i) => i.label === 'aldolase');
    assert.deepEqual(edit(item).range, { start: { line: 502, character: 6 }, end: { line: 502, character: 10 } });
  });

  it('uses the position the server passes when it has one', () => {
    const text = 'x\nCheck aldo';
    const [item] = completionList(text, text.length, analyzeText(text), { line: 1, character: 10 }).items;
    assert.deepEqual(edit(item).range.start, { line: 1, character: 6 });
  });
});
