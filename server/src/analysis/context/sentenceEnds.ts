// Where a sentence ends: periods that are not abbreviations or decimals, line breaks that are
// not a wrapped line, list numbers that open a new item. The assertion context reads a
// trigger's reach within a sentence, so these rules decide how far "denies" or "history of"
// can reach.

import { isSpaceCode } from './lexicon';

/** Characters that may end a sentence (checked further by isSentenceEnd). */
export const MAY_END = new Uint8Array(128);
for (const ch of '.!?;\n)') MAY_END[ch.charCodeAt(0)] = 1;

/** Words after which a period does not end a sentence even before a capital. */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'mt', 'sr', 'jr', 'vs', 'approx', 'e.g', 'i.e', 'fig', 'dept', 'pt', 'pts', 'no', 'nos', 'ca', 'cf', 'inc', 'ref',
]);
/** Words that, ending a line, show the sentence goes on on the next line. */
const CONTINUING_WORDS = new Set(['and', 'or', 'of', 'with', 'without', 'the', 'a', 'an', 'to', 'for', 'in', 'on', 'at', 'by', 'no', 'not', 'denies', 'nor', 'but', 'as', 'from', 'than']);

function isSpace(c: number): boolean {
  return isSpaceCode(c);
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Does the character at i end a sentence? */
export function isSentenceEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  switch (c) {
    case 59: // ;
      return true;
    case 33: // !
    case 63: {
      // ?  ("?calcinosis" is a question mark used as "possible", not an end)
      const n = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
      return isSpace(n) || n === 41 || n === 34;
    }
    case 46: // .
      return periodEnds(text, i);
    case 10: // line break
      return lineBreakEnds(text, i);
    case 41: // )  closing a list number "2)" that starts a new item
      return listParenEnds(text, i);
    default:
      return false;
  }
}

function periodEnds(text: string, i: number): boolean {
  let j = i + 1;
  // Closing quotes/brackets may follow the period.
  while (j < text.length && (text[j] === ')' || text[j] === '"' || text[j] === "'" || text[j] === ']')) j++;
  if (j >= text.length) return true;
  const n = text.charCodeAt(j);
  if (!isSpace(n)) return false; // 10.8, p.o, mg/dL.Next is rare: not an end
  // Next visible character.
  let k = j;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k >= text.length) return true;
  const next = text.charCodeAt(k);
  // The word before the period.
  if (isLower(next)) return false; // "p.o. daily", "approx. five", wrapped prose
  let w = i;
  while (w > 0 && i - w <= 7 && (isAlnum(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === 46)) w--;
  if (i - w > 6 || i === w) return true; // long words are not abbreviations
  // List numbering "1." at the start of a line (or after a header colon) is not an end.
  if (i - w <= 2 && isDigit(text.charCodeAt(w)) && isDigit(text.charCodeAt(i - 1))) {
    let b = w - 1;
    while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
    if (b < 0 || text[b] === '\n' || text[b] === ':') return false;
  }
  if (ABBREVIATIONS.has(text.slice(w, i).toLowerCase())) return false;
  return true;
}

function listParenEnds(text: string, i: number): boolean {
  let d = i - 1;
  while (d >= 0 && isDigit(text.charCodeAt(d))) d--;
  const digits = i - 1 - d;
  if (digits < 1 || digits > 2) return false;
  return d < 0 || isSpace(text.charCodeAt(d));
}

function lineBreakEnds(text: string, i: number): boolean {
  // Blank line, or the next line starts a list item, or the next line is capitalised
  // while this line does not run on (comma, hyphen, joining word): end.
  let k = i + 1;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
  if (k >= text.length) return true;
  const next = text.charCodeAt(k);
  if (next === 10) return true; // blank line
  if (next === 45 || next === 42 || next === 0x2022 || next === 0xb7 || next === 35) return true; // - * • · #
  let p = i - 1;
  while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9 || text.charCodeAt(p) === 13)) p--;
  if (p < 0) return true;
  const last = text.charCodeAt(p);
  if (last === 10) return true; // previous line blank
  if (last === 58) return true; // header line ending with ':'
  if (isDigit(next)) {
    // "1. item" / "2) item" on the next line
    let d = k;
    while (d < text.length && isDigit(text.charCodeAt(d))) d++;
    const after = text[d];
    if (after === '.' || after === ')') return true;
  }
  if (last === 44 || last === 45 || last === 47 || last === 38) return false; // , - / &
  if (isLower(next)) return false;
  let w = p;
  while (w > 0 && isAlnum(text.charCodeAt(w - 1))) w--;
  if (CONTINUING_WORDS.has(text.slice(w, p + 1).toLowerCase())) return false;
  return true;
}
