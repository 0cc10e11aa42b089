// The sticky regexes read at fixed positions after (or just before) an analyte name:
// dates, the filler words between a name and its number, numbers, units written in table
// cells, what may not follow a lab value, flags, reference ranges, attached dates, trends,
// earlier values and slash lists. Built once at load; each reader sets lastIndex and tests.

import { skipBlanks } from '../blanks';
import { UNIT_SOURCE } from '../units';

const DATE_SOURCE =
  '(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})' +
  '|(\\d{1,2})[/](\\d{1,2})(?:[/](\\d{4}|\\d{2}))?' +
  '|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})' +
  '|((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?:,?[ \\t]+(\\d{4}))?' +
  '|(\\d{1,2})[ \\t]+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\\.?(?:,?[ \\t]+(\\d{4}))?)';
export const DATE_RE = new RegExp('(?<![\\d/.,:])' + DATE_SOURCE + '(?![\\d/]|\\.\\d)', 'g');

/**
 * Words and marks between a name and its number. A parenthesised qualifier with letters
 * and no slash ("(24 h)", "(25-OH)", "(intact)") is skipped when a number follows, so its
 * digits are never read as the value; "(mg/dL)" is a unit and is left to the unit reader.
 */
export const FILLER_AT =
  /(?:[ \t]*(?:\((?:serum|s|total|plasma|blood|fasting)\)|\((?=[^()\n/]{0,24}[A-Za-z])[^()\n/]{1,24}\)(?=[ \t]*[:=]?[ \t]*[<>≤≥]?[ \t]*\d)|(?:has|have|had)[ \t]+(?:come|gone|been)(?![A-Za-z])|,[ \t]*(?:serum|total|plasma)(?![A-Za-z])|(?:serum|plasma|fasting|total|levels?|values?|results?|was|were|is|are|of|at|now|today|came[ \t]+back(?:[ \t]+(?:as|at))?|returned(?:[ \t]+at)?|measured(?:[ \t]+at)?|noted(?:[ \t]+at)?|(?:mildly[ \t]+|markedly[ \t]+)?(?:elevated|high|raised|low|increased|decreased|normal)(?:[ \t]+(?:at|to))?|remains?|remained|(?:rose|went|climbed|fell|dropped)[ \t]+to|up[ \t]+to|down[ \t]+to|(?:rose|went|increased|decreased|fell|dropped|climbed|improved|worsened)[ \t]+from|from|approximately|approx\.?|about|around|of[ \t]+about|checked)(?![A-Za-z])|=|:|,|~|≈|-(?!>)|\||\t|\(|#))*[ \t]*/y;

export const DATE_PREFIX_AT = new RegExp('[ \\t]*(?:on|from|dated|drawn|\\()?[ \\t]*' + DATE_SOURCE + '\\)?[ \\t]*:?', 'y');

export const NUM_AT = /(<=|>=|≤|≥|<|>|less[ \t]+than|greater[ \t]+than|below|above|under|over)?[ \t]*(\d+(?:[.,]\d+)?|[.,]\d+)(?!\d)/y;

/** What may not follow a number that is a lab value (dates, ranges, times, ages, doses). */
export const NOT_VALUE_AFTER =
  /(?:[ \t]*[/][ \t]*\d|[ \t]*[-–][ \t]*\d|:\d|[ \t]*(?:yo|y\/o|y\.o\.|years?|yrs?|year-old|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|times|cm|mm|kg|lbs?|%|mg|g|mcg|µg|μg|ug|IU|units?|tabs?|tablets?|caps?|capsules?|mEq|mmol|ml|mL|puffs?|drops?|sprays?|doses?|vials?|amps?)(?![A-Za-z/]))/y;
export const BARE_EXCRETION_UNIT_AT = /[ \t]*(mg|mmol)(?![A-Za-z/])/y;

export const TABLE_UNIT_AT = new RegExp('[ \\t]*(?:\\||\\t|\\()[ \\t]*(' + UNIT_SOURCE + ')\\)?', 'iy');

export const FLAG_AT = /[ \t]*(?:[|\t][ \t]*)?(?:\((?:HH|LL|H|L|high|low|crit(?:ical)?|abnormal|A)\)|\[(?:H|L)\]|(?:HH|LL|H|L)(?![A-Za-z0-9])|[↑↓]|\*+|!)/y;
export const RANGE_AT =
  /[ \t]*(?:[[(][ \t]*(?:(?:ref(?:erence)?\.?|normal|nl|N|RR|range|ULN)[ \t]*(?:range|interval)?[ \t]*:?[ \t]*)?(?:[<>≤≥][ \t]*)?\d+(?:[.,]\d+)?(?:[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?)?[ \t]*[^\])\n/:]{0,12}[\])]|[ \t]*(?:[|\t])[ \t]*(?:[<>≤≥][ \t]*)?\d+(?:[.,]\d+)?[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?|,?[ \t]*(?:ref(?:erence)?(?:[ \t]+range)?|normal(?:[ \t]+range)?|nl)[ \t]*:?[ \t]*\d+(?:[.,]\d+)?[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?)/y;
export const DATE_AFTER_AT = new RegExp('[ \\t]*(?:\\(|,?[ \\t]*(?:on|from|dated|drawn|collected)[ \\t]+)' + DATE_SOURCE + '\\)?', 'y');
export const TREND_AT =
  /[ \t]*(?:,[ \t]*)?(?:-+>|→|⟶|➔|=>|⇒|\bto\b|,?[ \t]*(?:(?:last|this)[ \t]+(?:month|week|year)|yesterday|in[ \t]+\d{4})?[ \t]*,?[ \t]*(?:and[ \t]+)?(?:(?:is|was)[ \t]+)?(?:then|now)(?:[ \t]+(?:up|down)[ \t]+to)?|(?:increased|rose|climbed|fell|dropped|decreased)[ \t]+to)[ \t]*/y;
/** An earlier value written after the current one: "10.8, previously 9.4", "1.1 (baseline 0.9)". */
export const EARLIER_AT = /[ \t]*[,;(]?[ \t]*(?:previously|prior(?:ly)?|baseline|before|last|was|vs\.?|compared[ \t]+(?:with|to)|down[ \t]+from|up[ \t]+from|from)[ \t]*:?[ \t]*/y;
/** Another dated value of the same analyte: "9.2 (1/2/2026), 10.8 (3/14/2026)". */
export const NEXT_DATED_AT = /[ \t]*[,;][ \t]*(?:and[ \t]+)?/y;
export const SLASH_AT = /[ \t]*\/[ \t]*/y;
export const MAX_SLASH_NAMES = 8;
export const SLASH_NUM_AT = /[ \t]*\/[ \t]*(\d+(?:[.,]\d+)?)(?!\d)/y;
export const BACK_RE = new RegExp('(<=|>=|≤|≥|<|>)?[ \\t]*(\\d+(?:[.,]\\d+)?)[ \\t]*(' + UNIT_SOURCE + ')[ \\t]*(?:(?:of|serum|total|for)[ \\t]+)*$', 'i');

// ── Cheap checks before the sticky regexes ─────────────────────────────────
// Each reader below runs at every value, and on most values it finds nothing. A sticky
// regex that fails still costs a call (lastIndex, flags, the match attempt): about 15–25 ns,
// a dozen times a value. Each check here looks at the first characters a match would need
// and says false only when the regex cannot match at `at`; true means "run the regex". They
// never decide a match themselves, so a check that is too generous costs time, not results
// (test/unit/analysis/labPatterns.test.ts compares each with its regex).

const SPACE = 32;
const TAB = 9;

/** Length of the run of ASCII digits at `i`. */
function digitRun(s: string, i: number): number {
  let k = i;
  for (let c = s.charCodeAt(k); c >= 48 && c <= 57; c = s.charCodeAt(++k));
  return k - i;
}

/** Characters (codes) in a string, as a lookup table for codes below 0x3000. */
function codeSet(chars: string): Uint8Array {
  const t = new Uint8Array(0x3000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
function inSet(t: Uint8Array, c: number): boolean {
  return c < t.length && t[c] === 1;
}

/**
 * Where FILLER_AT, read at `at`, ends. None of its words and marks begins with a digit, so
 * before a number ("Ca 10.8", the usual case) it ends after the blanks, without the regex.
 */
export function fillerEnd(s: string, at: number): number {
  const i = skipBlanks(s, at);
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return i;
  FILLER_AT.lastIndex = at;
  FILLER_AT.test(s);
  return FILLER_AT.lastIndex;
}

/**
 * Where NUM_AT, read at `at`, ends when a digit stands there (-1 when none does): then it
 * has no comparator and no blanks, and reads the digits and a "." or "," with the digits
 * after it. The readers make the number's text from this without a match array.
 */
export function plainNumberEnd(s: string, at: number): number {
  const n = digitRun(s, at);
  if (n === 0) return -1;
  const e = at + n;
  const c = s.charCodeAt(e);
  if (c === 46 || c === 44) {
    const f = digitRun(s, e + 1);
    if (f > 0) return e + 1 + f;
  }
  return e;
}

/** The first offset after the blanks at `at`, or -1 when a tab is among them (a table cell). */
function blanksEndUnlessTab(s: string, at: number): number {
  let i = at;
  for (let c = s.charCodeAt(i); c === SPACE || c === TAB; c = s.charCodeAt(++i)) if (c === TAB) return -1;
  return i;
}

/** TABLE_UNIT_AT: blanks, then "|" or "(", or a tab among the blanks. */
export function mayBeTableUnit(s: string, at: number): boolean {
  const i = blanksEndUnlessTab(s, at);
  if (i < 0) return true;
  const c = s.charCodeAt(i);
  return c === 124 || c === 40;
}

/** SLASH_AT: blanks, then "/". */
export function mayBeSlash(s: string, at: number): boolean {
  return s.charCodeAt(skipBlanks(s, at)) === 47;
}

/** The capital letters a month name (DATE_SOURCE) begins with. */
const MONTH_INITIALS = codeSet('JFMASOND');
/** The first letters of DATE_PREFIX_AT's words (on, from, dated, drawn) and "(". */
const DATE_PREFIX_STARTS = codeSet('ofd(');

/**
 * DATE_PREFIX_AT: blanks, maybe a word or "(", then a date. A date that begins with digits has
 * four of them and "-", or one or two and then "/", or "." and one or two digits and ".",
 * or blanks and a month name.
 */
export function mayBeDatePrefix(s: string, at: number): boolean {
  const i = skipBlanks(s, at);
  const c = s.charCodeAt(i);
  if (inSet(DATE_PREFIX_STARTS, c) || inSet(MONTH_INITIALS, c)) return true;
  const n = digitRun(s, i);
  if (n === 0) return false;
  const next = s.charCodeAt(i + n);
  if (n === 4) return next === 45; // 2026-03-14
  if (n > 2) return false;
  if (next === 47) return true; // 3/14
  if (next === 46) {
    // 14.3.2026: the second part is one or two digits and is followed by "."
    const m = digitRun(s, i + n + 1);
    return m >= 1 && m <= 2 && s.charCodeAt(i + n + 1 + m) === 46;
  }
  if (next === SPACE || next === TAB) return inSet(MONTH_INITIALS, s.charCodeAt(skipBlanks(s, i + n))); // 14 Mar
  return false;
}

const FLAG_STARTS = codeSet('([HL↑↓*!');
/** FLAG_AT: blanks, maybe "|" and blanks, then a flag: "(H)", "[L]", "H", "↑", "*", "!". */
export function mayBeFlag(s: string, at: number): boolean {
  let i = skipBlanks(s, at);
  if (s.charCodeAt(i) === 124) i = skipBlanks(s, i + 1);
  return inSet(FLAG_STARTS, s.charCodeAt(i));
}

/**
 * RANGE_AT: blanks, then "[", "(" or "|", or a tab among the blanks (a table cell), or
 * "ref…", "normal…", "nl", maybe after a comma.
 */
export function mayBeRange(s: string, at: number): boolean {
  const i = blanksEndUnlessTab(s, at);
  if (i < 0) return true;
  let c = s.charCodeAt(i);
  if (c === 91 || c === 40 || c === 124) return true;
  if (c === 44) c = s.charCodeAt(skipBlanks(s, i + 1));
  return c === 114 || c === 110; // r, n
}

/** DATE_AFTER_AT: blanks, then "(" or, maybe after a comma, on / from / dated / drawn / collected. */
export function mayBeDateAfter(s: string, at: number): boolean {
  const i = skipBlanks(s, at);
  let c = s.charCodeAt(i);
  if (c === 40) return true;
  if (c === 44) c = s.charCodeAt(skipBlanks(s, i + 1));
  return c === 111 || c === 102 || c === 100 || c === 99; // o, f, d, c
}

/** What a trend may begin with after blanks and commas: an arrow, "=>", or a word of TREND_AT. */
const TREND_STARTS = codeSet('-→⟶➔=⇒tlyiawnrcfd');
/** TREND_AT: blanks and commas, then an arrow or to / last / this / yesterday / in / and / is / was / then / now / increased / rose / climbed / fell / dropped / decreased. */
export function mayBeTrend(s: string, at: number): boolean {
  let i = at;
  for (let c = s.charCodeAt(i); c === SPACE || c === TAB || c === 44; c = s.charCodeAt(++i));
  return inSet(TREND_STARTS, s.charCodeAt(i));
}

/** The first letters of EARLIER_AT's words (previously, prior, baseline, before, last, was, vs, compared, down, up, from). */
const EARLIER_STARTS = codeSet('pblwvcduf');
/** EARLIER_AT: blanks, maybe one of , ; ( and blanks, then one of its words. */
export function mayBeEarlier(s: string, at: number): boolean {
  let i = skipBlanks(s, at);
  const c = s.charCodeAt(i);
  if (c === 44 || c === 59 || c === 40) i = skipBlanks(s, i + 1);
  return inSet(EARLIER_STARTS, s.charCodeAt(i));
}

/** What NUM_AT may begin with: a digit, "." or ",", a comparator mark, or a comparator word's first letter (and "and"). */
const NUMBER_STARTS = codeSet('0123456789.,<>≤≥lgbauo');
/**
 * NEXT_DATED_AT and then NUM_AT: blanks, "," or ";", blanks, maybe "and", then a number
 * ("9.2 (1/2/2026), 10.8 …"). After most values the comma leads to the next analyte's name.
 */
export function mayBeNextNumber(s: string, at: number): boolean {
  const i = skipBlanks(s, at);
  const c = s.charCodeAt(i);
  if (c !== 44 && c !== 59) return false;
  return inSet(NUMBER_STARTS, s.charCodeAt(skipBlanks(s, i + 1)));
}
