// Incremental analysis: after an edit, re-analyse only the paragraphs around it and
// keep everything else, shifted by the edit. The result always equals a full
// re-analysis of the new text (a property test checks this on random notes and edits).
//
// Why the kept parts stay right:
//  - Terms: the matcher scans left to right and can resume at any token it would have
//    visited (TermMatcher.scan). The region starts at a paragraph start with enough words
//    before the edit that no form can reach from before it into the edit, and ends where
//    the new scan and the old one stand on the same token again after the edit.
//  - Assertions: a sentence never crosses a blank line, so a mention separated from the
//    edit by an unchanged blank line keeps its sentence; its section is kept as well
//    (when the edit changes a header, the region grows over the text whose section changed).
//  - Labs: extraction is local to a paragraph except for the date header above a value
//    (at most 60 lines up, in the same section) and the unit harmonisation of values of
//    the same draw. The region's labs are read from a slice that starts 60+ lines above
//    it; when the edit could change a date header, or the line count, the region reaches
//    61 lines below it; when harmonisation could cross the region's border, the draws it
//    crosses are harmonised again over all their values (harmonizeAgain in labs/finish.ts).
//  - Products and findings are made again over a slice of the values around the edit, and
//    kept elsewhere (finishEdit.ts says why that is exact); over all values when the slice
//    would be most of them, or when values outside the region were harmonised again.

import { analyzeText, completeAnalysis, completeAnalysisSteps, DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './analyze';
import { NOT_YET_ASSERTED, assertInOrder, inOrderContext } from './assertInOrder';
import { createAssertionContext, type AssertionOf } from './context';
import { findLabValues, normalizeForScan } from './labs';
import { finishEditedAnalysis, type LabsChange } from './finishEdit';
import { dependsOnDraw, harmonizeAgain } from './labs/finish';
import { HEADER_REACH_LINES as LAB_HEADER_REACH } from './labs/geometry';
import { LineIndex, hasLineBreak } from './lineIndex';
import { TermMentionsBuilder, type TermMentions } from './mentions';
import { findSections } from './sections';
import { byStart, lowerBound } from './sorted';
import { PLAIN_ASSERTION, type Analysis, type LabValue, type Section } from './types';
import { matcherFor, pushMention } from './vocabulary';

/** One replacement: `removed` characters at `offset` become `inserted`. Offsets in UTF-16 units. */
export interface TextEdit {
  offset: number;
  removed: number;
  inserted: string;
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.inserted + text.slice(edit.offset + edit.removed);
}

/**
 * The one edit that turns `a` into `b`: their common prefix and suffix are kept. O(n) but
 * compares long runs at once, so it costs far less than analysing the text.
 */
export function diffTexts(a: string, b: string): TextEdit {
  const max = Math.min(a.length, b.length);
  let p = 0;
  // Jump over equal blocks, then finish character by character.
  for (let step = 4096; step >= 1; step >>= 3) {
    while (p + step <= max && a.slice(p, p + step) === b.slice(p, p + step)) p += step;
  }
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // Never split a surrogate pair.
  if (p > 0 && p < max && isHighSurrogate(a.charCodeAt(p - 1))) p--;
  let s = 0;
  const maxS = max - p;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (s + step <= maxS && a.slice(a.length - s - step, a.length - s) === b.slice(b.length - s - step, b.length - s)) s += step;
  }
  while (s < maxS && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && s < maxS && isLowSurrogate(a.charCodeAt(a.length - s))) s--;
  return { offset: p, removed: a.length - p - s, inserted: b.slice(p, b.length - s) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export interface UpdateOptions extends Partial<AnalysisOptions> {
  /** Texts shorter than this are simply re-analysed in full (default 8192 characters). */
  fullBelow?: number;
  /**
   * Reuse `prev`: its arrays and the mentions and values after the edit are updated in
   * place instead of copied, which spares the garbage collector tens of thousands of
   * objects per keystroke in a long note. `prev` then describes the new text; use only
   * when nothing else holds it (the note store replaces its note at once).
   */
  inPlace?: boolean;
  /** The line index of the previous text, if the caller keeps one: most edits then only move its lines. */
  lines?: LineIndex;
  /**
   * The edited text, if the caller has it already (the editor's copy): it is used instead of a
   * second copy made here, which in a note of megabytes is a copy of megabytes per keystroke.
   */
  text?: string;
}

export interface Update {
  text: string;
  analysis: Analysis;
  /** Line index of the new text. */
  lines: LineIndex;
  /** True when the whole text was analysed again. */
  full: boolean;
  /** The re-analysed region of the new text (terms), for measurements. */
  region: [number, number];
  /** True when the products and findings were made over a slice of the values (finishEdit.ts), not all. */
  finishedInSlice: boolean;
}

/** Anything labs/ could read as a date (a superset: digits joined by - / or ., or a month name next to a number). */
const DATE_LIKE = /\d[-/]\d|\d{1,2}\.\d{1,2}\.\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d|\d[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** Lines above a lab value in which labs/ looks for a date header, and one more. */
const HEADER_REACH_LINES = LAB_HEADER_REACH + 1;

/**
 * The analysis of `applyEdit(prevText, edit)`, given the analysis of `prevText` made with
 * the same options. Never mutates `prev`.
 */
export function updateAnalysis(prevText: string, prev: Analysis, edit: TextEdit, options: UpdateOptions = {}): Update {
  const opts: AnalysisOptions = { ...DEFAULT_ANALYSIS_OPTIONS, ...options };
  const given = options.text;
  const text = given !== undefined && given.length === prevText.length + edit.inserted.length - edit.removed ? given : applyEdit(prevText, edit);
  const full = (): Update => {
    const lines = new LineIndex(text);
    return { text, analysis: analyzeText(text, opts, lines), lines, full: true, region: [0, text.length], finishedInSlice: false };
  };
  if (text.length < (options.fullBelow ?? 8192)) return full();

  const off = edit.offset;
  const oldEnd = off + edit.removed;
  const newEnd = off + edit.inserted.length;
  const delta = edit.inserted.length - edit.removed;

  // ── Sections: headers are found line by line, so only the edited lines can change. ──
  const ls = lineStartAt(text, off);
  const oldLinesEnd = lineEndAt(prevText, oldEnd);
  const newLinesEnd = oldLinesEnd + delta;
  const { sections: newSections, changed: sectionsChanged } = updateSections(prev.sections, text, ls, oldLinesEnd, newLinesEnd, off, oldEnd, delta, options.inPlace === true);

  const lines = options.lines ? LineIndex.afterEdit(options.lines, prevText, text, off, edit.removed, edit.inserted) : new LineIndex(text);
  const editedText = prevText.slice(lineStartAt(prevText, off), oldLinesEnd) + text.slice(ls, newLinesEnd);
  // A date header reaches the values up to 60 lines below it: if the edited lines hold
  // (or held) a date, or lines were added or removed, the region reaches that far down.
  // (Dates are looked for as labs/ reads them: dashes, no-break spaces and full-width digits made ASCII.)
  const reachBelow = sectionsChanged || DATE_LIKE.test(normalizeForScan(editedText)) || hasLineBreak(edit.inserted, 0, edit.inserted.length) || hasLineBreak(prevText, off, oldEnd);

  // ── The region: whole paragraphs around the edit, with a margin paragraph each side. ──
  const matcher = matcherFor(opts.customTerms);
  // A form read from before d0 spans at most `depth` words, then looks 16 characters on.
  const minTokens = matcher.depth + 1;
  let d0 = paragraphStart(text, off);
  // Go up a paragraph at a time until minTokens words lie between d0 and 20 characters before
  // the edit. Only the first minTokens + 1 word starts after d0 matter, and each paragraph passed
  // is read once (reading from d0 to the edit at every step made blank lines quadratic).
  let firstStarts = tokenStarts(text, d0, off, minTokens + 1);
  do {
    if (d0 === 0) break;
    const up = paragraphStart(text, d0 - 1);
    firstStarts = tokenStarts(text, up, d0, minTokens + 1).concat(firstStarts).slice(0, minTokens + 1);
    d0 = up;
  } while (d0 > 0 && off - (firstStarts.length > minTokens ? firstStarts[minTokens] : off) < 20);
  let d1 = skipBlankLines(text, paragraphEnd(text, newEnd));
  d1 = paragraphEnd(text, d1);
  if (reachBelow) d1 = Math.max(d1, paragraphEnd(text, linesDown(text, newEnd, HEADER_REACH_LINES)));
  if (sectionsChanged) {
    // Everything up to the first header after the edited lines may have changed section.
    const next = newSections.find((s) => s.start >= newLinesEnd);
    d1 = Math.max(d1, paragraphEnd(text, next ? next.start : text.length));
  }

  // ── Terms ──
  const oldTerms = prev.terms;
  // Start at a token the old scan visited: not inside an old match.
  let i0 = oldTerms.firstAtOrAfter(d0);
  if (i0 > 0 && oldTerms.ends[i0 - 1]! > d0) {
    i0--;
    d0 = oldTerms.starts[i0]!;
  }
  const assertionOf = createAssertionContext(text, newSections);
  const scanned = matcher.scan(text, d0, d1);
  const rawTerms = scanned.matches;
  let next = scanned.next;
  // Continue until both scans stand on the same token after the edit.
  while (next < text.length && !(next > newEnd && visitedByOldScan(oldTerms, next - delta))) {
    const step = matcher.scan(text, next, next + 1);
    rawTerms.push(...step.matches);
    next = step.next;
  }
  const inPlace = options.inPlace === true;
  const place = placer(lines, newEnd);
  const keepFrom = oldTerms.firstAtOrAfter(next - delta);
  const fresh = new TermMentionsBuilder(rawTerms.length);
  for (const m of rawTerms) pushMention(fresh, text, m.concept, m.start, m.end, assertionOf, lines);
  const terms = inPlace ? oldTerms : oldTerms.copy();
  terms.replace(i0, keepFrom, fresh.build(), delta, place);

  // ── Labs ──
  const { labs, change } = updateLabs(inPlace, prev.labs, text, newSections, assertionOf, paragraphStart(text, d0), paragraphEnd(text, Math.max(d1, next)), off, delta, place);

  const sliced = change && finishEditedAnalysis(text, lines, newSections, terms, labs, opts, prev, change, delta, inPlace);
  const analysis = sliced ?? completeAnalysis(text, lines, newSections, terms, labs, opts);
  return { text, analysis, lines, full: false, region: [d0, Math.max(d1, next)], finishedInSlice: !!sliced };
}

// ── Sections ───────────────────────────────────────────────────────────────

/**
 * The sections of the new text, and whether the headers on the edited lines changed. Headers
 * are found line by line (sections.ts), so the edited lines (with the line break after them)
 * are read again and the headers elsewhere kept, moved by the edit. In place, the old
 * sections are moved rather than copied (a long note has thousands).
 */
function updateSections(
  old: Section[],
  text: string,
  ls: number,
  oldLinesEnd: number,
  newLinesEnd: number,
  off: number,
  oldEnd: number,
  delta: number,
  inPlace: boolean,
): { sections: Section[]; changed: boolean } {
  const sliceSections = findSections(text.slice(ls, newLinesEnd), ls === 0);
  const a = firstAtOrAfter(old, ls);
  const b = firstAtOrAfter(old, oldLinesEnd);
  let changed = b - a !== sliceSections.length;
  const inEdit = (x: number): number => (x < off ? x : x >= oldEnd ? x + delta : -1);
  for (let k = 0; k < sliceSections.length && !changed; k++) {
    const o = old[a + k];
    const n = sliceSections[k];
    if (o.kind !== n.kind || o.title !== n.title || inEdit(o.start) !== n.start + ls || inEdit(o.contentStart) !== n.contentStart + ls) changed = true;
  }
  // Headers above the edited lines keep their offsets (their content starts on their own
  // line or the next, so at most at the first edited line); those below move.
  const out: Section[] = inPlace ? old : old.map((s) => ({ ...s }));
  for (let k = b; k < out.length; k++) {
    out[k].start += delta;
    out[k].contentStart += delta;
  }
  // Headers on the edited lines: the slice's, at their offsets in the new text.
  const read = sliceSections.map((s) => ({ ...s, start: s.start + ls, contentStart: s.contentStart + ls }));
  let sections = out;
  if (changed) sections = out.slice(0, a).concat(read, out.slice(b));
  else {
    for (let k = 0; k < read.length; k++) {
      out[a + k].start = read[k].start;
      out[a + k].contentStart = read[k].contentStart;
    }
  }
  for (let k = 0; k < sections.length; k++) sections[k].end = k + 1 < sections.length ? sections[k + 1].start : text.length;
  return { sections, changed };
}

// ── Labs ───────────────────────────────────────────────────────────────────

function updateLabs(
  inPlace: boolean,
  oldLabs: LabValue[],
  text: string,
  sections: Section[],
  assertionOf: AssertionOf,
  w0: number,
  w1: number,
  off: number,
  delta: number,
  place: (item: { line: number; character: number }, newStart: number) => void,
): { labs: LabValue[]; change: LabsChange | null } {
  const fullLabs = () => ({ labs: findLabValues(text, assertionOf, sections), change: null });
  // Region [w0, w1) of the new text; the same region in the old text is [w0, w1 - delta).
  const w1Old = w1 - delta;
  const a = firstAtOrAfter(oldLabs, w0);
  const b = firstAtOrAfter(oldLabs, w1Old);
  // A value running over the region's border (never seen: values do not cross blank lines).
  if ((a > 0 && oldLabs[a - 1].end > w0) || (b > 0 && oldLabs[b - 1].end > w1Old)) {
    return fullLabs();
  }
  const fresh = labsInRegion(text, sections, assertionOf, w0, w1);
  // Unit harmonisation needs the old values of the region (read before moving in place).
  const oldRegion = oldLabs.slice(a, b).map((l) => ({ risky: dependsOnDraw(l), draw: l.draw === undefined ? undefined : shiftDraw(l.draw, off, delta) }));
  // One new list: the values before the region (the old objects), the region's, the moved ones.
  // (Always a new array: caches such as caPhos's albumin list are kept by the list.)
  const labs = oldLabs.slice(0, a);
  for (const l of fresh) labs.push(l);
  const afterFrom = labs.length;
  for (let k = b; k < oldLabs.length; k++) {
    const moved = moveLab(oldLabs[k], delta, off, inPlace);
    // Placed here, as the mentions are: a sliced finish (finishEdit.ts) places only the region's values.
    place(moved, moved.start);
    labs.push(moved);
  }

  // Unit harmonisation works across a draw: a draw with values both inside and outside the
  // region, one of which takes its unit from the other values of the draw, is harmonised again.
  const inside = new Set<string>();
  for (const l of fresh) if (l.draw) inside.add(l.draw);
  for (const o of oldRegion) if (o.draw) inside.add(o.draw);
  if (inside.size > 0) {
    // Draws of the region that values outside it share, and whether one of those values depends on its draw.
    const outside = new Set<string>();
    let riskyOutside = false;
    const visit = (l: LabValue): void => {
      if (l.draw === undefined || !inside.has(l.draw)) return;
      outside.add(l.draw);
      if (!riskyOutside && dependsOnDraw(l)) riskyOutside = true;
    };
    for (let k = 0; k < a; k++) visit(labs[k]);
    for (let k = afterFrom; k < labs.length; k++) visit(labs[k]);
    if (outside.size > 0) {
      const risky = (l: LabValue) => dependsOnDraw(l) && l.draw !== undefined && outside.has(l.draw);
      if (riskyOutside || fresh.some(risky) || oldRegion.some((o) => o.risky && o.draw !== undefined && outside.has(o.draw))) {
        // Those draws are harmonised again over all their values. The values before the
        // region are the old analysis's own objects unless edited in place: copied first.
        harmonizeAgain(labs, outside, (lab, k) => (inPlace || k >= a ? lab : (labs[k] = { ...lab })));
        // Values outside the region may have changed: the products and findings are made over all of them.
        return { labs, change: null };
      }
    }
  }
  return { labs, change: { from: a, to: afterFrom, oldTo: b } };
}

/**
 * The labs that start in [w0, w1) (paragraph starts), read from a slice that begins 60+
 * lines above the region (for date headers) and ends one paragraph below it.
 */
function labsInRegion(text: string, sections: Section[], assertionOf: AssertionOf, w0: number, w1: number): LabValue[] {
  const s0 = paragraphStart(text, linesUp(text, w0, HEADER_REACH_LINES));
  const s1 = paragraphEnd(text, skipBlankLines(text, w1));
  const slice = text.slice(s0, s1);
  // Only the sections that overlap the slice: the labs reader compares the sections of lines
  // in the slice, which the others cannot change, and a huge note has tens of thousands of
  // sections that every chunk would otherwise copy and sort.
  const sliceSections: Section[] = [];
  for (let k = lowerBound(sections, s0 + 1, (x) => x.end); k < sections.length && sections[k].start < s1; k++) {
    const sec = sections[k];
    sliceSections.push({ ...sec, start: sec.start - s0, end: sec.end - s0, contentStart: sec.contentStart - s0 });
  }
  const sliceAssertion = (s: number, e: number) => (s + s0 >= w0 && s + s0 < w1 ? assertionOf(s + s0, e + s0) : PLAIN_ASSERTION);
  const fresh: LabValue[] = [];
  for (const lab of findLabValues(slice, sliceAssertion, sliceSections)) {
    if (lab.start + s0 < w0 || lab.start + s0 >= w1) continue;
    fresh.push(moveLab(lab, s0, 0, true));
  }
  return fresh;
}

/** Start of the line `k` lines (counted by \n, as labs/ counts them) above the line of `i`. */
function linesUp(text: string, i: number, k: number): number {
  let ls = lineStartAt(text, i);
  for (let n = 0; n < k && ls > 0; n++) ls = lineStartAt(text, ls - 1);
  return ls;
}

/** Start of the line `k` lines (counted by \n) below the line of `i`, or the text length. */
function linesDown(text: string, i: number, k: number): number {
  let ls = lineStartAt(text, i);
  for (let n = 0; n < k && ls < text.length; n++) ls = lineEndAt(text, ls);
  return ls;
}

/**
 * A lab moved by `by` characters (draw keys of paragraphs at or after `from`). Its line and
 * column are set afterwards by completeAnalysis, for every lab.
 */
function moveLab(lab: LabValue, by: number, from: number, inPlace: boolean): LabValue {
  const moved = inPlace ? lab : { ...lab };
  moved.start += by;
  moved.end += by;
  moved.valueStart += by;
  moved.valueEnd += by;
  if (lab.draw) moved.draw = shiftDraw(lab.draw, from, by);
  return moved;
}

/**
 * Sets the line and column of an item moved to `newStart`. Items on lines after the edit's
 * last line keep their column and all move by the same number of lines, so one lookup
 * serves them all.
 */
function placer(lines: LineIndex, newEnd: number): (item: { line: number; character: number }, newStart: number) => void {
  const endLine = lines.positionAt(newEnd).line;
  const nextLineStart = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : Infinity;
  let lineDelta: number | undefined;
  return (item, newStart) => {
    if (newStart >= nextLineStart && lineDelta !== undefined) {
      item.line += lineDelta;
      return;
    }
    const pos = lines.positionAt(newStart);
    if (newStart >= nextLineStart) lineDelta = pos.line - item.line;
    item.line = pos.line;
    item.character = pos.character;
  };
}

/** Draw keys of undated blocks carry the offset of their paragraph ("para:1234"). */
function shiftDraw(draw: string, from: number, by: number): string {
  const m = /^para:(\d+)/.exec(draw);
  if (!m) return draw;
  const at = Number(m[1]);
  return at < from ? draw : `para:${at + by}${draw.slice(m[0].length)}`;
}

// ── Text geometry ──────────────────────────────────────────────────────────

/** First index in `items` (sorted by start) whose start is >= `x`. */
const firstAtOrAfter = (items: { start: number }[], x: number) => lowerBound(items, x, byStart);

/** Is `q` a token start of the old text that the old scan stopped on (not inside an old match)? */
function visitedByOldScan(oldTerms: TermMentions, q: number): boolean {
  const k = oldTerms.firstAtOrAfter(q);
  // A match starting exactly at q is fine; one starting before and ending after q is not.
  return !(k > 0 && oldTerms.ends[k - 1]! > q);
}

/** Offset of the start of the line containing `i` (lines end with \n). */
function lineStartAt(text: string, i: number): number {
  return i <= 0 ? 0 : text.lastIndexOf('\n', i - 1) + 1;
}

/** Offset just after the \n ending the line containing `i`, or the text length. */
function lineEndAt(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n + 1;
}

/** A blank line: only spaces, tabs and carriage returns (what ends a sentence and a paragraph). */
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}

/** Start of the paragraph containing `i`: the line after the nearest blank line above, or 0. */
function paragraphStart(text: string, i: number): number {
  let ls = lineStartAt(text, i);
  while (ls > 0) {
    const prev = lineStartAt(text, ls - 1);
    if (isBlankLine(text, prev, ls)) return ls;
    ls = prev;
  }
  return 0;
}

/** Start of the first blank line at or after the line containing `i` (or the text length). */
function paragraphEnd(text: string, i: number): number {
  let ls = lineStartAt(text, Math.min(i, text.length));
  while (ls < text.length) {
    const le = lineEndAt(text, ls);
    if (isBlankLine(text, ls, le)) return ls;
    ls = le;
  }
  return text.length;
}

/** The first line start at or after `i` that begins a non-blank line (or the text length). */
function skipBlankLines(text: string, i: number): number {
  let ls = lineStartAt(text, Math.min(i, text.length));
  while (ls < text.length) {
    const le = lineEndAt(text, ls);
    if (!isBlankLine(text, ls, le)) return ls;
    ls = le;
  }
  return text.length;
}

/**
 * The starts of the first `max` words or punctuation marks in text[from, to). Counts a run of
 * non-ASCII characters as part of a word, so it never counts more tokens than the matcher sees.
 */
function tokenStarts(text: string, from: number, to: number, max: number): number[] {
  const starts: number[] = [];
  let inWord = false;
  for (let i = from; i < to && starts.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) inWord = false;
    else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 128) {
      if (!inWord) starts.push(i);
      inWord = true;
    } else {
      starts.push(i);
      inWord = false;
    }
  }
  return starts;
}

// ── Chunked analysis of a whole text ───────────────────────────────────────

export interface ChunkOptions extends Partial<AnalysisOptions> {
  /** At most about how many characters to analyse between two pauses (default 64 KiB; the first chunks are smaller, see chunkBounds and nextChunkSize). */
  chunkSize?: number;
  /** The clock that times the chunks, in milliseconds (performance.now; tests give their own). */
  now?: () => number;
  /** Called between chunks; analysis goes on when it resolves (e.g. after setImmediate). */
  pause: () => Promise<void>;
  /** Checked after each pause: true abandons the work (a newer version arrived). */
  cancelled?: () => boolean;
}

/** Size of the first chunk of a chunked analysis (the next ones double, up to chunkSize). */
export const FIRST_CHUNK = 4096;

/**
 * Where the chunks of a chunked analysis begin and end: [0, …, text.length], each bound a
 * paragraph start (or the text's end). The first chunks are small and each is about twice the
 * one before, up to `size`: in a fresh server the analysis code is not yet optimised, and a
 * first chunk of 64 KiB took 30-50 ms there (about 5 ms once warm), all of it time a waiting
 * request waited too.
 */
export function chunkBounds(text: string, size: number): number[] {
  const bounds = [0];
  let chunk = Math.min(size, FIRST_CHUNK);
  while (bounds[bounds.length - 1] < text.length) {
    bounds.push(chunkEnd(text, bounds[bounds.length - 1], chunk));
    chunk = Math.min(size, chunk * 2);
  }
  return bounds;
}

/** Where a chunk of about `chunk` characters from `prev` (a paragraph start) ends: a paragraph start, or the text's end. */
function chunkEnd(text: string, prev: number, chunk: number): number {
  let b = paragraphStart(text, Math.min(text.length, prev + chunk));
  if (b <= prev) b = skipBlankLines(text, paragraphEnd(text, Math.min(text.length, prev + chunk)));
  return b <= prev ? text.length : Math.min(b, text.length);
}

/** How long one chunk of terms and labs should take (ms): a request waiting behind it waits about as long. */
export const CHUNK_TARGET_MS = 8;

/**
 * The size of the next chunk of terms and labs, from how long the last one took: twice as
 * large while chunks take under half the target, half as large when one took more than the
 * target, between the first size and `max`. Doubling alone (chunkBounds) reached 64 KiB chunks
 * while a fresh server's code was still unoptimised, and those took 10–25 ms each.
 */
export function nextChunkSize(chunk: number, tookMs: number, max: number): number {
  const min = Math.min(max, FIRST_CHUNK);
  if (tookMs > CHUNK_TARGET_MS) return Math.max(min, Math.floor(chunk / 2));
  if (tookMs < CHUNK_TARGET_MS / 2) return Math.min(max, chunk * 2);
  return chunk;
}

/** Thrown by analyzeInChunks when `cancelled()` said so. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled: a newer version of the note arrived');
  }
}

/**
 * The same analysis as analyzeText, computed a chunk at a time (4 to 64 KiB, about 4–8 ms of
 * work each) with a pause between chunks, so a server stays responsive while a huge note is
 * analysed. Chunks end at paragraph starts; sections are found line by line (chunkBounds),
 * terms by a resumed scan and labs per paragraph run as in updateAnalysis (chunks sized by
 * nextChunkSize). Products and findings come last (they only read the labs), in steps as well.
 */
export async function analyzeInChunks(text: string, options: ChunkOptions): Promise<{ analysis: Analysis; lines: LineIndex }> {
  const opts: AnalysisOptions = { ...DEFAULT_ANALYSIS_OPTIONS, ...options };
  const size = Math.max(64, options.chunkSize ?? 64 * 1024);
  const step = async () => {
    await options.pause();
    if (options.cancelled?.()) throw new AnalysisCancelled();
  };
  const bounds = chunkBounds(text, size);
  const lines = new LineIndex(text);
  await step();

  // Sections: headers are found line by line, so each chunk can be read alone.
  const sections: Section[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    for (const s of findSections(text.slice(bounds[i], bounds[i + 1]), bounds[i] === 0)) {
      sections.push({ ...s, start: s.start + bounds[i], end: s.end + bounds[i], contentStart: s.contentStart + bounds[i] });
    }
    await step();
  }
  for (let k = 0; k < sections.length; k++) sections[k].end = k + 1 < sections.length ? sections[k + 1].start : text.length;

  // Each chunk's terms and values get their assertions together, in the order of the text.
  const assertionOf = inOrderContext(text, sections);
  const matcher = matcherFor(opts.customTerms);
  const terms = new TermMentionsBuilder();
  const labs: LabValue[] = [];
  const chunkOfLab: number[] = [];
  const now = options.now ?? (() => performance.now());
  let pos = 0;
  // Terms and labs take most of the time: their chunks are sized by how long the last one took.
  let chunk = Math.min(size, FIRST_CHUNK);
  for (let i = 0, from = 0; from < text.length; i++) {
    const started = now();
    const to = chunkEnd(text, from, chunk);
    const scanned = matcher.scan(text, pos, to);
    const t0 = terms.length;
    const l0 = labs.length;
    for (const m of scanned.matches) pushMention(terms, text, m.concept, m.start, m.end, NOT_YET_ASSERTED, lines);
    pos = scanned.next;
    for (const lab of labsInRegion(text, sections, NOT_YET_ASSERTED, from, to)) {
      labs.push(lab);
      chunkOfLab.push(i);
    }
    assertInOrder(assertionOf, terms, t0, terms.length, labs, l0, labs.length);
    chunk = nextChunkSize(chunk, now() - started, size);
    from = to;
    await step();
  }
  // Unit harmonisation across chunks: a draw seen in two chunks that holds a value whose unit
  // depends on the rest of the draw is harmonised again over all its values. Only the draws
  // of such values are followed: a map of every draw costs 10 ms at 10 MB, all of it before
  // the next pause.
  const chunkOfDependentDraw = new Map<string, number>();
  labs.forEach((l, k) => {
    if (dependsOnDraw(l) && l.draw !== undefined && !chunkOfDependentDraw.has(l.draw)) chunkOfDependentDraw.set(l.draw, chunkOfLab[k]);
  });
  const crossing = new Set<string>();
  if (chunkOfDependentDraw.size > 0) {
    labs.forEach((l, k) => {
      const first = l.draw === undefined ? undefined : chunkOfDependentDraw.get(l.draw);
      if (first !== undefined && first !== chunkOfLab[k]) crossing.add(l.draw!);
    });
  }
  // The chunks' values are this analysis's own: they are changed where they are.
  if (crossing.size > 0) harmonizeAgain(labs, crossing, (lab) => lab);
  const steps = completeAnalysisSteps(text, lines, sections, terms.build(), labs, opts);
  for (;;) {
    const next = steps.next();
    if (next.done) return { analysis: next.value, lines };
    await step();
  }
}
