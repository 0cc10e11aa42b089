import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex, lineStartsAfterNewlines } from '../../../server/src/analysis/lineIndex';

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and lone \\r as line breaks, as LSP does', () => {
    const text = 'a\nb\r\nc\rd';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 2, character: 0 });
  });

  it('round-trips offsets and clamps positions past a line end', () => {
    const text = 'Ca 10.8\nPhos 7.1';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) assert.equal(index.offsetAt(index.positionAt(offset)), offset);
    assert.equal(index.offsetAt({ line: 0, character: 999 }), 7, 'past the line end means before its line break');
    assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
  });

  it('places an offset inside a \\r\\n at the end of its line', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  });

  it('shares its line starts as the lab scan counts lines (at \\n) only when the text has no \\r', () => {
    const text = 'Labs 3/14/2026:\nCa 10.8 mg/dL\n\nPhos 7.1';
    assert.deepEqual(new LineIndex(text).newlineStarts(), lineStartsAfterNewlines(text));
    const edited = LineIndex.afterEdit(new LineIndex(text), text, text.replace('10.8', '9.8'), text.indexOf('10.8'), 4, '9.8');
    assert.deepEqual(edited.newlineStarts(), lineStartsAfterNewlines(text.replace('10.8', '9.8')));
    assert.equal(new LineIndex('Ca 10.8\r\nPhos 7.1').newlineStarts(), null);
    assert.equal(new LineIndex('Ca 10.8\rPhos 7.1').newlineStarts(), null);
  });

  it('counts characters in UTF-16 code units (an emoji is two)', () => {
    const index = new LineIndex('😀 Ca');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 3 });
  });

  it('after any edit, the index made from the old one places every offset as a fresh index does (2,000 edits)', () => {
    const piece = fc.constantFrom('Ca 10.8', ' ', 'x', '\n', '\r\n', '\r', '\n\n', '😀', 'é');
    const text = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));
    const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 4 }), inserted: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });
    let moved = 0;
    fc.assert(
      fc.property(text, edit, (before, e) => {
        const offset = e.at % (before.length + 1);
        const removed = Math.min(e.removed, before.length - offset);
        const after = before.slice(0, offset) + e.inserted + before.slice(offset + removed);
        const prev = new LineIndex(before);
        prev.lineOf(before.length); // a hint left anywhere must not matter
        const index = LineIndex.afterEdit(prev, before, after, offset, removed, e.inserted);
        const fresh = new LineIndex(after);
        assert.equal(index.lineCount, fresh.lineCount);
        for (let o = 0; o <= after.length; o++) assert.deepEqual(index.positionAt(o), fresh.positionAt(o), `offset ${o} of ${JSON.stringify(after)}`);
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(index.lineStart(line), fresh.lineStart(line));
        if (!/[\r\n]/.test(e.inserted + before.slice(offset, offset + removed))) moved++;
      }),
      { numRuns: 2000, seed: 0x11e5 },
    );
    // Most edits took the path that moves lines rather than scanning the text again.
    assert.ok(moved > 500, `only ${moved} edits moved lines`);
  });
});
