// Cues written as a list header:
//
//   ROS: Denies:
//   - fever
//   - joint pain
//
// A header line ending with a colon ends its sentence, so a cue in it ("Denies:",
// "Negative for:", "Pt denies the following:", "Rule out:") reaches the list lines
// below it only through this carry: a sentence that begins a list line gets the kinds
// of a cue header above it, over list lines only (a bullet, a number, or a short plain
// line), within its section, with no blank line between. A terminator inside an item
// ("- joint pain but ...") ends the carry for the rest of that item. Computed once per
// parsed sentence; a sentence that does not begin a line is rejected at once.

import { KIND_BIT, isSpaceCode, isWordCode } from './lexicon';
import { forwardKinds, terminated } from './resolve';
import { isDigit } from './sentenceEnds';
import { buildSentence, moreWordsThan, scanSentence, scratchCount, type ParsedSentence } from './sentences';

/** Kinds a list header passes on to its list (negation and possibility). */
const CARRY_MASK = KIND_BIT.negated | KIND_BIT.possible;
/** A plain line (no bullet, no number) is a list item when it has at most this many words. */
const PLAIN_ITEM_MAX_WORDS = 6;
/** How far (in characters) above a list line its header may be. */
const MAX_LIST_REACH = 4000;
/** Words that may stand between a header's cue and its colon ("denies the following:"). */
const HEADER_FILLERS = new Set([
  'the', 'following', 'any', 'of', 'all', 'these', 'below', 'listed', 'symptoms', 'signs', 'complaints',
  'findings', 'history', 'have', 'has', 'had', 'report', 'reports', 'experienced',
]);

function isBlankOrSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** Is the line [ls, le) a list item: a bullet, a list number, or a short plain line not ending with a colon? */
function isListItemLine(text: string, ls: number, le: number): boolean {
  let i = ls;
  while (i < le && isBlankOrSpace(text.charCodeAt(i))) i++;
  let last = le - 1;
  while (last >= i && isBlankOrSpace(text.charCodeAt(last))) last--;
  if (last < i) return false;
  const c = text.charCodeAt(i);
  if (c === 0x2022 || c === 0xb7) return true; // • ·
  if ((c === 45 || c === 42 || c === 43) && i + 1 <= last && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) return true; // - * +
  if (isDigit(c)) {
    let d = i;
    while (d <= last && isDigit(text.charCodeAt(d))) d++;
    const m = text.charCodeAt(d);
    if (d - i <= 2 && (m === 46 || m === 41)) return true; // 1. 1)
  }
  if (text.charCodeAt(last) === 58) return false; // a new header
  return !moreWordsThan(text, i, last + 1, PLAIN_ITEM_MAX_WORDS);
}

/** Does the line [ls, le) end so that the next line continues it (a comma or hyphen at its end)? */
function lineRunsOn(text: string, ls: number, le: number): boolean {
  let p = le - 1;
  while (p >= ls && isBlankOrSpace(text.charCodeAt(p))) p--;
  if (p < ls) return false;
  const c = text.charCodeAt(p);
  return c === 44 || c === 45;
}

/** Start of the line holding offset i (not before `floor`). */
function lineStartOf(text: string, i: number, floor: number): number {
  while (i > floor && text.charCodeAt(i - 1) !== 10) i--;
  return i;
}

export interface ListMemo {
  /** Start of a list line whose carry (from the lines above it) is known; -1 when none. */
  line: number;
  carry: number;
  /** Start of the header line that gave `carry` (when it is not 0). */
  header: number;
}

/**
 * Kinds a cue header above the list line that sentence `s` begins passes on to it (0 when
 * none). `memo` holds the answer for the last list line worked out: the walk up from the
 * next item stops there instead of walking the whole list again.
 */
export function listCarry(text: string, s: number, secStart: number, memo: ListMemo): number {
  // The sentence must begin its line (after blanks or a list number such as "2)").
  let j = s;
  while (j > secStart && isBlankOrSpace(text.charCodeAt(j - 1))) j--;
  if (j > secStart && text.charCodeAt(j - 1) === 41) {
    let d = j - 1;
    while (d > secStart && isDigit(text.charCodeAt(d - 1))) d--;
    if (j - 1 - d < 1 || j - 1 - d > 2) return 0;
    j = d;
    while (j > secStart && isBlankOrSpace(text.charCodeAt(j - 1))) j--;
  }
  if (j <= secStart || text.charCodeAt(j - 1) !== 10) return 0;
  const first = j;
  const nl = text.indexOf('\n', first);
  if (!isListItemLine(text, first, nl < 0 ? text.length : nl)) return 0;
  const carry = walkUpToHeader(text, first, secStart, memo);
  memo.line = first;
  memo.carry = carry;
  memo.header = walkHeader;
  return carry;
}

/** Set by walkUpToHeader: start of the header line it found. */
let walkHeader = -1;

/**
 * Walks up from the list line at `first` over list lines to a header within MAX_LIST_REACH:
 * its carried kinds, or 0. (The memo gives the same answer as the full walk, so the result
 * does not depend on which sentences were parsed before.)
 */
function walkUpToHeader(text: string, first: number, secStart: number, memo: ListMemo): number {
  walkHeader = -1;
  for (let ls = first; ls > secStart; ) {
    const pe = ls - 1; // the line break ending the line above
    const ps = lineStartOf(text, pe, secStart);
    if (first - ps > MAX_LIST_REACH) return 0;
    let p = pe - 1;
    while (p >= ps && isBlankOrSpace(text.charCodeAt(p))) p--;
    if (p < ps) return 0; // blank line
    if (text.charCodeAt(p) === 58) {
      walkHeader = ps;
      return headerCue(text, ps, p);
    }
    if (ps === memo.line) {
      // A list line worked out before: the rest of the walk would repeat its walk.
      if (memo.carry === 0 || first - memo.header > MAX_LIST_REACH) return 0;
      walkHeader = memo.header;
      return memo.carry;
    }
    const aboveEnd = ps - 1;
    const runOn = aboveEnd > secStart && lineRunsOn(text, lineStartOf(text, aboveEnd, secStart), aboveEnd);
    if (!runOn && !isListItemLine(text, ps, pe)) return 0;
    ls = ps;
  }
  return 0;
}

/** Carried kinds of a header line [ls, colon] whose cue stands right before its colon. */
function headerCue(text: string, ls: number, colon: number): number {
  // The last sentence of the header line.
  let s = ls;
  let e = scanSentence(text, s, colon, colon, colon);
  while (e < colon) {
    s = e + 1;
    e = scanSentence(text, s, colon, colon, colon);
  }
  if (scratchCount === 0) return 0;
  const hits = buildSentence(s, colon, true, true).hits;
  let found = 0;
  for (let h = hits.length - 1; h >= 0; h--) {
    if (!onlyFillers(text, hits[h].end, colon)) break;
    found |= forwardKinds(text, hits[h], colon, hits, h + 1, hits.length, found);
  }
  return found & CARRY_MASK;
}

/** Is text[from, to) only blanks and header filler words? */
function onlyFillers(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
    } else if (isWordCode(c)) {
      const ws = i;
      while (i < to && isWordCode(text.charCodeAt(i))) i++;
      if (!HEADER_FILLERS.has(text.slice(ws, i).toLowerCase())) return false;
    } else return false;
  }
  return true;
}

/** End of the list lines of the sentence [s, e): its first line not a list item (and not a run-on) ends the carry. */
export function listItemsEnd(text: string, s: number, e: number): number {
  let ls = s;
  for (;;) {
    const nl = text.indexOf('\n', ls);
    if (nl < 0 || nl >= e) return e;
    const next = nl + 1;
    const ne = text.indexOf('\n', next);
    const nextEnd = ne < 0 || ne > e ? e : ne;
    if (!lineRunsOn(text, ls, nl) && !isListItemLine(text, next, nextEnd)) return nl;
    ls = next;
  }
}

/** The carried kinds of `sent` that reach a mention at ms: no terminator for them in the sentence before it. */
export function carriedKinds(sent: ParsedSentence, ms: number): number {
  const hits = sent.hits;
  let before = 0;
  while (before < hits.length && hits[before].end <= ms) before++;
  let add = 0;
  for (let bit = 1; bit <= sent.carry; bit <<= 1) {
    if ((sent.carry & bit) !== 0 && !terminated(hits, 0, before, bit)) add |= bit;
  }
  return add;
}
