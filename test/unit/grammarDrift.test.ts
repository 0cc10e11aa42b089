// The TextMate grammar lists section headers, lab names and negation cues by hand (a
// grammar cannot import data). These tests tokenize each entry of the server's own data
// with the real TextMate engine, so the grammar cannot silently fall behind it.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ANALYTES } from '../../server/src/knowledge/analytes';
import { CONTEXT_TRIGGERS } from '../../server/src/knowledge/contextTriggers';
import { SECTION_HEADERS } from '../../server/src/knowledge/sectionHeaders';

const ROOT = join(__dirname, '..', '..');

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      textmate.parseRawGrammar(readFileSync(join(ROOT, 'syntaxes', 'clinical-note.tmLanguage.json'), 'utf8'), 'clinical-note.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('text.clinical-note');
  assert.ok(grammar, 'the grammar did not load');
  return grammar;
}

/** Scopes of the token covering `text[at]` on a one-line document. */
function scopesAt(grammar: textmate.IGrammar, line: string, at: number): string[] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return tokens.find((t) => t.startIndex <= at && at < t.endIndex)?.scopes ?? [];
}

describe('TextMate grammar stays in step with the server data', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('colours every section header phrase as a heading', () => {
    const missing: string[] = [];
    for (const header of SECTION_HEADERS) {
      for (const phrase of header.phrases) {
        const line = `${phrase[0].toUpperCase()}${phrase.slice(1)}:`;
        if (!scopesAt(grammar, line, 0).some((s) => s.startsWith('markup.heading'))) missing.push(line);
      }
    }
    assert.deepEqual(missing, [], `headers the grammar does not colour: ${missing.join(', ')}`);
  });

  it('colours every quantitative lab name before a value as a lab name', () => {
    const missing: string[] = [];
    for (const analyte of ANALYTES) {
      if (analyte.kind !== 'quantitative') continue;
      for (const name of [...analyte.names, ...(analyte.exactNames ?? [])]) {
        const line = `${name} 9.1`;
        if (!scopesAt(grammar, line, 0).some((s) => s.startsWith('variable.other.lab'))) missing.push(name);
      }
    }
    assert.deepEqual(missing, [], `lab names the grammar does not colour: ${missing.join(', ')}`);
  });

  it('colours every forward negation cue as a negation', () => {
    const missing: string[] = [];
    for (const trigger of CONTEXT_TRIGGERS) {
      if (trigger.kind !== 'negated' || trigger.direction === 'backward') continue;
      const line = `${trigger.phrase} calcinosis`;
      if (!scopesAt(grammar, line, 0).some((s) => s.includes('negation'))) missing.push(trigger.phrase);
    }
    assert.deepEqual(missing, [], `negation cues the grammar does not colour: ${missing.join(', ')}`);
  });
});
