// Semantic tokens so themes colour recognised terms and lab values. Standard token
// types are used (every theme colours them); assertions travel as modifiers, which
// package.json maps to TextMate scopes.

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { LineIndex } from '../analysis/lineIndex';
import type { Analysis, Assertion } from '../analysis/types';

export const TOKEN_TYPES = ['type', 'class', 'function', 'variable', 'enumMember', 'property', 'macro', 'number'] as const;
export const TOKEN_MODIFIERS = ['negated', 'possible', 'historical', 'hypothetical', 'family'] as const;

export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

const TYPE_OF_CATEGORY: Record<string, (typeof TOKEN_TYPES)[number]> = {
  'calcinosis-type': 'type',
  'calcinosis-subtype': 'type',
  'associated-disease': 'class',
  cause: 'class',
  complication: 'class',
  treatment: 'function',
  procedure: 'function',
  'lab-test': 'variable',
  histology: 'enumMember',
  imaging: 'enumMember',
  anatomy: 'property',
  'custom-term': 'macro',
};

function modifierBits(a: Assertion): number {
  let bits = 0;
  if (a.negated) bits |= 1;
  if (a.possible) bits |= 2;
  if (a.temporality === 'historical') bits |= 4;
  if (a.temporality === 'hypothetical') bits |= 8;
  if (a.experiencer === 'other') bits |= 16;
  return bits;
}

interface Token {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

export function semanticTokens(analysis: Analysis, lines: LineIndex, text: string): SemanticTokens {
  const tokens: Token[] = [];
  const terms = analysis.terms;
  for (let i = 0; i < terms.length; i++) {
    const type = TYPE_OF_CATEGORY[terms.categories[i]!] ?? 'macro';
    tokens.push({ start: terms.starts[i]!, end: terms.ends[i]!, type: TOKEN_TYPES.indexOf(type), modifiers: modifierBits(terms.assertions[i]!) });
  }
  for (const lab of analysis.labs) {
    tokens.push({ start: lab.valueStart, end: lab.valueEnd, type: TOKEN_TYPES.indexOf('number'), modifiers: modifierBits(lab.assertion) });
  }
  tokens.sort((a, b) => a.start - b.start);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  const push = (start: number, end: number, token: Token) => {
    if (end <= start) return;
    const pos = lines.positionAt(start);
    const deltaLine = pos.line - prevLine;
    data.push(deltaLine, deltaLine === 0 ? pos.character - prevChar : pos.character, end - start, token.type, token.modifiers);
    prevLine = pos.line;
    prevChar = pos.character;
  };
  for (const token of tokens) {
    if (token.start < lastEnd) continue; // the protocol does not allow overlapping tokens
    lastEnd = token.end;
    // A token may not span lines: a phrase wrapped over a line break is coloured per line.
    const first = lines.positionAt(token.start).line;
    const last = lines.positionAt(token.end).line;
    for (let line = first; line <= last; line++) {
      let start = line === first ? token.start : lines.lineStart(line);
      while (line !== first && start < token.end && (text[start] === ' ' || text[start] === '\t')) start++;
      let end = line === last ? token.end : lines.lineStart(line + 1);
      while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      push(start, end, token);
    }
  }
  return { data };
}
