// Order-set snippets mark fields the clinician must fill with "***" (the convention
// of commercial record systems' smart phrases). A marker left in a note is a finding.
//
// Not markers: a run of four or more asterisks, a line that is only "***" (a Markdown
// thematic break), and "***word***" (Markdown bold italic, in notes kept as Markdown).

import type { Finding } from './types';

export const UNFILLED_MARKER = '***';

export const UNFILLED_FIELD_MESSAGE = 'Unfilled field: replace *** with the value before signing the note.';

/** A run of asterisks; only runs of exactly three are candidates. */
const RUN = /\*+/g;

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
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    if (m[0].length !== 3) continue;
    const start = m.index;
    const end = start + 3;
    if (isThematicBreak(text, start, end)) continue;
    EMPHASIS.lastIndex = start;
    const emphasis = EMPHASIS.exec(text);
    if (emphasis) {
      // Skip the whole emphasised span, closing asterisks included.
      RUN.lastIndex = start + emphasis[0].length;
      continue;
    }
    out.push({ start, end });
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
