// Parses a custom-terms file: one term a line, or term<TAB>definition. Lines
// starting with # are comments. Pure: the caller reads the file.

import type { CustomTerm } from '../settings';

export const MAX_CUSTOM_TERMS = 5000;
export const MAX_TERM_LENGTH = 200;

export function parseCustomTerms(content: string): { terms: CustomTerm[]; problems: string[] } {
  const terms: CustomTerm[] = [];
  const problems: string[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const term = (tab >= 0 ? line.slice(0, tab) : line).trim();
    const definition = tab >= 0 ? line.slice(tab + 1).trim() : undefined;
    if (term.length > MAX_TERM_LENGTH) {
      problems.push(`line ${i + 1}: a term longer than ${MAX_TERM_LENGTH} characters was skipped`);
      continue;
    }
    if (terms.length >= MAX_CUSTOM_TERMS) {
      problems.push(`only the first ${MAX_CUSTOM_TERMS} terms are used`);
      break;
    }
    terms.push(definition ? { term, definition } : { term });
  }
  return { terms, problems };
}
