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

function isThematicBreak(text: string, start: number, end: number): boolean {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  return text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
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

export function findUnfilledFields(text: string): Finding[] {
  return findUnfilledMarkers(text).map(({ start, end }) => ({
    start,
    end,
    severity: 'warning',
    code: 'unfilled-field',
    message: UNFILLED_FIELD_MESSAGE,
  }));
}
