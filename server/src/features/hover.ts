// Hover: the term or lab value under the cursor.

import type { Hover } from 'vscode-languageserver';
import { labHoverMarkdown } from '../analysis/labHoverText';
import type { LineIndex } from '../analysis/lineIndex';
import type { Analysis, Span } from '../analysis/types';
import { conceptFor, customConceptId } from '../analysis/vocabulary';
import type { AnalysisOptions } from '../analysis/analyze';
import type { Settings } from '../settings';
import { customTermHoverMarkdown, termHoverMarkdown } from './termHoverText';

/** Index of the span containing `offset` (start ≤ offset < end) in a list sorted by start, or -1. */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function hoverAt(
  analysis: Analysis,
  lines: LineIndex,
  offset: number,
  settings: Settings,
  options: AnalysisOptions,
): Hover | null {
  const labIndex = spanAt(analysis.labs, offset);
  if (labIndex >= 0) {
    const lab = analysis.labs[labIndex];
    return {
      contents: { kind: 'markdown', value: labHoverMarkdown(lab, labIndex, analysis.labs, analysis.products, { ...options, detail: settings.hoverDetail }) },
      range: { start: lines.positionAt(lab.start), end: lines.positionAt(lab.end) },
    };
  }
  const termIndex = spanAt(analysis.terms, offset);
  if (termIndex < 0) return null;
  const mention = analysis.terms[termIndex];
  let value: string;
  if (mention.custom) {
    const term = settings.customTerms.find((t) => customConceptId(t.term) === mention.concept);
    value = customTermHoverMarkdown(mention, term);
  } else {
    const concept = conceptFor(mention.concept);
    if (!concept) return null;
    value = termHoverMarkdown(mention, concept, settings.hoverDetail);
  }
  return {
    contents: { kind: 'markdown', value },
    range: { start: lines.positionAt(mention.start), end: lines.positionAt(mention.end) },
  };
}
