// The document geometry the scan asks about, computed lazily and cached per line: line
// and paragraph bounds, sections, the dates on a line, date header lines and the nearest
// header above a value, and whether a line mentions urine or vital signs.

import { lineStartsAfterNewlines } from '../lineIndex';
import type { Section } from '../types';
import { dateKey } from './dates';
import { DATE_RE } from './patterns';

/** How many lines above a value its date header may stand. */
export const HEADER_REACH_LINES = 60;

const VITALS_RE = /\b(?:BP|RR|HR|SpO2|Sp02|O2 sat|Temp|vitals?|pulse)\b/i;

export class Geometry {
  readonly lineStarts: Int32Array;
  private paraStart: Int32Array;
  // Per-line answers, indexed by line: typed arrays and plain arrays instead of maps keyed by
  // line number (a 1 MB note asks about some 30,000 lines; the maps' growth and hashing were
  // a measurable part of the lab scan).
  private dateCache: ({ start: number; end: number; key: string }[] | undefined)[];
  /** A header line's date, null when the line is not a header, undefined until asked. */
  private headerDates: (string | null | undefined)[];
  /** 0 not asked, 1 no vital signs, 2 vital signs. */
  private vitalsState: Uint8Array;
  /** Offset of "urine" on the line, -1 when none, -2 not asked. */
  private urineAt: Int32Array;
  /** The line of the header above a line, -1 when none, -2 not asked. */
  private aboveLine: Int32Array;
  private sectionStarts: number[];

  /** `lineStarts`, when given, must be the starts of `norm`'s lines split at \n (norm keeps the text's line breaks). */
  constructor(
    readonly norm: string,
    sections: Section[],
    lineStarts?: Int32Array,
  ) {
    this.lineStarts = lineStarts ?? lineStartsAfterNewlines(norm);
    const n = this.lineStarts.length;
    this.paraStart = new Int32Array(n).fill(-1);
    this.vitalsState = new Uint8Array(n);
    this.urineAt = new Int32Array(n).fill(-2);
    this.aboveLine = new Int32Array(n).fill(-2);
    // Sized up front, so that writing line 20,000 first does not make a sparse (dictionary) array.
    this.dateCache = new Array(n);
    this.headerDates = new Array(n);
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
    let at = this.urineAt[line]!;
    if (at === -2) {
      const m = /urine/i.exec(this.lineText(line));
      at = m ? this.lineStart(line) + m.index : -1;
      this.urineAt[line] = at;
    }
    return at >= 0 && at + 5 <= offset;
  }
  /** Whether the line mentions vital signs (cached: a pasted report can hold thousands of "P 5" on one line). */
  hasVitals(line: number): boolean {
    const known = this.vitalsState[line]!;
    if (known !== 0) return known === 2;
    const v = VITALS_RE.test(this.lineText(line));
    this.vitalsState[line] = v ? 2 : 1;
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
    let hits = this.dateCache[line];
    if (hits) return hits;
    hits = [];
    // Every date has a digit (a day at least): a line without one needs no slice and no regex.
    if (this.hasDigit(line)) {
      const text = this.lineText(line);
      const base = this.lineStart(line);
      DATE_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = DATE_RE.exec(text))) {
        const key = dateKey(m);
        if (key) hits.push({ start: base + m.index, end: base + m.index + m[0].length, key });
      }
    }
    this.dateCache[line] = hits;
    return hits;
  }
  private hasDigit(line: number): boolean {
    const norm = this.norm;
    for (let i = this.lineStart(line), end = this.lineEnd(line); i < end; i++) {
      const c = norm.charCodeAt(i);
      if (c >= 48 && c <= 57) return true;
    }
    return false;
  }
  /** The date of a header line ("Labs 3/14/2026:", "03/14/2026"), or null if the line is not one. */
  headerDate(line: number): string | null {
    const cached = this.headerDates[line];
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
    this.headerDates[line] = result;
    return result;
  }
  /** Nearest header date above `line` in the same section (at most 60 lines up), or null. */
  headerAbove(line: number, offset: number): string | null {
    const found = this.headerLineAbove(line, offset);
    return found < 0 ? null : this.headerDate(found);
  }
  /**
   * The line of that header, or -1. A line above in the same section whose answer is known
   * ends the walk: its own walk covered every line from it up to 60 lines above this one, so
   * its header is this line's too when it lies within this line's 60 lines. (The answer
   * must not depend on which lines were asked about before: the incremental analysis reads
   * a slice starting only 60 lines above what it re-reads.)
   */
  private headerLineAbove(line: number, offset: number): number {
    const section = this.sectionOf(offset);
    // A section that begins on this line, before the value, has no lines above it. (This also
    // keeps the memo below to values in the section of the line's start, whose walks agree.)
    // The last section start at or before the value is that section's own.
    if (section > 0 && this.sectionStarts[section - 1]! > this.lineStart(line)) return -1;
    const memo = this.aboveLine[line]!;
    if (memo !== -2) return memo;
    const highest = line - HEADER_REACH_LINES;
    let result = -1;
    for (let l = line - 1; l >= 0 && l >= highest; l--) {
      if (this.sectionStarts.length && this.sectionOf(this.lineStart(l)) !== section) break;
      if (this.headerDate(l)) {
        result = l;
        break;
      }
      const above = this.aboveLine[l]!;
      if (above !== -2) {
        result = above >= highest ? above : -1;
        break;
      }
    }
    this.aboveLine[line] = result;
    return result;
  }
}
