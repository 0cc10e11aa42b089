import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../server/src/analysis/lineIndex';
import { TermMentions } from '../../../server/src/analysis/mentions';
import { PLAIN_ASSERTION, type Analysis } from '../../../server/src/analysis/types';
import { SEMANTIC_LEGEND, semanticTokens } from '../../../server/src/features/semanticTokens';

function analysisWith(text: string, spans: { phrase: string; category: string; negated?: boolean }[]): Analysis {
  return {
    terms: TermMentions.from(
      spans.map(({ phrase, category, negated }) => {
        const start = text.indexOf(phrase);
        return { text: phrase, start, end: start + phrase.length, line: 0, character: 0, concept: 'x', category, assertion: { ...PLAIN_ASSERTION, negated: !!negated } };
      }),
    ),
    labs: [],
    products: [],
    findings: [],
    sections: [],
  };
}

/** Decodes the LSP relative encoding back into absolute [line, char, length, type, modifiers]. */
function decode(data: number[]) {
  const out: [number, number, number, string, string[]][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = SEMANTIC_LEGEND.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push([line, char, data[i + 2], SEMANTIC_LEGEND.tokenTypes[data[i + 3]], mods]);
  }
  return out;
}

describe('semantic tokens', () => {
  it('colours terms by category and marks negated mentions', () => {
    const text = 'Calciphylaxis; no dermatomyositis.';
    const a = analysisWith(text, [
      { phrase: 'Calciphylaxis', category: 'calcinosis-type' },
      { phrase: 'dermatomyositis', category: 'associated-disease', negated: true },
    ]);
    assert.deepEqual(decode(semanticTokens(a, new LineIndex(text), text).data), [
      [0, 0, 13, 'type', []],
      [0, 18, 15, 'class', ['negated']],
    ]);
  });

  it('splits a phrase wrapped over a line break into one token per line', () => {
    const text = 'calcinosis\n  cutis here';
    const a = analysisWith(text, [{ phrase: 'calcinosis\n  cutis', category: 'calcinosis-type' }]);
    assert.deepEqual(decode(semanticTokens(a, new LineIndex(text), text).data), [
      [0, 0, 10, 'type', []],
      [1, 2, 5, 'type', []],
    ]);
  });
});
