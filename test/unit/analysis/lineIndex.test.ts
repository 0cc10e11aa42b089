import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../server/src/analysis/lineIndex';

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

  it('counts characters in UTF-16 code units (an emoji is two)', () => {
    const index = new LineIndex('😀 Ca');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 3 });
  });
});
