// Order-set snippets mark fields the clinician must fill with "***" (the convention
// of commercial record systems' smart phrases). A marker left in a note is a finding.
//
// Not markers: a run of four or more asterisks, a line that is only "***" (a Markdown
// thematic break), and "***word***" (Markdown bold italic, in notes kept as Markdown).

import type { Finding } from './types';

export const UNFILLED_MARKER = '***';

export const UNFILLED_FIELD_MESSAGE = 'Unfilled field: replace *** with the value before signing the note.';

/** Bold-italic emphasis: *** then a letter or digit, text on one line, a letter or digit, then ***. */
const EMPHASIS = /\*\*\*(?=[\p{L}\p{N}])[^*\n\r]*?[\p{L}\p{N}.)]\*\*\*(?!\*)/uy;

/** What String.prototype.trim removes (besides the line breaks the loops stop at). */
const BLANK = /^\s$/;

/**
 * Is text[start, end) alone on its line, with only blanks around it? Reads outward from the
 * marker and stops at the first other character: reading the whole line for every marker made
 * a line of many markers quadratic.
 */
function isThematicBreak(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && text[i] !== '\n' && text[i] !== '\r'; i--) if (!BLANK.test(text[i])) return false;
  for (let i = end; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) if (!BLANK.test(text[i])) return false;
  return true;
}

/** Offsets [start, end) of every unfilled-field marker, in order. */
export function findUnfilledMarkers(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  if (!text.includes(UNFILLED_MARKER)) return out;
  // Runs of asterisks, found with indexOf (several times faster than a regex over a long
  // note, which every edit scans again); only runs of exactly three are candidates.
  for (let start = text.indexOf('*'); start !== -1; ) {
    let end = start + 1;
    while (text.charCodeAt(end) === 42) end++;
    let next = end;
    if (end - start === 3 && !isThematicBreak(text, start, end)) {
      EMPHASIS.lastIndex = start;
      const emphasis = EMPHASIS.exec(text);
      // Emphasis: skip the whole emphasised span, closing asterisks included.
      if (emphasis) next = start + emphasis[0].length;
      else out.push({ start, end });
    }
    start = text.indexOf('*', next);
  }
  return out;
}

/** The code of an unfilled-field finding (the only finding not about a lab value). */
export const UNFILLED_FIELD_CODE = 'unfilled-field';

export function findUnfilledFields(text: string): Finding[] {
  return findUnfilledMarkers(text).map(({ start, end }) => ({
    start,
    end,
    severity: 'warning',
    code: UNFILLED_FIELD_CODE,
    message: UNFILLED_FIELD_MESSAGE,
  }));
}
