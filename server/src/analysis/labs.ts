// Finds laboratory values in note text: "Ca 10.8", "Ca: 10.8 mg/dL (H) [8.5-10.5]",
// "calcium of 2.7 mmol/L", "Ca/Phos 10.8/7.1", "Ca 9.1 -> 10.8", "2,61 mmol/l",
// table rows, dated blocks, "10.8 mg/dL calcium", and serology ("ANA 1:320 speckled").
// Pure: no editor types. One pass of one precompiled regex over the analyte names;
// everything after a name is read with sticky regexes at fixed positions.

import type { Assertion, LabValue, Section } from './types';
import { ANALYTES, ANALYTE_BY_ID, NOT_A_LAB_VALUE, substanceOf, type Analyte, type AnalyteId } from '../knowledge/analytes';
import { UNIT_AT, UNIT_SOURCE, convert, normalizeUnit, unitClass, displayUnit, formatNumber } from './units';

// ---------------------------------------------------------------------------
// Name table

interface NameEntry {
  analyte: Analyte | null; // null: a phrase that is not a lab value (drug, score, product)
  /** Case-sensitive key of the form when only that exact case counts. */
  exact: string | null;
  /** Only directly before a number or inside a slash list ("P 4.1", "Ca/P"). */
  numberOnly: boolean;
}

function keyOf(s: string): string {
  return s.toLowerCase().replace(/[\s\-‐–.]+/g, '');
}
function exactKeyOf(s: string): string {
  return s.replace(/[\s\-‐–.]+/g, '');
}
/** A form as regex tokens: spaces match runs of blanks, hyphens and dots are optional. */
function formTokens(form: string): string[] {
  const out: string[] = [];
  for (const ch of form) {
    if (ch === ' ') out.push('[ \\t]*');
    else if (ch === '-' || ch === '‐') out.push('[ \\t]*[-‐–]?[ \\t]*');
    else if (ch === '.') out.push('\\.?');
    else out.push(ch.replace(/[\\^$*+?()[\]{}|/]/g, '\\$&'));
  }
  return out;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

/**
 * One regex for many forms, factored as a trie so the engine rejects most positions
 * after one character instead of trying every alternative in turn. Longer forms are
 * tried before a form ends (the empty branch comes last).
 */
function trieRegexSource(forms: string[]): string {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const f of forms) {
    let node = root;
    for (const tok of formTokens(f)) {
      const key = tok.length === 1 ? tok.toLowerCase() : tok;
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { children: new Map(), terminal: false }));
      node = next;
    }
    node.terminal = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.children.entries()]
      // Literal characters before optional tokens, so fixed text is preferred.
      .sort((a, b) => (a[0].length === 1 ? 0 : 1) - (b[0].length === 1 ? 0 : 1))
      .map(([tok, child]) => tok + emit(child));
    if (!branches.length) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    if (!node.terminal) return body;
    return branches.length === 1 ? `(?:${body})?` : `${body}?`;
  };
  return emit(root);
}

const ENTRIES = new Map<string, NameEntry[]>();
const FORMS: string[] = [];
function addForm(form: string, entry: NameEntry): void {
  const key = keyOf(form);
  let list = ENTRIES.get(key);
  if (!list) ENTRIES.set(key, (list = []));
  list.push(entry);
  FORMS.push(form);
}
for (const phrase of NOT_A_LAB_VALUE) addForm(phrase, { analyte: null, exact: null, numberOnly: false });
for (const a of ANALYTES) {
  for (const n of a.names) addForm(n, { analyte: a, exact: null, numberOnly: false });
  for (const n of a.exactNames ?? []) addForm(n, { analyte: a, exact: exactKeyOf(n), numberOnly: false });
  for (const n of a.numberOnlyNames ?? []) addForm(n, { analyte: a, exact: exactKeyOf(n), numberOnly: true });
}
const NAME_SOURCE =
  '(?:' +
  trieRegexSource([...new Set(FORMS)]) +
  ')(?![A-Za-z_]|\\d(?!\\d*[.,]\\d))';
/** Every analyte name, one global scan. */
const NAME_RE = new RegExp('(?<![A-Za-z0-9_])' + NAME_SOURCE, 'gi');
/** The same names, anchored (for the second name of "Ca/Phos"). */
const NAME_AT = new RegExp(NAME_SOURCE, 'iy');

/** Lookups by the name as written (a note repeats a few dozen spellings thousands of times). */
const LOOKUP_CACHE: [Map<string, NameEntry | null>, Map<string, NameEntry | null>] = [new Map(), new Map()];

function lookup(matched: string, allowNumberOnly: boolean): NameEntry | null {
  const cache = LOOKUP_CACHE[allowNumberOnly ? 1 : 0];
  let entry = cache.get(matched);
  if (entry === undefined) {
    entry = lookupUncached(matched, allowNumberOnly);
    if (cache.size >= 4096) cache.clear();
    cache.set(matched, entry);
  }
  return entry;
}

function lookupUncached(matched: string, allowNumberOnly: boolean): NameEntry | null {
  const list = ENTRIES.get(keyOf(matched));
  if (!list) return null;
  const exact = exactKeyOf(matched);
  for (const e of list) {
    if (e.numberOnly && !allowNumberOnly) continue;
    if (e.exact === null || e.exact === exact) return e;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Sticky pieces read after a name

const DATE_SOURCE =
  '(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})' +
  '|(\\d{1,2})[/](\\d{1,2})(?:[/](\\d{4}|\\d{2}))?' +
  '|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})' +
  '|((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?:,?[ \\t]+(\\d{4}))?' +
  '|(\\d{1,2})[ \\t]+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\\.?(?:,?[ \\t]+(\\d{4}))?)';
const DATE_RE = new RegExp('(?<![\\d/.,:])' + DATE_SOURCE + '(?![\\d/]|\\.\\d)', 'g');

/**
 * Words and marks between a name and its number. A parenthesised qualifier with letters
 * and no slash ("(24 h)", "(25-OH)", "(intact)") is skipped when a number follows, so its
 * digits are never read as the value; "(mg/dL)" is a unit and is left to the unit reader.
 */
const FILLER_AT =
  /(?:[ \t]*(?:\((?:serum|s|total|plasma|blood|fasting)\)|\((?=[^()\n/]{0,24}[A-Za-z])[^()\n/]{1,24}\)(?=[ \t]*[:=]?[ \t]*[<>≤≥]?[ \t]*\d)|(?:has|have|had)[ \t]+(?:come|gone|been)(?![A-Za-z])|,[ \t]*(?:serum|total|plasma)(?![A-Za-z])|(?:serum|plasma|fasting|total|levels?|values?|results?|was|were|is|are|of|at|now|today|came[ \t]+back(?:[ \t]+(?:as|at))?|returned(?:[ \t]+at)?|measured(?:[ \t]+at)?|noted(?:[ \t]+at)?|(?:mildly[ \t]+|markedly[ \t]+)?(?:elevated|high|raised|low|increased|decreased|normal)(?:[ \t]+(?:at|to))?|remains?|remained|(?:rose|went|climbed|fell|dropped)[ \t]+to|up[ \t]+to|down[ \t]+to|(?:rose|went|increased|decreased|fell|dropped|climbed|improved|worsened)[ \t]+from|from|approximately|approx\.?|about|around|of[ \t]+about|checked)(?![A-Za-z])|=|:|,|~|≈|-(?!>)|\||\t|\(|#))*[ \t]*/y;

const DATE_PREFIX_AT = new RegExp('[ \\t]*(?:on|from|dated|drawn|\\()?[ \\t]*' + DATE_SOURCE + '\\)?[ \\t]*:?', 'y');

const NUM_AT = /(<=|>=|≤|≥|<|>|less[ \t]+than|greater[ \t]+than|below|above|under|over)?[ \t]*(\d+(?:[.,]\d+)?|[.,]\d+)(?!\d)/y;

/** What may not follow a number that is a lab value (dates, ranges, times, ages, doses). */
const NOT_VALUE_AFTER =
  /(?:[ \t]*[/][ \t]*\d|[ \t]*[-–][ \t]*\d|:\d|[ \t]*(?:yo|y\/o|y\.o\.|years?|yrs?|year-old|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|times|cm|mm|kg|lbs?|%|mg|g|mcg|µg|μg|ug|IU|units?|tabs?|tablets?|caps?|capsules?|mEq|mmol|ml|mL|puffs?|drops?|sprays?|doses?|vials?|amps?)(?![A-Za-z/]))/y;
const BARE_EXCRETION_UNIT_AT = /[ \t]*(mg|mmol)(?![A-Za-z/])/y;

const TABLE_UNIT_AT = new RegExp('[ \\t]*(?:\\||\\t|\\()[ \\t]*(' + UNIT_SOURCE + ')\\)?', 'iy');

const FLAG_AT = /[ \t]*(?:[|\t][ \t]*)?(?:\((?:HH|LL|H|L|high|low|crit(?:ical)?|abnormal|A)\)|\[(?:H|L)\]|(?:HH|LL|H|L)(?![A-Za-z0-9])|[↑↓]|\*+|!)/y;
const RANGE_AT =
  /[ \t]*(?:[[(][ \t]*(?:(?:ref(?:erence)?\.?|normal|nl|N|RR|range|ULN)[ \t]*(?:range|interval)?[ \t]*:?[ \t]*)?(?:[<>≤≥][ \t]*)?\d+(?:[.,]\d+)?(?:[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?)?[ \t]*[^\])\n/:]{0,12}[\])]|[ \t]*(?:[|\t])[ \t]*(?:[<>≤≥][ \t]*)?\d+(?:[.,]\d+)?[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?|,?[ \t]*(?:ref(?:erence)?(?:[ \t]+range)?|normal(?:[ \t]+range)?|nl)[ \t]*:?[ \t]*\d+(?:[.,]\d+)?[ \t]*(?:-|–|to)[ \t]*\d+(?:[.,]\d+)?)/y;
const DATE_AFTER_AT = new RegExp('[ \\t]*(?:\\(|,?[ \\t]*(?:on|from|dated|drawn|collected)[ \\t]+)' + DATE_SOURCE + '\\)?', 'y');
const TREND_AT =
  /[ \t]*(?:,[ \t]*)?(?:-+>|→|⟶|➔|=>|⇒|\bto\b|,?[ \t]*(?:(?:last|this)[ \t]+(?:month|week|year)|yesterday|in[ \t]+\d{4})?[ \t]*,?[ \t]*(?:and[ \t]+)?(?:(?:is|was)[ \t]+)?(?:then|now)(?:[ \t]+(?:up|down)[ \t]+to)?|(?:increased|rose|climbed|fell|dropped|decreased)[ \t]+to)[ \t]*/y;
/** An earlier value written after the current one: "10.8, previously 9.4", "1.1 (baseline 0.9)". */
const EARLIER_AT = /[ \t]*[,;(]?[ \t]*(?:previously|prior(?:ly)?|baseline|before|last|was|vs\.?|compared[ \t]+(?:with|to)|down[ \t]+from|up[ \t]+from|from)[ \t]*:?[ \t]*/y;
/** Another dated value of the same analyte: "9.2 (1/2/2026), 10.8 (3/14/2026)". */
const NEXT_DATED_AT = /[ \t]*[,;][ \t]*(?:and[ \t]+)?/y;
const SLASH_AT = /[ \t]*\/[ \t]*/y;
const MAX_SLASH_NAMES = 8;
const SLASH_NUM_AT = /[ \t]*\/[ \t]*(\d+(?:[.,]\d+)?)(?!\d)/y;
const VITALS_RE = /\b(?:BP|RR|HR|SpO2|Sp02|O2 sat|Temp|vitals?|pulse)\b/i;
const BACK_RE = new RegExp('(<=|>=|≤|≥|<|>)?[ \\t]*(\\d+(?:[.,]\\d+)?)[ \\t]*(' + UNIT_SOURCE + ')[ \\t]*(?:(?:of|serum|total|for)[ \\t]+)*$', 'i');

// Serology
const QUAL_FILLER_AT =
  /(?:[ \t]*(?:antibod(?:y|ies)|Abs?|IgG|screen|by[ \t]+IFA|IFA|titer|titre|test(?:ing)?|panel|levels?|was|were|is|are|came[ \t]+back|returned|result(?:ed)?|reported|:|=|-(?=[ \t]*[A-Za-z(])|\(|\)))*[ \t]*/y;
const QUAL_RESULT_AT =
  /(weakly[ \t]+positive|strongly[ \t]+positive|positive|pos\.?(?![A-Za-z])|\+ve|\(\+\)|\+(?![\d])|negative|neg\.?(?![A-Za-z])|-ve|\(-\)|not[ \t]+detected|undetectable|detected|non-?reactive|reactive|equivocal|indeterminate|borderline)/iy;
const TITRE_RE = /(?:titer|titre)?[ \t]*(?:of[ \t]+)?(?:at[ \t]+)?(?:a[ \t]+)?(?:titer|titre)?[ \t]*(?:of[ \t]+)?(1[ \t]*:[ \t]*\d{2,5})/iy;
const PATTERN_RE = /(speckled|homogene?ous|nucleolar|centromere|cytoplasmic|peripheral|rim|diffuse|fine[ \t]+speckled|coarse[ \t]+speckled|dense[ \t]+fine[ \t]+speckled)/i;
const QUAL_LIST_SEP_AT = /[ \t]*(?:,|\/|and|&|\+)[ \t]*(?:(?:and|or)[ \t]+)?/y;
const QUAL_BEFORE_RE = /(positive|negative|\+ve|-ve)[ \t]+(?:for[ \t]+)?(?:an?[ \t]+)?$/i;

// ---------------------------------------------------------------------------
// Text helpers

/**
 * Same length as the input: full-width digits and punctuation, dashes and Greek mu made plain,
 * and no-break, thin and ideographic spaces (pasted from lab portals and PDFs) made ' '.
 */
export function normalizeForScan(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0C\uFF0E\uFF1A\uFF0F\uFF0D\u2013\u2014\u2212\u03BC\uFF1C\uFF1E\u00A0\u2000-\u200A\u202F\u3000]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 48);
    if (c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000) return ' ';
    switch (ch) {
      case '\uFF0C':
        return ',';
      case '\uFF0E':
        return '.';
      case '\uFF1A':
        return ':';
      case '\uFF0F':
        return '/';
      case '\uFF1C':
        return '<';
      case '\uFF1E':
        return '>';
      case '\u03BC':
        return 'µ';
      default:
        return '-';
    }
  });
}

function parseNumber(raw: string): number {
  if (raw.includes(',')) {
    const [int, frac] = raw.split(',') as [string, string];
    // "1,250" is a thousands separator; "2,61" and "0,850" are decimal commas.
    if (frac.length === 3 && int.length >= 1 && int.length <= 3 && int !== '0') return Number(int + frac);
    return Number(`${int || '0'}.${frac}`);
  }
  return Number(raw.startsWith('.') ? `0${raw}` : raw);
}

function comparatorOf(raw: string | undefined): LabValue['comparator'] {
  if (!raw) return null;
  const r = raw.toLowerCase().replace(/\s+/g, ' ');
  if (r === '<' || r === 'less than' || r === 'below' || r === 'under') return '<';
  if (r === '>' || r === 'greater than' || r === 'above' || r === 'over') return '>';
  if (r === '<=' || r === '≤') return '<=';
  if (r === '>=' || r === '≥') return '>=';
  return null;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** A date match as a draw key "date:YYYY-M-D" ("?" for a missing year), or null if not a calendar date. */
function dateKey(m: RegExpExecArray | RegExpMatchArray): string | null {
  let y: string | undefined;
  let mo: number;
  let d: number;
  if (m[1]) {
    y = m[1];
    mo = Number(m[2]);
    d = Number(m[3]);
  } else if (m[4]) {
    const a = Number(m[4]);
    const b = Number(m[5]);
    y = m[6];
    // US order unless the first number cannot be a month.
    if (a > 12 && b <= 12) {
      mo = b;
      d = a;
    } else {
      mo = a;
      d = b;
    }
  } else if (m[7]) {
    d = Number(m[7]);
    mo = Number(m[8]);
    y = m[9];
  } else if (m[10]) {
    mo = MONTHS[m[10].slice(0, 3).toLowerCase()] ?? 0;
    d = Number(m[11]);
    y = m[12];
  } else {
    d = Number(m[13]);
    mo = MONTHS[(m[14] ?? '').slice(0, 3).toLowerCase()] ?? 0;
    y = m[15];
  }
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  if (y && y.length === 2) y = `20${y}`;
  return `date:${y ?? '?'}-${mo}-${d}`;
}

/**
 * Whether two draw keys may be the same blood draw: 'same' (same date, or same block),
 * 'different' (two different dates) or 'unknown' (at least one has no date).
 */
export function compareDraws(a: string | undefined, b: string | undefined): 'same' | 'different' | 'unknown' {
  if (!a || !b) return 'unknown';
  // Equal keys are the same draw whatever their kind (every branch below agrees).
  if (a === b) return 'same';
  if (a.includes('~earlier') || b.includes('~earlier')) return 'different';
  if (a.startsWith('date:') && b.startsWith('date:')) {
    const pa = dateParts(a);
    const pb = dateParts(b);
    if (pa[1] !== pb[1] || pa[2] !== pb[2]) return 'different';
    if (pa[0] !== '?' && pb[0] !== '?' && pa[0] !== pb[0]) return 'different';
    return 'same';
  }
  return 'unknown';
}

/** [year, month, day] of a "date:Y-M-D" key, memoised (pairing compares the same few keys thousands of times). */
const DATE_PARTS = new Map<string, string[]>();
function dateParts(key: string): string[] {
  let parts = DATE_PARTS.get(key);
  if (!parts) {
    parts = key.slice(5).split('-');
    if (DATE_PARTS.size >= 4096) DATE_PARTS.clear();
    DATE_PARTS.set(key, parts);
  }
  return parts;
}

/** Human words for a draw key ("3/14/2026", "an undated block"). */
export function describeDraw(draw: string | undefined): string {
  if (!draw) return 'no date';
  const base = draw.replace(/~earlier\d*$/, '');
  if (base.startsWith('date:')) {
    const [y, m, d] = base.slice(5).split('-');
    return y === '?' ? `${m}/${d}` : `${m}/${d}/${y}`;
  }
  return 'no date';
}

// ---------------------------------------------------------------------------
// Document geometry: lines, paragraphs, dates

class Geometry {
  readonly lineStarts: number[] = [0];
  private paraStart: Int32Array;
  private dateCache = new Map<number, { start: number; end: number; key: string }[]>();
  private headerCache = new Map<number, string | null>();
  private vitalsCache = new Map<number, boolean>();
  private urineCache = new Map<number, number>();
  private sectionStarts: number[];

  constructor(
    readonly norm: string,
    sections: Section[],
  ) {
    let i = norm.indexOf('\n');
    while (i !== -1) {
      this.lineStarts.push(i + 1);
      i = norm.indexOf('\n', i + 1);
    }
    this.paraStart = new Int32Array(this.lineStarts.length).fill(-1);
    this.sectionStarts = sections.map((s) => s.start).sort((a, b) => a - b);
  }

  /** The line of the last lookup: values are mostly looked up in order. */
  private lineHint = 0;
  lineOf(offset: number): number {
    const ls = this.lineStarts;
    const h = this.lineHint;
    if (h < ls.length && ls[h]! <= offset) {
      if (h + 1 >= ls.length || ls[h + 1]! > offset) return h;
      if (h + 2 >= ls.length || ls[h + 2]! > offset) return (this.lineHint = h + 1);
    }
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.lineHint = lo);
  }
  lineStart(line: number): number {
    return this.lineStarts[line]!;
  }
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    let end = next === undefined ? this.norm.length : next - 1;
    if (end > 0 && this.norm.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineText(line: number): string {
    return this.norm.slice(this.lineStart(line), this.lineEnd(line));
  }
  /** Whether "urine" is written earlier on the line of `offset` (cached per line: one search per line, not per value). */
  urineBefore(offset: number): boolean {
    const line = this.lineOf(offset);
    let at = this.urineCache.get(line);
    if (at === undefined) {
      const m = /urine/i.exec(this.lineText(line));
      at = m ? this.lineStart(line) + m.index : -1;
      this.urineCache.set(line, at);
    }
    return at >= 0 && at + 5 <= offset;
  }
  /** Whether the line mentions vital signs (cached: a pasted report can hold thousands of "P 5" on one line). */
  hasVitals(line: number): boolean {
    let v = this.vitalsCache.get(line);
    if (v === undefined) {
      v = VITALS_RE.test(this.lineText(line));
      this.vitalsCache.set(line, v);
    }
    return v;
  }
  isBlank(line: number): boolean {
    return /^\s*$/.test(this.lineText(line));
  }
  paragraphOf(line: number): number {
    let l = line;
    while (l > 0 && this.paraStart[l] === -1 && !this.isBlank(l - 1)) l--;
    const start = this.paraStart[l] !== -1 ? this.paraStart[l]! : l;
    for (let k = l; k <= line; k++) this.paraStart[k] = start;
    return start;
  }
  private paraKeys = new Map<number, string>();
  /** Draw key of the undated block (paragraph) holding `line`: one shared string per paragraph. */
  paragraphKey(line: number): string {
    const start = this.paragraphOf(line);
    let key = this.paraKeys.get(start);
    if (key === undefined) {
      key = `para:${this.lineStart(start)}`;
      this.paraKeys.set(start, key);
    }
    return key;
  }
  sectionOf(offset: number): number {
    const s = this.sectionStarts;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  datesOnLine(line: number): { start: number; end: number; key: string }[] {
    let hits = this.dateCache.get(line);
    if (hits) return hits;
    hits = [];
    const text = this.lineText(line);
    if (/\d/.test(text)) {
      const base = this.lineStart(line);
      DATE_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = DATE_RE.exec(text))) {
        const key = dateKey(m);
        if (key) hits.push({ start: base + m.index, end: base + m.index + m[0].length, key });
      }
    }
    this.dateCache.set(line, hits);
    return hits;
  }
  /** The date of a header line ("Labs 3/14/2026:", "03/14/2026"), or null if the line is not one. */
  headerDate(line: number): string | null {
    const cached = this.headerCache.get(line);
    if (cached !== undefined) return cached;
    let result: string | null = null;
    const dates = this.datesOnLine(line);
    if (dates.length === 1) {
      const text = this.lineText(line);
      const base = this.lineStart(line);
      const rest = (text.slice(0, dates[0]!.start - base) + text.slice(dates[0]!.end - base))
        .replace(/\b(?:labs?|laboratory|results?|bloods?|blood work|bloodwork|chemistry|chem|BMP|CMP|panel|drawn|collected|on|at|from|dated|of|serum|values?|today|admission|visit|follow-up|date)\b/gi, '')
        .replace(/[\s:#*_\-–()[\]|,.]+/g, '');
      if (rest.length <= 12 && !/\d{1,}[.,]\d/.test(rest)) result = dates[0]!.key;
    }
    this.headerCache.set(line, result);
    return result;
  }
  /** Nearest header date above `line` in the same section (at most 60 lines up), or null. */
  headerAbove(line: number, offset: number): string | null {
    const memo = this.aboveCache.get(line);
    if (memo !== undefined) return memo;
    const section = this.sectionOf(offset);
    let result: string | null = null;
    for (let l = line - 1; l >= 0 && l >= line - 60; l--) {
      if (this.sectionStarts.length && this.sectionOf(this.lineStart(l)) !== section) break;
      const h = this.headerDate(l);
      if (h) {
        result = h;
        break;
      }
      // Reuse the answer of a line above when it is in the same section.
      const above = this.aboveCache.get(l);
      if (above !== undefined && l >= line - 60 + 1 && (!this.sectionStarts.length || this.sectionOf(this.lineStart(l)) === section)) {
        result = above;
        break;
      }
    }
    this.aboveCache.set(line, result);
    return result;
  }
  private aboveCache = new Map<number, string | null>();
}

// ---------------------------------------------------------------------------
// Extraction

interface RawValue {
  analyte: Analyte;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  value: number | string;
  unit: string | null;
  /** Offset of the written unit (the text there is the unit as written). */
  unitStart?: number;
  comparator: LabValue['comparator'];
  attachedDate?: string;
  /** An earlier value written after the current one ("previously 9.4"). */
  earlier?: boolean;
  trendIndex?: number; // 0 for the first of a trend, increasing; the last is current
  trendLength?: number;
  inheritedUnit?: string | null;
  result?: LabValue['result'];
}

export interface FindLabOptions {
  /** Skip the assertion callback (faster) when the caller does not need it. */
  assertions?: boolean;
}

/**
 * Every laboratory value in `text`, sorted by start. `assertionOf` gives the ConText
 * assertion of a span; `sections` bound dated blocks (a date header does not reach
 * into the next section).
 */
export function findLabValues(text: string, assertionOf: (start: number, end: number) => Assertion, sections: Section[]): LabValue[] {
  const norm = normalizeForScan(text);
  const geo = new Geometry(norm, sections);
  const raws: RawValue[] = [];
  let consumedTo = 0;
  const re = NAME_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let pendingQual: { analyte: Analyte; start: number; end: number }[] = [];
  let pendingQualEnd = -1;
  while ((m = re.exec(norm))) {
    const nameStart = m.index;
    const nameEnd = nameStart + m[0].length;
    // A name ending in a letter directly followed by "+"/"-" belongs to a longer form we do not know.
    const entry = lookup(m[0], true);
    if (!entry || !entry.analyte) {
      if (entry && !entry.analyte) consumedTo = Math.max(consumedTo, nameEnd);
      continue;
    }
    const a = entry.analyte;
    if (nameStart < consumedTo) continue;

    if (a.kind === 'qualitative') {
      if (pendingQualEnd >= 0 && !QUAL_LIST_GAP(norm, pendingQualEnd, nameStart)) pendingQual = [];
      const got = readQualitative(norm, a, nameStart, nameEnd, pendingQual, raws, consumedTo);
      if (got === 'pending') {
        pendingQual.push({ analyte: a, start: nameStart, end: nameEnd });
        pendingQualEnd = nameEnd;
      } else {
        pendingQual = [];
        pendingQualEnd = -1;
        if (got > 0) {
          consumedTo = got;
          re.lastIndex = got;
        }
      }
      continue;
    }
    if (entry.numberOnly || entry.exact === 'P') {
      // A bare "P" is phosphate only right before a number, and never among vital signs.
      const line = geo.lineOf(nameStart);
      if (geo.hasVitals(line)) continue;
    }

    const end = readQuantitative(norm, geo, a, entry, nameStart, nameEnd, raws, consumedTo);
    if (end > 0) {
      consumedTo = end;
      re.lastIndex = end;
    }
  }

  raws.sort((x, y) => x.start - y.start);
  const labs: LabValue[] = [];
  for (const r of raws) {
    const lab = finish(text, geo, r, assertionOf);
    // A bare "P" with an impossible phosphate and no unit is a pulse or a code, not phosphate.
    if (lab.analyte === 'phosphate' && lab.implausible && !lab.unit && /^P(?![A-Za-z])/.test(lab.text)) continue;
    labs.push(lab);
  }
  harmonizeAmbiguous(labs);
  return labs;
}

const URINE_COUNTERPART: Partial<Record<AnalyteId, AnalyteId>> = { calcium: 'urine-calcium-24h', phosphate: 'urine-phosphate-24h' };

function QUAL_LIST_GAP(norm: string, from: number, to: number): boolean {
  if (to - from > 12) return false;
  return /^[ \t]*(?:,|\/|and|&|\+|or)?[ \t]*(?:(?:and|or)[ \t]+)?(?:anti-?[ \t]*)?$/i.test(norm.slice(from, to));
}

/** Reads what follows a quantitative name; pushes values; returns the end offset consumed or 0. */
function readQuantitative(
  norm: string,
  geo: Geometry,
  first: Analyte,
  entry: NameEntry,
  nameStart: number,
  nameEnd: number,
  out: RawValue[],
  consumedTo: number,
): number {
  // Slash list: "Ca/Phos 10.8/7.1", "Ca/P/Mg: 9.8/4.1/2.0 mg/dL".
  const names: { analyte: Analyte; end: number }[] = [{ analyte: first, end: nameEnd }];
  let pos = nameEnd;
  // A real list names a handful of analytes; without a cap, "Ca/Ca/Ca/…" pasted over a long
  // line would be re-read from every name in it (quadratic).
  while (names.length < MAX_SLASH_NAMES) {
    SLASH_AT.lastIndex = pos;
    if (!SLASH_AT.test(norm)) break;
    NAME_AT.lastIndex = SLASH_AT.lastIndex;
    const nm = NAME_AT.exec(norm);
    if (!nm) break;
    const e = lookup(nm[0], true);
    if (!e || !e.analyte || e.analyte.kind !== 'quantitative') break;
    pos = NAME_AT.lastIndex;
    names.push({ analyte: e.analyte, end: pos });
  }

  let p = names[names.length - 1]!.end;
  let attachedDate: string | undefined;
  FILLER_AT.lastIndex = p;
  FILLER_AT.test(norm);
  p = FILLER_AT.lastIndex;
  DATE_PREFIX_AT.lastIndex = p;
  const dp = DATE_PREFIX_AT.exec(norm);
  if (dp) {
    attachedDate = dateKey(dp) ?? undefined;
    if (attachedDate) {
      p = DATE_PREFIX_AT.lastIndex;
      FILLER_AT.lastIndex = p;
      FILLER_AT.test(norm);
      p = FILLER_AT.lastIndex;
    }
  }

  NUM_AT.lastIndex = p;
  const num = NUM_AT.exec(norm);
  if (!num) {
    if (names.length === 1 && !entry.numberOnly) return readBackward(norm, first, nameStart, nameEnd, out, consumedTo);
    return 0;
  }
  // A bare "P" must stand right before its number ("P 4.1", "P: 4.1").
  if (entry.numberOnly && names.length === 1 && !/^[ \t]*[:=]?[ \t]*$/.test(norm.slice(nameEnd, p))) return 0;
  const numbers: { raw: string; start: number; end: number; comparator: LabValue['comparator'] }[] = [];
  const numStart = num.index + num[0].length - num[2]!.length;
  numbers.push({ raw: num[2]!, start: numStart, end: NUM_AT.lastIndex, comparator: comparatorOf(num[1]) });
  let q = NUM_AT.lastIndex;
  if (names.length > 1) {
    for (let i = 1; i < names.length; i++) {
      SLASH_NUM_AT.lastIndex = q;
      const sn = SLASH_NUM_AT.exec(norm);
      if (!sn) return 0;
      numbers.push({ raw: sn[1]!, start: SLASH_NUM_AT.lastIndex - sn[1]!.length, end: SLASH_NUM_AT.lastIndex, comparator: null });
      q = SLASH_NUM_AT.lastIndex;
    }
  }

  let tail = readTail(norm, first, names.length === 1 ? first : null, q);
  // "24-h urine: calcium 412 mg/24h": a serum name with a per-24 h unit on a line about
  // urine is the 24 h urine test (without "urine" it stays an intake and is not read).
  const urine = names.length === 1 ? URINE_COUNTERPART[first.id] : undefined;
  if (!tail && urine && geo.urineBefore(nameStart)) {
    const counterpart = ANALYTE_BY_ID.get(urine)!;
    tail = readTail(norm, counterpart, counterpart, q);
    if (tail) first = counterpart;
  }
  if (!tail) return 0;
  q = tail.end;

  if (names.length > 1) {
    for (let i = 0; i < names.length; i++) {
      const a = names[i]!.analyte;
      const n = numbers[i]!;
      const unitOk = tail.unit && unitFits(a, tail.unit);
      out.push({
        analyte: a,
        start: i === 0 ? nameStart : n.start,
        end: i === names.length - 1 ? q : n.end,
        valueStart: n.start,
        valueEnd: n.end,
        value: parseNumber(n.raw),
        unit: unitOk ? tail.unit : null,
        unitStart: unitOk ? tail.unitStart : undefined,
        comparator: n.comparator,
        attachedDate: tail.date ?? attachedDate,
      });
    }
    return q;
  }

  // Single name: maybe a trend "9.1 -> 10.8 -> 11.2".
  const chain: { n: (typeof numbers)[number]; unit: string | null; unitStart?: number; end: number; date?: string }[] = [
    { n: numbers[0]!, unit: tail.unit, unitStart: tail.unitStart, end: tail.unitEnd ?? numbers[0]!.end, date: tail.date },
  ];
  for (let guard = 0; guard < 6; guard++) {
    TREND_AT.lastIndex = q;
    if (!TREND_AT.test(norm)) break;
    NUM_AT.lastIndex = TREND_AT.lastIndex;
    const tn = NUM_AT.exec(norm);
    if (!tn) break;
    const s = tn.index + tn[0].length - tn[2]!.length;
    const t = readTail(norm, first, first, NUM_AT.lastIndex);
    if (!t) break;
    chain.push({ n: { raw: tn[2]!, start: s, end: NUM_AT.lastIndex, comparator: comparatorOf(tn[1]) }, unit: t.unit, unitStart: t.unitStart, end: t.unitEnd ?? NUM_AT.lastIndex, date: t.date });
    q = t.end;
  }
  // Continuations after the current value: an earlier value ("previously 9.4", "(baseline 0.9)")
  // or another dated value ("9.2 (1/2/2026), 10.8 (3/14/2026)").
  const extra: RawValue[] = [];
  for (let guard = 0; guard < 4; guard++) {
    EARLIER_AT.lastIndex = q;
    let earlier = false;
    let at = -1;
    if (EARLIER_AT.test(norm) && EARLIER_AT.lastIndex > q) {
      earlier = true;
      at = EARLIER_AT.lastIndex;
    } else {
      NEXT_DATED_AT.lastIndex = q;
      if (NEXT_DATED_AT.test(norm)) at = NEXT_DATED_AT.lastIndex;
    }
    if (at < 0) break;
    NUM_AT.lastIndex = at;
    const en = NUM_AT.exec(norm);
    if (!en) break;
    const t = readTail(norm, first, first, NUM_AT.lastIndex);
    if (!t || (!earlier && !t.date)) break;
    const s = en.index + en[0].length - en[2]!.length;
    // A closing parenthesis of "(baseline 0.9)".
    let endQ = t.end;
    if (norm[endQ] === ')') endQ++;
    extra.push({
      analyte: first,
      start: s,
      end: t.unitEnd ?? NUM_AT.lastIndex,
      valueStart: s,
      valueEnd: NUM_AT.lastIndex,
      value: parseNumber(en[2]!),
      unit: t.unit,
      unitStart: t.unitStart,
      comparator: comparatorOf(en[1]),
      attachedDate: t.date,
      earlier,
    });
    q = endQ;
  }
  out.push(...extra);
  const lastUnit = chain[chain.length - 1]!.unit;
  chain.forEach((c, i) => {
    out.push({
      analyte: first,
      start: i === 0 ? nameStart : c.n.start,
      end: c.end,
      valueStart: c.n.start,
      valueEnd: c.n.end,
      value: parseNumber(c.n.raw),
      unit: c.unit,
      unitStart: c.unitStart,
      comparator: c.n.comparator,
      attachedDate: c.date ?? (i === 0 ? attachedDate : undefined),
      trendIndex: chain.length > 1 ? i : undefined,
      trendLength: chain.length > 1 ? chain.length : undefined,
      inheritedUnit: c.unit ? undefined : lastUnit,
    });
  });
  return q;
}

interface Tail {
  unit: string | null;
  unitStart?: number;
  unitEnd?: number;
  date?: string;
  end: number;
}

/**
 * After a number: unit, flag, reference range, attached date. Returns null when what
 * follows shows the number is not a lab value (a date, a range, a dose, an age).
 */
function readTail(norm: string, a: Analyte, single: Analyte | null, from: number): Tail | null {
  let q = from;
  let unit: string | null = null;
  let unitEnd: number | undefined;
  let unitStart: number | undefined;
  UNIT_AT.lastIndex = q;
  let u = UNIT_AT.exec(norm);
  let uEnd = UNIT_AT.lastIndex;
  if (!u) {
    TABLE_UNIT_AT.lastIndex = q;
    u = TABLE_UNIT_AT.exec(norm);
    uEnd = TABLE_UNIT_AT.lastIndex;
  }
  if (u) {
    const written = u[1]!;
    const code = normalizeUnit(written);
    if (code && single && !unitFits(single, written)) {
      // A per-day unit after a serum analyte is an intake or a dose, a concentration after
      // a 24 h urine analyte is a spot sample: either way not this analyte's value.
      return null;
    }
    if (code) {
      unit = written;
      unitStart = uEnd - u[0].length + u[0].indexOf(written);
      q = uEnd;
      unitEnd = unitStart + written.length;
    }
  } else if (single && single.measure === 'excretion') {
    BARE_EXCRETION_UNIT_AT.lastIndex = q;
    const b = BARE_EXCRETION_UNIT_AT.exec(norm);
    if (b) {
      unit = b[1]!;
      q = BARE_EXCRETION_UNIT_AT.lastIndex;
      unitEnd = q;
      unitStart = q - unit.length;
    }
  }
  if (!unit) {
    NOT_VALUE_AFTER.lastIndex = q;
    if (NOT_VALUE_AFTER.test(norm)) return null;
  }
  void a;
  let date: string | undefined;
  for (let guard = 0; guard < 4; guard++) {
    FLAG_AT.lastIndex = q;
    if (FLAG_AT.test(norm)) {
      q = FLAG_AT.lastIndex;
      continue;
    }
    RANGE_AT.lastIndex = q;
    if (RANGE_AT.test(norm)) {
      q = RANGE_AT.lastIndex;
      // "10.8 (8.6-10.2) mg/dL": the unit written after the range is the value's unit too.
      if (!unit) {
        UNIT_AT.lastIndex = q;
        const after = UNIT_AT.exec(norm);
        if (after && normalizeUnit(after[1]!) && (!single || unitFits(single, after[1]!))) {
          unit = after[1]!;
          unitStart = UNIT_AT.lastIndex - unit.length;
          q = UNIT_AT.lastIndex;
        }
      }
      continue;
    }
    DATE_AFTER_AT.lastIndex = q;
    const d = DATE_AFTER_AT.exec(norm);
    if (d && !date) {
      const key = dateKey(d);
      if (key) {
        date = key;
        q = DATE_AFTER_AT.lastIndex;
        continue;
      }
    }
    break;
  }
  return { unit, unitStart, unitEnd, date, end: q };
}

/** "10.8 mg/dL calcium": a number with a unit right before the name. */
function readBackward(norm: string, a: Analyte, nameStart: number, nameEnd: number, out: RawValue[], consumedTo: number): number {
  const from = Math.max(0, nameStart - 40, consumedTo);
  if (from >= nameStart) return 0;
  const before = norm.slice(from, nameStart);
  const m = BACK_RE.exec(before);
  if (!m) return 0;
  const written = m[3]!;
  if (!normalizeUnit(written) || !unitFits(a, written)) return 0;
  const start = from + m.index + (m[0].length - m[0].trimStart().length);
  const numIdx = from + m.index + m[0].indexOf(m[2]!, m[1] ? m[1].length : 0);
  // The number must not be glued to something before it ("3/10.8").
  const prev = norm[start - 1];
  if (prev && /[\d/.,]/.test(prev)) return 0;
  out.push({
    analyte: a,
    start,
    end: nameEnd,
    valueStart: numIdx,
    valueEnd: numIdx + m[2]!.length,
    value: parseNumber(m[2]!),
    unit: written,
    unitStart: from + m.index + m[0].lastIndexOf(written),
    comparator: comparatorOf(m[1]),
  });
  return nameEnd;
}

/** Serology: "ANA positive 1:320 speckled", "ANA, anti-dsDNA and Scl-70 negative", "positive ANA". */
function readQualitative(
  norm: string,
  a: Analyte,
  nameStart: number,
  nameEnd: number,
  pending: { analyte: Analyte; start: number; end: number }[],
  out: RawValue[],
  consumedTo = 0,
): number | 'pending' {
  // A bare exact-case "Ro", "La", "Sm", "SSA" only counts with a result or inside a list.
  let q = nameEnd;
  QUAL_FILLER_AT.lastIndex = q;
  QUAL_FILLER_AT.test(norm);
  q = QUAL_FILLER_AT.lastIndex;

  let positive: boolean | null = null;
  let word: string | null = null;
  let titre: string | undefined;
  let pattern: string | undefined;
  let valueStart = q;
  let valueEnd = q;
  let numeric: { value: number; unit: string | null; comparator: LabValue['comparator'] } | null = null;

  QUAL_RESULT_AT.lastIndex = q;
  const r = QUAL_RESULT_AT.exec(norm);
  if (r) {
    word = r[1]!.toLowerCase();
    positive = /neg|-ve|\(-\)|not|undetect|non/.test(word) ? false : /equivocal|indeterminate|borderline/.test(word) ? null : true;
    valueStart = r.index;
    valueEnd = QUAL_RESULT_AT.lastIndex;
    q = valueEnd;
  }
  // Titre, possibly after "at" / "with a titre of".
  const afterWord = /[ \t]*(?:,|;)?[ \t]*(?:\(|with[ \t]+)?/y;
  afterWord.lastIndex = q;
  afterWord.test(norm);
  TITRE_RE.lastIndex = afterWord.lastIndex;
  const t = TITRE_RE.exec(norm);
  if (t && (word === null || positive !== false)) {
    titre = t[1]!.replace(/[ \t]+/g, '');
    if (word === null) {
      valueStart = t.index + t[0].length - t[1]!.length;
      positive = true;
    }
    valueEnd = TITRE_RE.lastIndex;
    q = valueEnd;
  }
  if (word === null && titre === undefined) {
    // Quantitative anti-dsDNA ("dsDNA 45 IU/mL").
    NUM_AT.lastIndex = q;
    const n = NUM_AT.exec(norm);
    if (n && a.conventionalUnit) {
      const s = n.index + n[0].length - n[2]!.length;
      const tail = readTail(norm, a, null, NUM_AT.lastIndex);
      if (tail && (tail.unit === null || normalizeUnit(tail.unit) === a.conventionalUnit)) {
        numeric = { value: parseNumber(n[2]!), unit: tail.unit, comparator: comparatorOf(n[1]) };
        valueStart = s;
        valueEnd = tail.unitEnd ?? NUM_AT.lastIndex;
        q = tail.end;
      }
    }
  }
  if (word !== null || titre !== undefined) {
    const window = norm.slice(q, Math.min(norm.length, q + 40));
    const stop = window.search(/[.;\n]|\b(?:and|but)\b/);
    const pm = PATTERN_RE.exec(stop >= 0 ? window.slice(0, stop) : window);
    if (pm) {
      pattern = pm[1]!.toLowerCase().replace(/homogenous/, 'homogeneous');
      const pmEnd = q + pm.index + pm[0].length;
      const patWord = /[ \t]+pattern/y;
      patWord.lastIndex = pmEnd;
      q = patWord.test(norm) ? patWord.lastIndex : pmEnd;
      if (q - valueEnd < 25) valueEnd = q;
    }
  }

  if (word === null && titre === undefined && numeric === null) {
    // Result written before the name: "positive ANA", "negative for anti-Scl-70".
    // Never a word already read as another value's result ("anti-Scl-70 negative ANA"): values must not overlap.
    const before = norm.slice(Math.max(0, nameStart - 24, consumedTo), nameStart);
    const b = QUAL_BEFORE_RE.exec(before);
    if (b && !(a.exactNames ?? []).includes(norm.slice(nameStart, nameEnd))) {
      const w = b[1]!.toLowerCase();
      const pos = !/neg|-ve/.test(w);
      const bs = nameStart - before.length + b.index;
      out.push(qualRaw(a, bs, nameEnd, bs, bs + b[1]!.length, pos ? 'positive' : 'negative', { positive: pos }));
      return nameEnd;
    }
    // Maybe a list continues: "ANA, anti-dsDNA and anti-Scl-70 were negative".
    if (QUAL_LIST_GAP_AHEAD(norm, nameEnd)) return 'pending';
    return 0;
  }

  if (numeric) {
    out.push({
      analyte: a,
      start: nameStart,
      end: valueEnd,
      valueStart,
      valueEnd: valueStart + String(norm.slice(valueStart).match(/^[\d.,]+/)?.[0] ?? '').length,
      value: numeric.value,
      unit: numeric.unit,
      comparator: numeric.comparator,
    });
    return q;
  }
  const value = titre ?? (positive === true ? 'positive' : positive === false ? 'negative' : word ?? 'equivocal');
  const result: NonNullable<LabValue['result']> = { positive };
  if (titre) result.titre = titre;
  if (pattern) result.pattern = pattern;
  for (const p of pending) out.push(qualRaw(p.analyte, p.start, p.end, valueStart, valueEnd, positive === true ? 'positive' : positive === false ? 'negative' : value, { positive }));
  out.push(qualRaw(a, nameStart, valueEnd, valueStart, valueEnd, value, result));
  return q;
}

function QUAL_LIST_GAP_AHEAD(norm: string, from: number): boolean {
  QUAL_LIST_SEP_AT.lastIndex = from;
  if (!QUAL_LIST_SEP_AT.test(norm)) return false;
  NAME_AT.lastIndex = QUAL_LIST_SEP_AT.lastIndex;
  const n = NAME_AT.exec(norm);
  if (!n) {
    // "anti-" prefix before a bare name ("anti-Ro")
    return /^[ \t]*anti[-‐ ]?/i.test(norm.slice(QUAL_LIST_SEP_AT.lastIndex, QUAL_LIST_SEP_AT.lastIndex + 8));
  }
  const e = lookup(n[0], false);
  return !!e && !!e.analyte && e.analyte.kind === 'qualitative';
}

function qualRaw(a: Analyte, start: number, end: number, vs: number, ve: number, value: string, result: NonNullable<LabValue['result']>): RawValue {
  return { analyte: a, start, end, valueStart: vs, valueEnd: ve, value, unit: null, comparator: null, result };
}

/** Whether a written unit measures what the analyte is measured in. */
export function unitFits(a: Analyte, written: string): boolean {
  const code = normalizeUnit(written);
  if (!code) return false;
  const cls = unitClass(code);
  switch (a.measure) {
    case 'concentration':
      return cls === 'concentration';
    case 'excretion':
      return cls === 'excretion' || cls === 'amount';
    case 'activity':
      return cls === 'activity' || (cls === 'arbitrary' && !!a.aliasUnits?.[code]);
    case 'serology':
      return code === a.conventionalUnit;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Finishing: conversions, plausibility, draws, assertions

function finish(text: string, geo: Geometry, r: RawValue, assertionOf: (s: number, e: number) => Assertion): LabValue {
  const a = r.analyte;
  const line = geo.lineOf(r.start);
  const assertion = assertionOf(r.start, r.end);

  // Draw: a date attached to the value, else one on its line, else a date header above,
  // else the paragraph (an undated block).
  let draw = r.attachedDate;
  if (!draw) {
    const dates = geo.datesOnLine(line);
    let best: string | undefined;
    // Dates are sorted and disjoint: the last one ending before the value, else the first one
    // after it. Binary search, as a pasted line can hold thousands of dated values.
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]!.end <= r.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) best = dates[lo - 1]!.key;
    else for (let k = lo; k < dates.length; k++) if (dates[k]!.start >= r.end) {
      best = dates[k]!.key;
      break;
    }
    draw = best ?? geo.headerAbove(line, r.start) ?? geo.paragraphKey(line);
  }
  let superseded = false;
  if (r.trendIndex !== undefined && r.trendLength !== undefined && r.trendIndex < r.trendLength - 1 && !r.attachedDate) {
    draw = `${draw}~earlier${r.trendLength - 1 - r.trendIndex}`;
  }
  if (r.trendIndex !== undefined && r.trendLength !== undefined && r.trendIndex < r.trendLength - 1) superseded = true;
  if (r.earlier) {
    superseded = true;
    if (!r.attachedDate) draw = `${draw}~earlier0`;
  }

  const labText = text.slice(r.start, r.end);
  const unit = r.unit !== null && r.unitStart !== undefined ? text.slice(r.unitStart, r.unitStart + r.unit.length) : r.unit;
  // One literal with every common key, `draw` included, so V8 allocates the object once;
  // the rare serology result and superseded flag are added after.
  const lab: LabValue = {
    text: labText,
    start: r.start,
    end: r.end,
    line,
    character: r.start - geo.lineStart(line),
    analyte: a.id,
    value: r.value,
    unit,
    comparator: r.comparator,
    conventional: null,
    si: null,
    assertion,
    valueStart: r.valueStart,
    valueEnd: r.valueEnd,
    unitAssumed: false,
    draw,
  };
  if (r.result) lab.result = r.result;
  if (superseded) lab.superseded = true;

  if (typeof r.value === 'number' && a.kind === 'quantitative') resolveUnits(lab, a, r);
  else if (typeof r.value === 'number' && r.unit) {
    const code = normalizeUnit(r.unit);
    if (code) lab.conventional = { value: r.value, unit: code };
  }
  return lab;
}

/** Whether 1 in the conventional unit is 1 in the SI unit (bicarbonate mEq/L = mmol/L), by analyte. */
const SAME_NUMBER = new Map<Analyte, boolean>();
function sameNumberInBothUnits(a: Analyte): boolean {
  let same = SAME_NUMBER.get(a);
  if (same === undefined) {
    same = !!a.conventionalUnit && !!a.siUnit && convert(1, a.conventionalUnit, a.siUnit, substanceOf(a)) === 1;
    SAME_NUMBER.set(a, same);
  }
  return same;
}

function toConventional(a: Analyte, value: number, code: string): number | null {
  if (!a.conventionalUnit) return null;
  const alias = a.aliasUnits?.[code];
  return convert(value, alias ?? code, a.conventionalUnit, substanceOf(a));
}

function fill(lab: LabValue, a: Analyte, value: number, code: string): void {
  const conv = toConventional(a, value, code);
  if (conv !== null && a.conventionalUnit) lab.conventional = { value: conv, unit: a.conventionalUnit };
  if (a.siUnit) {
    const si = convert(value, a.aliasUnits?.[code] ?? code, a.siUnit, substanceOf(a));
    if (si !== null) lab.si = { value: si, unit: a.siUnit };
  }
}

function rangeText(a: Analyte, range: [number, number]): string {
  const conv = `${trim(range[0])}–${trim(range[1])}${a.conventionalUnit ? ` ${displayUnit(a.conventionalUnit)}` : ''}`;
  if (!a.siUnit || !a.conventionalUnit || a.siUnit === a.conventionalUnit) return conv;
  const lo = convert(range[0], a.conventionalUnit, a.siUnit, substanceOf(a));
  const hi = convert(range[1], a.conventionalUnit, a.siUnit, substanceOf(a));
  if (lo === null || hi === null) return conv;
  return `${conv} (${trim(lo)}–${trim(hi)} ${displayUnit(a.siUnit)})`;
}
function trim(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? String(Number(n.toFixed(1))) : String(Number(n.toFixed(2)));
}

function resolveUnits(lab: LabValue, a: Analyte, r: RawValue): void {
  const value = r.value as number;
  if (a.measure === 'ph') {
    if (a.plausible && (value < a.plausible[0] || value > a.plausible[1])) {
      lab.implausible = `A pH of ${value} is outside what a living patient can have (we expect about ${a.plausible[0]}–${a.plausible[1]}); check for a typing error.`;
    }
    return;
  }
  if (r.unit) {
    const code = normalizeUnit(r.unit);
    if (!code) return;
    fill(lab, a, value, code);
    checkPlausible(lab, a, value, code);
    return;
  }
  if (r.inheritedUnit) {
    const code = normalizeUnit(r.inheritedUnit);
    if (code) {
      fill(lab, a, value, code);
      lab.unitAssumed = true;
      lab.unitAssumedReason = `No unit was written on this earlier value; it is read in ${displayUnit(code)}, the unit written on the later value of the same trend.`;
      checkPlausible(lab, a, value, code);
      return;
    }
  }
  if (!a.conventionalUnit) return;
  // Units where both systems give the same number (bicarbonate mEq/L = mmol/L) need no assumption.
  if (a.siUnit && sameNumberInBothUnits(a)) {
    fill(lab, a, value, a.conventionalUnit);
    checkPlausible(lab, a, value, a.conventionalUnit);
    return;
  }
  const inf = a.inference;
  if (!inf || !a.siUnit) {
    if (a.plausible && a.conventionalUnit && a.siUnit) {
      const asSi = convert(value, a.siUnit, a.conventionalUnit, substanceOf(a));
      const convOk = value >= a.plausible[0] && value <= a.plausible[1];
      const siOk = asSi !== null && asSi >= a.plausible[0] && asSi <= a.plausible[1];
      if (!convOk && !siOk) lab.implausible = `${value} is not a possible ${a.name.toLowerCase()} in ${displayUnit(a.conventionalUnit)} or in ${displayUnit(a.siUnit)} (we expect about ${rangeText(a, a.plausible)}); check the number and its unit.`;
      else lab.ambiguousUnit = `No unit was written, and ${value} could be ${displayUnit(a.conventionalUnit)} or ${displayUnit(a.siUnit)} for ${a.label}.`;
    } else if (a.plausible && a.conventionalUnit && (value < a.plausible[0] || value > a.plausible[1])) {
      lab.implausible = `${value} is outside what is possible for ${a.name.toLowerCase()} in ${displayUnit(a.conventionalUnit)} (we expect about ${rangeText(a, a.plausible)}); check the number and its unit.`;
    }
    return;
  }
  const inConv = value >= inf.conventional[0] && value <= inf.conventional[1];
  const inSi = value >= inf.si[0] && value <= inf.si[1];
  if (inConv && !inSi) {
    fill(lab, a, value, a.conventionalUnit);
    lab.unitAssumed = true;
    const si = lab.si ? `${formatNumber(lab.si.value)} ${displayUnit(a.siUnit)}` : null;
    lab.unitAssumedReason = `No unit was written. ${value} only makes sense for ${a.label} in ${displayUnit(a.conventionalUnit)}${si ? ` (${si})` : ''}; as ${displayUnit(a.siUnit)} it would be impossible.`;
    checkPlausible(lab, a, value, a.conventionalUnit);
  } else if (inSi && !inConv) {
    fill(lab, a, value, a.siUnit);
    lab.unitAssumed = true;
    const conv = lab.conventional ? `${formatNumber(lab.conventional.value)} ${displayUnit(a.conventionalUnit)}` : null;
    lab.unitAssumedReason = `No unit was written. ${value} only makes sense for ${a.label} in ${displayUnit(a.siUnit)}${conv ? ` (${conv})` : ''}; as ${displayUnit(a.conventionalUnit)} it would be impossible.`;
    checkPlausible(lab, a, value, a.siUnit);
  } else if (inConv && inSi) {
    lab.ambiguousUnit = `No unit was written, and ${value} is possible for ${a.label} both in ${displayUnit(a.conventionalUnit)} and in ${displayUnit(a.siUnit)}.`;
  } else {
    lab.implausible = `${value} is not a possible ${a.name.toLowerCase()} in either unit: we expect about ${rangeText(a, a.plausible ?? inf.conventional)}. It may be a typing error or a different test.`;
  }
}

function checkPlausible(lab: LabValue, a: Analyte, value: number, code: string): void {
  if (!a.plausible || !lab.conventional) return;
  const c = lab.conventional.value;
  if (c >= a.plausible[0] && c <= a.plausible[1]) return;
  let hint = '';
  // Would the number make sense in the other unit system?
  if (a.conventionalUnit && a.siUnit && a.conventionalUnit !== a.siUnit) {
    const other = code === a.siUnit || convert(1, code, a.siUnit, substanceOf(a)) === 1 ? a.conventionalUnit : a.siUnit;
    const asOther = toConventional(a, value, other);
    if (asOther !== null && asOther >= a.plausible[0] && asOther <= a.plausible[1] && other !== code) {
      hint = ` It looks like a value in ${displayUnit(other)}${other === a.siUnit ? ` (${value} ${displayUnit(other)} = ${formatNumber(asOther)} ${displayUnit(a.conventionalUnit)})` : ''}.`;
    }
  }
  lab.implausible = `${value} ${lab.unit ? displayUnit(normalizeUnit(lab.unit) ?? lab.unit) : displayUnit(code)} is not a possible ${a.name.toLowerCase()} (we expect about ${rangeText(a, a.plausible)}).${hint || ' Check the number and its unit.'}`;
}

/**
 * An ambiguous unitless value takes the unit system of the other values written in the
 * same draw (e.g. "Ca 10.8, Phos 3.2": calcium is clearly mg/dL, so phosphate is read in mg/dL).
 */
function harmonizeAmbiguous(labs: LabValue[]): void {
  const systemByDraw = new Map<string, 'conventional' | 'si' | 'mixed'>();
  for (const l of labs) {
    if (!l.draw || !l.conventional || !l.si || l.implausible || l.ambiguousUnit) continue;
    const a = ANALYTE_BY_ID.get(l.analyte as Analyte['id']);
    if (!a || !a.conventionalUnit || !a.siUnit || sameNumberInBothUnits(a)) continue;
    let sys: 'conventional' | 'si' | null = null;
    if (l.unit) {
      const code = normalizeUnit(l.unit);
      sys = code === a.siUnit ? 'si' : code === a.conventionalUnit ? 'conventional' : null;
    } else if (l.unitAssumed && typeof l.value === 'number') {
      sys = Math.abs(l.si.value - l.value) < 1e-9 ? 'si' : 'conventional';
    }
    if (!sys) continue;
    const prev = systemByDraw.get(l.draw);
    systemByDraw.set(l.draw, prev && prev !== sys ? 'mixed' : sys);
  }
  for (const l of labs) {
    if (!l.ambiguousUnit || !l.draw || typeof l.value !== 'number') continue;
    const sys = systemByDraw.get(l.draw);
    if (sys !== 'conventional' && sys !== 'si') continue;
    const a = ANALYTE_BY_ID.get(l.analyte as Analyte['id'])!;
    const code = sys === 'si' ? a.siUnit! : a.conventionalUnit!;
    fill(l, a, l.value, code);
    l.unitAssumed = true;
    delete l.ambiguousUnit;
    l.unitAssumedReason = `No unit was written and ${l.value} fits both unit systems; it is read in ${displayUnit(code)} because the other values of the same draw are written in ${sys === 'si' ? 'SI units' : 'conventional units'}.`;
    checkPlausible(l, a, l.value, code);
  }
}
