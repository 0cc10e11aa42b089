// Document symbols: the note's sections, for the outline and breadcrumbs.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { LineIndex } from '../analysis/lineIndex';
import type { Analysis } from '../analysis/types';

export function documentSymbols(analysis: Analysis, lines: LineIndex): DocumentSymbol[] {
  return analysis.sections.map((section) => {
    const range = { start: lines.positionAt(section.start), end: lines.positionAt(section.end) };
    const selectionEnd = lines.positionAt(section.start + section.title.length);
    return {
      name: section.title.trim() || section.kind,
      detail: section.kind,
      kind: SymbolKind.Namespace,
      range,
      selectionRange: { start: range.start, end: selectionEnd.line === range.start.line ? selectionEnd : range.start },
    };
  });
}
