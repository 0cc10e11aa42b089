import * as assert from 'node:assert/strict';
import { SnippetSyntaxError, expandSnippet, parseSnippet } from './helpers/snippetSyntax';

// Specification of the test helper that checks snippet bodies: it must accept the
// VS Code snippet grammar and reject what would insert something unintended.

describe('snippet syntax checker (test helper)', () => {
  it('parses tab stops, placeholders, nested placeholders, choices and variables', () => {
    assert.deepEqual(parseSnippet('a $1 ${2} ${3:x ${4:y}} ${5|p,q|} $TM_FILENAME ${CURRENT_YEAR:2024} $0'), [
      { type: 'text', value: 'a ' },
      { type: 'tabstop', index: 1 },
      { type: 'text', value: ' ' },
      { type: 'tabstop', index: 2 },
      { type: 'text', value: ' ' },
      { type: 'placeholder', index: 3, children: [{ type: 'text', value: 'x ' }, { type: 'placeholder', index: 4, children: [{ type: 'text', value: 'y' }] }] },
      { type: 'text', value: ' ' },
      { type: 'choice', index: 5, options: ['p', 'q'] },
      { type: 'text', value: ' ' },
      { type: 'variable', name: 'TM_FILENAME' },
      { type: 'text', value: ' ' },
      { type: 'variable', name: 'CURRENT_YEAR', children: [{ type: 'text', value: '2024' }] },
      { type: 'text', value: ' ' },
      { type: 'tabstop', index: 0 },
    ]);
  });

  it('reads escapes in text and in choice options', () => {
    assert.deepEqual(parseSnippet('\\$5 \\} \\\\'), [{ type: 'text', value: '$5 } \\' }]);
    assert.deepEqual(parseSnippet('${1|a\\,b,c\\|d|}'), [{ type: 'choice', index: 1, options: ['a,b', 'c|d'] }]);
  });

  it('parses transforms and checks their regex', () => {
    assert.deepEqual(parseSnippet('${1/(.*)/${1:/upcase}/g}').length, 1);
    assert.throws(() => parseSnippet('${1/(/x/}'), SnippetSyntaxError);
  });

  for (const [label, body] of [
    ['an unbalanced closing brace', 'dose } mg'],
    ['an unterminated placeholder', 'site ${1:***'],
    ['an unterminated nested placeholder', '${1:a ${2:b}'],
    ['a bare dollar', 'costs $ 5'],
    ['a dollar brace without a number or name', '${:x}'],
    ['an unterminated choice', '${1|a,b}'],
    ['an empty choice option (unescaped comma)', '${1|, localized,, diffuse|}'],
    ['a choice closed without a brace', '${1|a,b|'],
    ['a choice redefined with other options', '${1|a,b|} and ${1|a,c|}'],
    ['a tab stop that is both a choice and a placeholder', '${1|a,b|} and ${1:a}'],
    ['a placeholder redefined with another default', '${1:left} then ${1:right}'],
  ] as const) {
    it(`rejects ${label}`, () => {
      assert.throws(() => parseSnippet(body), SnippetSyntaxError);
    });
  }

  it('accepts the same choice or placeholder repeated identically (a mirror)', () => {
    assert.doesNotThrow(() => parseSnippet('${1|a,b|} … ${1|a,b|} ${2:x} $2'));
  });

  it('expands with the first choice, placeholder defaults, mirrors and variables', () => {
    assert.equal(
      expandSnippet('${1|dystrophic,metastatic|} at ${2:***}; again $2 on ${CURRENT_YEAR}-${CURRENT_MONTH}$0', {
        variables: { CURRENT_YEAR: '2024', CURRENT_MONTH: '05' },
      }),
      'dystrophic at ***; again *** on 2024-05',
    );
    assert.equal(expandSnippet('${UNKNOWN_VAR} ${OTHER:fallback}'), 'UNKNOWN_VAR fallback');
    assert.equal(expandSnippet('${1|a,b,c|} and $1', { choose: { 1: 2 } }), 'c and c');
    assert.throws(() => expandSnippet('${1|a,b|}', { choose: { 1: 2 } }), RangeError);
  });
});
