import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNote, NoteStore } from '../../server/src/noteStore';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const paragraph = (i: number) =>
  `Labs 03/${(i % 28) + 1}/2026:\nCa 10.${i % 10} mg/dL, Phos 7.1 mg/dL\n\nHPI:\nShe denies calcinosis cutis; systemic sclerosis ${i}.\n\n`;

describe('NoteStore document updates', () => {
  it('updates a long note edit by edit and always holds what a fresh analysis of that version gives', () => {
    let text = Array.from({ length: 300 }, (_, i) => paragraph(i)).join('');
    const doc = TextDocument.create('file:///notes/long.note', 'clinical-note', 1, text);
    const store = new NoteStore();
    const settings = DEFAULT_SETTINGS;
    store.get(doc, settings);
    const edits = [
      { at: 'denies', insert: 'no ' },
      { at: 'Phos 7.1', insert: 'albumin 3.0 g/dL, ' },
      { at: 'HPI:', insert: 'Family history:\nmother with lupus.\n\n' },
      { at: 'calcinosis cutis;', insert: '***' },
    ];
    let version = 1;
    for (const e of edits) {
      const offset = text.indexOf(e.at, text.length >> 1);
      const position = doc.positionAt(offset);
      TextDocument.update(doc, [{ range: { start: position, end: position }, text: e.insert }], ++version);
      text = text.slice(0, offset) + e.insert + text.slice(offset);
      const note = store.get(doc, settings);
      assert.equal(note.version, version);
      assert.equal(note.text, text);
      const fresh = analyzeNote(doc.uri, version, text, settings);
      assert.deepStrictEqual(note.analysis, fresh.analysis);
      assert.deepStrictEqual(note.lines.positionAt(text.length), fresh.lines.positionAt(text.length));
    }
  });

  it('re-analyses from scratch when the settings change', () => {
    const doc = TextDocument.create('file:///notes/a.note', 'clinical-note', 1, paragraph(1).repeat(200));
    const store = new NoteStore();
    const first = store.get(doc, DEFAULT_SETTINGS);
    const custom = { ...DEFAULT_SETTINGS, customTerms: [{ term: 'systemic sclerosis' }] };
    const second = store.get(doc, custom);
    assert.notEqual(first, second);
    assert.ok(second.analysis.terms.toArray().some((t) => t.custom));
  });
});

describe('NoteStore with a huge note', () => {
  const huge = () => Array.from({ length: Math.ceil(1_100_000 / 90) }, (_, i) => paragraph(i)).join('');

  it('analyses it in chunks: other work runs meanwhile, and the result is the full analysis', async function () {
    this.timeout(0);
    const text = huge();
    const doc = TextDocument.create('file:///notes/huge.note', 'clinical-note', 1, text);
    const store = new NoteStore();
    let ranMeanwhile = 0;
    const ticker = setInterval(() => ranMeanwhile++, 0);
    const note = await store.getAsync(doc, DEFAULT_SETTINGS);
    clearInterval(ticker);
    assert.ok(ranMeanwhile > 0, 'no timer ran while the note was analysed');
    assert.deepStrictEqual(note.analysis, analyzeNote(doc.uri, 1, text, DEFAULT_SETTINGS).analysis);
    assert.equal(store.peek(doc.uri), note);
  });

  it('drops the work for a version that is no longer current and answers with the newest', async function () {
    this.timeout(0);
    const text = huge();
    const doc = TextDocument.create('file:///notes/huge.note', 'clinical-note', 1, text);
    const store = new NoteStore();
    const pending = store.getAsync(doc, DEFAULT_SETTINGS);
    const insert = 'Tumoral calcinosis.\n\n';
    TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }], 2);
    const note = await pending;
    assert.equal(note.version, 2);
    assert.equal(note.text, insert + text);
    assert.equal(note.analysis.terms.at(0).concept, analyzeNote(doc.uri, 2, insert + text, DEFAULT_SETTINGS).analysis.terms.at(0).concept);
  });
});
