// Parsing a sentence: the scanner tokenises it by the lexicon's rules and keeps the tokens that
// belong to the lexicon in scratch buffers; buildSentence turns those into the sentence's hits
// (trigger and terminator phrases, each with the parentheses around it). Both reuse module-level
// buffers, so the scan allocates only for the few sentences that hold a trigger.

import { doubled } from '../buffers';
import { APOS, CHAR_CLASS, CLOSE_PAREN, FNV_BASIS, FNV_PRIME, LOWER, OPEN_PAREN, PUNCT_ID, SPACE, WORD, longestEntryAt, lookupWord, type PhraseEntry } from './lexicon';
import { MAY_END, isSentenceEnd } from './sentenceEnds';

export interface Hit {
  start: number;
  end: number;
  entry: PhraseEntry;
  /** Offsets of the parentheses enclosing the hit (-1 / NO_PAREN when none). */
  parenOpen: number;
  parenClose: number;
}
/** The hits of every sentence without a trigger (never modified). */
const NO_HITS: Hit[] = [];

/** Past every offset (a small integer, so a hit's fields stay unboxed). */
const NO_PAREN = 0x7fffffff;

export interface ParsedSentence {
  start: number;
  end: number;
  /** False when the sentence was cut at the reach limit rather than at a real end. */
  endIsBoundary: boolean;
  hits: Hit[];
  /** Kinds carried into this sentence from a list header above it ("Denies:"); 0 for almost all. */
  carry: number;
  /** The carried kinds reach mentions that start before this offset (the end of the list lines). */
  carryEnd: number;
}

// Scratch buffers of the scanner; copied out only for sentences that are kept.
export let SCRATCH_IDS: Int32Array = new Int32Array(1024);
let SCRATCH_STARTS: Int32Array = new Int32Array(1024);
export let SCRATCH_ENDS: Int32Array = new Int32Array(1024);
export let SCRATCH_ORDINALS: Int32Array = new Int32Array(1024);
export let scratchCount = 0;

function pushToken(id: number, start: number, end: number, ordinal: number): void {
  if (scratchCount === SCRATCH_IDS.length) {
    SCRATCH_IDS = doubled(SCRATCH_IDS);
    SCRATCH_STARTS = doubled(SCRATCH_STARTS);
    SCRATCH_ENDS = doubled(SCRATCH_ENDS);
    SCRATCH_ORDINALS = doubled(SCRATCH_ORDINALS);
  }
  SCRATCH_IDS[scratchCount] = id;
  SCRATCH_STARTS[scratchCount] = start;
  SCRATCH_ENDS[scratchCount] = end;
  SCRATCH_ORDINALS[scratchCount] = ordinal;
  scratchCount++;
}
/** Set by scanSentence: did the scan stop at a real sentence end (not at the limit)? */
export let scanStoppedAtEnd = false;
/** Set by scanSentence: did the mention [ms, me) hold a sentence end, which the scan passed over? */
export let scanPassedEndInMention = false;

/**
 * Tokenises text from `from` until a sentence end, keeping the lexicon's tokens in
 * the scratch buffers. Ends inside the mention [ms, me) do not count. Returns the
 * offset of the end (the terminator's offset), or `limit`. An end before `ms`
 * means the sentence holds no part of the mention; the caller moves on.
 */
export function scanSentence(text: string, from: number, ms: number, me: number, limit: number): number {
  scratchCount = 0;
  scanStoppedAtEnd = false;
  scanPassedEndInMention = false;
  let ordinal = 0;
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    const cls = CHAR_CLASS[c];
    if (cls === WORD) {
      const ws = i;
      let h = FNV_BASIS;
      while (i < limit) {
        const d = text.charCodeAt(i);
        const dc = CHAR_CLASS[d];
        if (dc === WORD || (dc === APOS && i + 1 < limit && CHAR_CLASS[text.charCodeAt(i + 1)] === WORD)) {
          h = Math.imul(h ^ LOWER[d], FNV_PRIME);
          i++;
        } else break;
      }
      const id = lookupWord(text, ws, i, h);
      if (id >= 0) pushToken(id, ws, i, ordinal);
      ordinal++;
      continue;
    }
    if (c < 128 && MAY_END[c] === 1 && isSentenceEnd(text, i)) {
      if (i < ms || i >= me) {
        scanStoppedAtEnd = true;
        return i;
      }
      scanPassedEndInMention = true;
    }
    if (cls !== SPACE) {
      const id = c < 128 ? PUNCT_ID[c] : -1;
      if (id >= 0) pushToken(id, i, i + 1, ordinal);
      ordinal++;
    }
    i++;
  }
  return limit;
}

/** Set by buildSentence: were terminators left out (the sentence held no trigger)? */
export let droppedTerminators = false;
/** Phrases found in the sentence being built, and where (scratch, reused; only the first `found` are current). */
const FOUND_ENTRIES: PhraseEntry[] = [];
let FOUND_FIRST: Int32Array = new Int32Array(256);
let FOUND_LAST: Int32Array = new Int32Array(256);

/**
 * Builds the parsed sentence [start, end) from the scratch buffers. Without `keepTerminators`,
 * a sentence whose only phrases are terminators (every comma is one) keeps no hits: a
 * terminator only ends the scope of a trigger, so with no trigger in the sentence it changes no
 * answer, and an object per comma in every cached sentence was a fifth of the analysis's
 * allocation. A sentence that carries kinds from a list header keeps them: they end the carry.
 * (A terminator that begins with a trigger counts as a trigger here: see actsAsTrigger.)
 */
export function buildSentence(start: number, end: number, endIsBoundary: boolean, keepTerminators: boolean): ParsedSentence {
  const ids = SCRATCH_IDS;
  const starts = SCRATCH_STARTS;
  const ends = SCRATCH_ENDS;
  const n = scratchCount;
  let found = 0;
  let parens = false;
  let triggers = keepTerminators;
  for (let k = 0; k < n; ) {
    if (ids[k] === OPEN_PAREN) parens = true;
    const entry = longestEntryAt(ids, SCRATCH_ORDINALS, k, n);
    if (entry) {
      const last = k + entry.ids.length - 1;
      if (entry.actsAsTrigger) triggers = true;
      if (found === FOUND_FIRST.length) {
        FOUND_FIRST = doubled(FOUND_FIRST);
        FOUND_LAST = doubled(FOUND_LAST);
      }
      FOUND_ENTRIES[found] = entry;
      FOUND_FIRST[found] = k;
      FOUND_LAST[found] = last;
      found++;
      k = last + 1;
    } else {
      k++;
    }
  }
  droppedTerminators = !triggers && found > 0;
  // Most sentences hold no trigger: their hits array is the shared empty one, never allocated.
  let hits: Hit[] = NO_HITS;
  if (triggers && found > 0) {
    hits = new Array<Hit>(found);
    for (let h = 0; h < found; h++) {
      hits[h] = { start: starts[FOUND_FIRST[h]], end: ends[FOUND_LAST[h]], entry: FOUND_ENTRIES[h], parenOpen: -1, parenClose: NO_PAREN };
    }
  }

  // A trigger inside parentheses reaches no further than the parentheses.
  if (parens && hits !== NO_HITS) {
    const open: number[] = [];
    for (let k = 0; k < n; k++) {
      if (ids[k] === OPEN_PAREN) open.push(starts[k]);
      else if (ids[k] === CLOSE_PAREN && open.length) {
        const o = open.pop()!;
        const cl = starts[k];
        for (const h of hits) {
          if (h.start > o && h.end <= cl && o > h.parenOpen) {
            h.parenOpen = o;
            h.parenClose = cl;
          }
        }
      }
    }
  }
  // Kept sentences hold exact-size arrays, and sentences without a trigger share one empty
  // array: the cache of a 10 MB note is large.
  return { start, end, endIsBoundary, hits, carry: 0, carryEnd: 0 };
}

/** Are there more than `max` words in text[from, to)? Stops counting early. */
export function moreWordsThan(text: string, from: number, to: number, max: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const w = CHAR_CLASS[text.charCodeAt(i)] === WORD;
    if (w && !inWord && ++count > max) return true;
    inWord = w;
  }
  return false;
}

/** Is there a comma in text[from, to)? */
export function commaBetween(text: string, from: number, to: number): boolean {
  const k = text.indexOf(',', from);
  return k >= 0 && k < to;
}
