// Hover: the term or lab value under the cursor.

import type { Hover } from 'vscode-languageserver';
import { labHoverMarkdown } from '../analysis/labHoverText';
import type { LineIndex } from '../analysis/lineIndex';
import { indexContaining } from '../analysis/sorted';
import type { Analysis } from '../analysis/types';
import { conceptFor, customConceptId } from '../analysis/vocabulary';
import type { AnalysisOptions } from '../analysis/analyze';
import type { Settings } from '../settings';
import { customTermHoverMarkdown, termHoverMarkdown } from './termHoverText';

export function hoverAt(
  analysis: Analysis,
  lines: LineIndex,
  offset: number,
  settings: Settings,
  options: AnalysisOptions,
): Hover | null {
  const labIndex = indexContaining(analysis.labs, offset);
  if (labIndex >= 0) {
    const lab = analysis.labs[labIndex];
    return {
      contents: { kind: 'markdown', value: labHoverMarkdown(lab, labIndex, analysis.labs, analysis.products, { ...options, detail: settings.hoverDetail }) },
      range: { start: lines.positionAt(lab.start), end: lines.positionAt(lab.end) },
    };
  }
  const termIndex = analysis.terms.indexContaining(offset);
  if (termIndex < 0) return null;
  const mention = analysis.terms.at(termIndex);
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
