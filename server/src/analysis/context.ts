// ConText-style assertions (Harkema et al. 2009): is a mention negated, uncertain,
// in the past, hypothetical, or about someone other than the patient?
//
// createAssertionContext(text, sections) returns a function of a span. Work is
// lazy: a sentence is found (by scanning outwards from the span) and parsed only
// when a mention falls inside it, and each parsed sentence is cached, so a
// document with thousands of mentions costs one pass over the sentences that
// hold them. The trigger lexicon (knowledge/contextTriggers.ts) is compiled once
// at module load into a word-keyed table; no regex is built per call.

import { doubled } from './buffers';
import { PLAIN_ASSERTION, type Assertion, type Section } from './types';
import { sectionAt } from './sections';
import { CONTEXT_TRIGGERS, type ModifierKind, type TriggerDirection } from '../knowledge/contextTriggers';

// ── Lexicon compilation ────────────────────────────────────────────────────

interface CompiledTrigger {
  kind: ModifierKind | 'pseudo' | 'terminate';
  direction: TriggerDirection;
  maxWords: number;
  clause: boolean;
  /** For terminators: bit mask of the kinds whose scope it ends. */
  endsMask: number;
}

interface PhraseEntry {
  /** Token ids (see VOCAB) of the phrase. */
  ids: number[];
  triggers: CompiledTrigger[];
  /** Kinds (bit mask) whose scope this phrase ends. */
  terminatesMask: number;
  /**
   * True when the phrase is a trigger, or begins with one ("no" in a longer phrase): a mention
   * starting inside the phrase is then reached by that beginning (see resolve).
   */
  actsAsTrigger: boolean;
}

const KIND_BIT: Record<ModifierKind, number> = {
  negated: 1,
  possible: 2,
  historical: 4,
  hypothetical: 8,
  'other-experiencer': 16,
};
const ALL_KINDS = 31;

// Tokens: a word is a run of letters/digits (an apostrophe between two of them
// stays inside: "didn't", "patient's"); any other visible character is a token of
// its own. Text is scanned by character code and words are looked up by a hash in
// a typed-array table, so scanning allocates nothing for the many words that are
// not part of any trigger.

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates (emoji): punctuation-like
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff) return false;
  return true;
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}
function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c;
}

/** Character classes for the scanner, for every UTF-16 code unit: one table load per character. */
const SPACE = 0;
const WORD = 1;
const APOS = 2;
const OTHER = 3;
const CHAR_CLASS: Uint8Array = (() => {
  // Every code unit outside these ranges is a letter (see isWordCode): classifying only the
  // ranges, not all 65,536 units one by one, saves about 4 ms of server start-up.
  const t = new Uint8Array(65536).fill(WORD);
  const notAllLetters = [[0, 127], [0xa0, 0xa0], [0x2000, 0x206f], [0x3000, 0x3000], [0xd800, 0xdfff], [0xfeff, 0xfeff]];
  for (const [from, to] of notAllLetters) {
    for (let c = from; c <= to; c++) t[c] = isSpaceCode(c) ? SPACE : isWordCode(c) ? WORD : isApostrophe(c) ? APOS : OTHER;
  }
  return t;
})();
/** Characters that may end a sentence (checked further by isSentenceEnd). */
const MAY_END = new Uint8Array(128);
for (const ch of '.!?;\n)') MAY_END[ch.charCodeAt(0)] = 1;
/** ASCII lower-casing table (other code units map to themselves, ’ to '). */
const LOWER = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) LOWER[c] = c;
for (let c = 65; c <= 90; c++) LOWER[c] = lowerCode(c);
LOWER[0x2019] = lowerCode(0x2019);

/** Splits a trigger phrase into tokens by the same rules the scanner applies to text. */
function tokenizePhrase(phrase: string): string[] {
  const out: string[] = [];
  const p = phrase.toLowerCase();
  let i = 0;
  while (i < p.length) {
    const c = p.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
    } else if (isWordCode(c)) {
      const ws = i;
      while (i < p.length && (isWordCode(p.charCodeAt(i)) || (isApostrophe(p.charCodeAt(i)) && i + 1 < p.length && isWordCode(p.charCodeAt(i + 1))))) i++;
      out.push(p.slice(ws, i));
    } else {
      out.push(p[i]);
      i++;
    }
  }
  return out;
}

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

/** Every distinct token of the lexicon; a token's id is its index. */
const VOCAB: string[] = [];
const HASH_KEYS = new Int32Array(1 << TABLE_BITS);
/** Word id + 1 per slot (0 = empty). */
const HASH_IDS = new Int32Array(1 << TABLE_BITS);
/** Id of a single-character (punctuation) token, by char code < 128; -1 when none. */
const PUNCT_ID = new Int32Array(128).fill(-1);

function wordHash(s: string, from: number, to: number): number {
  let h = FNV_BASIS;
  for (let i = from; i < to; i++) h = Math.imul(h ^ lowerCode(s.charCodeAt(i)), FNV_PRIME);
  return h;
}

function tokenId(tok: string, add: boolean): number {
  const c = tok.charCodeAt(0);
  if (!isWordCode(c)) {
    if (c >= 128) return -1;
    if (PUNCT_ID[c] < 0 && add) {
      PUNCT_ID[c] = VOCAB.length;
      VOCAB.push(tok);
    }
    return PUNCT_ID[c];
  }
  const h = wordHash(tok, 0, tok.length);
  for (let slot = h & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const id = HASH_IDS[slot] - 1;
    if (id < 0) {
      if (!add) return -1;
      HASH_KEYS[slot] = h;
      HASH_IDS[slot] = VOCAB.length + 1;
      VOCAB.push(tok);
      return VOCAB.length - 1;
    }
    if (HASH_KEYS[slot] === h && VOCAB[id] === tok) return id;
  }
}

/** Phrase entries by the id of their first token, longest first. */
const BY_FIRST_TOKEN: PhraseEntry[][] = (() => {
  // Parentheses are tokens too: they bound the scope of the triggers inside them.
  tokenId('(', true);
  tokenId(')', true);
  const byPhrase = new Map<string, PhraseEntry>();
  for (const trig of CONTEXT_TRIGGERS) {
    const tokens = tokenizePhrase(trig.phrase);
    if (tokens.length === 0) continue;
    const ids = tokens.map((t) => tokenId(t, true));
    if (ids.some((id) => id < 0)) continue;
    const key = ids.join(' ');
    let entry = byPhrase.get(key);
    if (!entry) {
      entry = { ids, triggers: [], terminatesMask: 0, actsAsTrigger: false };
      byPhrase.set(key, entry);
    }
    const endsMask = trig.kind === 'terminate' ? (trig.ends ? trig.ends.reduce((m, k) => m | KIND_BIT[k], 0) : ALL_KINDS) : 0;
    entry.terminatesMask |= endsMask;
    if (trig.kind === 'terminate') continue;
    entry.triggers.push({
      kind: trig.kind,
      direction: trig.direction ?? 'forward',
      maxWords: trig.maxWords ?? Number.POSITIVE_INFINITY,
      clause: !!trig.clause,
      endsMask,
    });
  }
  for (const entry of byPhrase.values()) {
    for (let len = 1; len <= entry.ids.length && !entry.actsAsTrigger; len++) {
      const prefix = byPhrase.get(entry.ids.slice(0, len).join(' '));
      entry.actsAsTrigger = prefix !== undefined && prefix.triggers.length > 0;
    }
  }
  const table: PhraseEntry[][] = VOCAB.map(() => []);
  for (const entry of byPhrase.values()) table[entry.ids[0]].push(entry);
  for (const list of table) list.sort((a, b) => b.ids.length - a.ids.length);
  return table;
})();
const OPEN_PAREN = PUNCT_ID[40];
const CLOSE_PAREN = PUNCT_ID[41];

/** Id of the word text[from, to) in the lexicon, or -1. */
function lookupWord(text: string, from: number, to: number, h: number): number {
  const len = to - from;
  for (let slot = h & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const id = HASH_IDS[slot] - 1;
    if (id < 0) return -1;
    if (HASH_KEYS[slot] !== h) continue;
    const w = VOCAB[id];
    if (w.length !== len) continue;
    let same = true;
    for (let k = 0; k < len; k++) {
      if (LOWER[text.charCodeAt(from + k)] !== w.charCodeAt(k)) {
        same = false;
        break;
      }
    }
    if (same) return id;
  }
}

// ── Section defaults ───────────────────────────────────────────────────────

/** Sections whose content is, by default, about the past. */
// Social history (habits) and allergies describe what was there before this
// encounter, which is what ConText calls historical.
const HISTORICAL_SECTIONS = new Set(['pmh', 'psh', 'social-history', 'allergies']);
/** Sections whose content is, by default, about someone else. */
const OTHER_EXPERIENCER_SECTIONS = new Set(['family-history']);

// ── Sentence boundaries ────────────────────────────────────────────────────

/** How far to look for a sentence boundary on either side of a mention. */
const MAX_REACH = 1000;
/**
 * In a "sentence" with no boundary within MAX_REACH (pasted text without punctuation), how far
 * on either side of a mention its triggers are read. A cue in clinical text rarely reaches more
 * than a few words, so some 30 words is generous; and a window per mention keeps such text
 * linear to read (a sentence cut at the reach of one mention cannot serve another).
 */
const WINDOW_REACH = 250;

/** Words after which a period does not end a sentence even before a capital. */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'mt', 'sr', 'jr', 'vs', 'approx', 'e.g', 'i.e', 'fig', 'dept', 'pt', 'pts', 'no', 'nos', 'ca', 'cf', 'inc', 'ref',
]);
/** Words that, ending a line, show the sentence goes on on the next line. */
const CONTINUING_WORDS = new Set(['and', 'or', 'of', 'with', 'without', 'the', 'a', 'an', 'to', 'for', 'in', 'on', 'at', 'by', 'no', 'not', 'denies', 'nor', 'but', 'as', 'from', 'than']);

function isSpace(c: number): boolean {
  return isSpaceCode(c);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Does the character at i end a sentence? */
function isSentenceEnd(text: string, i: number): boolean {
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

// ── Parsed sentences ───────────────────────────────────────────────────────

interface Hit {
  start: number;
  end: number;
  entry: PhraseEntry;
  /** Offsets of the parentheses enclosing the hit (-1 / NO_PAREN when none). */
  parenOpen: number;
  parenClose: number;
}

/**
 * Sentences an assertion context keeps by default (a 1 MB note has ~17,500, a 10 MB one
 * ~175,000: 30 MB if all were kept). A caller asking about terms and then about lab values
 * goes over the text twice and finds most sentences of the second pass still here.
 */
const CACHE_MAX = 32768;

/** The hits of every sentence without a trigger (never modified). */
const NO_HITS: Hit[] = [];

/** Past every offset (a small integer, so a hit's fields stay unboxed). */
const NO_PAREN = 0x7fffffff;

interface ParsedSentence {
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
let SCRATCH_IDS: Int32Array = new Int32Array(1024);
let SCRATCH_STARTS: Int32Array = new Int32Array(1024);
let SCRATCH_ENDS: Int32Array = new Int32Array(1024);
let SCRATCH_ORDINALS: Int32Array = new Int32Array(1024);
let scratchCount = 0;

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
let scanStoppedAtEnd = false;
/** Set by scanSentence: did the mention [ms, me) hold a sentence end, which the scan passed over? */
let scanPassedEndInMention = false;

/**
 * Tokenises text from `from` until a sentence end, keeping the lexicon's tokens in
 * the scratch buffers. Ends inside the mention [ms, me) do not count. Returns the
 * offset of the end (the terminator's offset), or `limit`. An end before `ms`
 * means the sentence holds no part of the mention; the caller moves on.
 */
function scanSentence(text: string, from: number, ms: number, me: number, limit: number): number {
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
let droppedTerminators = false;
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
function buildSentence(start: number, end: number, endIsBoundary: boolean, keepTerminators: boolean): ParsedSentence {
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

/** The longest phrase whose tokens are ids[k..] (consecutive in the text), using tokens before `limit` only. */
function longestEntryAt(ids: Int32Array, ordinals: Int32Array, k: number, limit: number): PhraseEntry | undefined {
  const candidates = BY_FIRST_TOKEN[ids[k]];
  for (const entry of candidates) {
    const len = entry.ids.length;
    if (k + len > limit) continue;
    let ok = true;
    for (let j = 1; j < len; j++) {
      if (ids[k + j] !== entry.ids[j] || ordinals[k + j] !== ordinals[k] + j) {
        ok = false;
        break;
      }
    }
    if (ok) return entry;
  }
  return undefined;
}

/** Are there more than `max` words in text[from, to)? Stops counting early. */
function moreWordsThan(text: string, from: number, to: number, max: number): boolean {
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
function commaBetween(text: string, from: number, to: number): boolean {
  const k = text.indexOf(',', from);
  return k >= 0 && k < to;
}

// ── The assertion function ─────────────────────────────────────────────────

export type AssertionOf = (start: number, end: number) => Assertion;

/**
 * `keepSentences`: how many parsed sentences to keep at most. A caller that asks in the order
 * of the text (assertInOrder.ts) only comes back to the last few.
 */
export function createAssertionContext(text: string, sections: Section[], keepSentences = CACHE_MAX): AssertionOf {
  /** Parsed sentences, sorted by start (mentions usually come in order, so this is mostly appended). */
  const cache: ParsedSentence[] = [];

  /** Index of the last sentence looked up (mentions mostly come in order). */
  let lastIdx = -1;
  /** Set once sentences were dropped from the cache (a huge note): it is a window, not a record. */
  let evicted = false;
  /** The section of the last lookup. */
  let lastSection: Section | undefined;
  /** The last list line whose carry was worked out (the next item's walk up stops there). */
  const listMemo: ListMemo = { line: -1, carry: 0, header: -1 };

  /** The section holding `offset` (sections never overlap, so the last one is checked first). */
  function sectionOf(offset: number): Section | undefined {
    const last = lastSection;
    if (last !== undefined && offset >= last.start && offset < last.end) return last;
    return (lastSection = sectionAt(sections, offset));
  }

  /** upperBoundStart(cache, x) - 1, trying the last index and the next one before a search. */
  function cacheIndex(x: number): number {
    const n = cache.length;
    for (let k = lastIdx; k >= 0 && k < n && k <= lastIdx + 1; k++) {
      if (cache[k].start <= x && (k + 1 === n || cache[k + 1].start > x)) return k;
    }
    return upperBoundStart(cache, x) - 1;
  }

  /** Does offset i fall between two letters of one word? */
  function splitsWord(i: number): boolean {
    return CHAR_CLASS[text.charCodeAt(i - 1)] === WORD && CHAR_CLASS[text.charCodeAt(i)] === WORD;
  }

  /** [noEndFrom, noEndTo): text known to hold no sentence end (empty at first). */
  let noEndFrom = 0;
  let noEndTo = 0;

  /**
   * The span's own window in a sentence longer than the reach: from the sentence's start
   * `s`, or WINDOW_REACH before the span when that is later, to the sentence's end or
   * WINDOW_REACH after the span. A window never begins or ends inside a word. Not cached:
   * no other span has the same window.
   */
  function windowAround(ms: number, me: number, s: number, secEnd: number): ParsedSentence {
    let ws = Math.max(s, ms - WINDOW_REACH);
    if (ws > s) while (ws < ms && splitsWord(ws)) ws++;
    let we = Math.max(me, Math.min(secEnd, me + WINDOW_REACH));
    while (we < secEnd && splitsWord(we)) we++;
    const e = scanSentence(text, ws, ms, me, we);
    return buildSentence(ws, e, false, false);
  }

  function sentenceFor(ms: number, me: number, section: Section | undefined): ParsedSentence {
    // A sentence never crosses a section header.
    const secStart = section ? section.start : 0;
    const secEnd = section ? section.end : text.length;
    // The sentence of a span is found from the span alone: its start is the last sentence end
    // before it (at most MAX_REACH back), its end the first one after it (at most MAX_REACH on),
    // within its section. The answer for a span must not depend on which spans were asked
    // about before (the incremental analysis asks about fewer of them), so a cached sentence
    // is this span's only when the span, on its own, would have found the same bounds. (Only
    // sentences with both bounds are cached; a span without one gets a window of its own.)
    const limit = Math.max(me, Math.min(secEnd, me + MAX_REACH));
    const idx = cacheIndex(ms);
    if (idx >= 0) {
      const c = cache[idx];
      // (The span's own search reads the characters in [ms - MAX_REACH, limit): an end at `limit`
      // itself, or the end just before ms - MAX_REACH, is out of its reach.)
      const sameStart = c.start > ms - MAX_REACH || (c.start === secStart && c.start >= ms - MAX_REACH);
      const sameEnd = c.end < limit || (c.end === limit && limit === secEnd);
      if (c.start <= ms && me <= c.end && c.start >= secStart && c.end <= secEnd && sameStart && sameEnd) {
        lastIdx = idx;
        return c;
      }
    }
    let s: number;
    const prev = idx >= 0 ? cache[idx] : undefined;
    if (prev && prev.endIsBoundary && prev.end < ms && ms - prev.end <= MAX_REACH) {
      // Mentions mostly come in order: walk on from the end of the previous sentence
      // (or from the section start when that sentence ended before this section).
      // (A sentence cut at its section's end stops at this section's start, not one after.)
      s = prev.end <= secStart ? secStart : prev.end + 1;
    } else {
      s = ms;
      const minS = Math.max(secStart, ms - MAX_REACH);
      let found = false;
      while (s > minS) {
        if (s === noEndTo && noEndFrom <= minS) {
          s = minS; // the rest is known to hold no sentence end
          break;
        }
        const c = text.charCodeAt(s - 1);
        if (c < 128 && MAY_END[c] === 1 && isSentenceEnd(text, s - 1)) {
          found = true;
          break;
        }
        s--;
      }
      // Remember the stretch [s, ms) just read without a sentence end (joined to the one known
      // before when no end was found): in text without punctuation every mention would
      // otherwise read its MAX_REACH characters back again.
      noEndFrom = !found && noEndTo >= s ? Math.min(noEndFrom, s) : s;
      noEndTo = ms;
      if (!found && s !== secStart) return windowAround(ms, me, s, secEnd);
    }
    let e = scanSentence(text, s, ms, me, limit);
    while (e < ms) {
      s = e + 1;
      e = scanSentence(text, s, ms, me, limit);
    }
    const endIsBoundary = scanStoppedAtEnd || e === secEnd;
    if (!endIsBoundary) return windowAround(ms, me, s, secEnd);
    // A mention wrapped over a sentence end ("dystrophic" at a line's end, "Calcinosis"
    // opening the next) joins two sentences for itself alone: not cached, as another span
    // in either half would otherwise be given the joined sentence.
    const joinsTwo = scanPassedEndInMention;
    let parsed = buildSentence(s, e, endIsBoundary, false);
    const dropped = droppedTerminators;
    // (listCarry may parse a header line above, reusing the scratch buffers.)
    const carry = listCarry(text, s, secStart, listMemo);
    if (carry !== 0) {
      if (dropped) {
        // Terminators end a carried kind: read the sentence again and keep them (list items only).
        scanSentence(text, s, ms, me, limit);
        parsed = buildSentence(s, e, endIsBoundary, true);
      }
      parsed.carry = carry;
      parsed.carryEnd = listItemsEnd(text, s, e);
    }
    if (joinsTwo) return parsed;
    if (idx + 1 === cache.length) cache.push(parsed);
    else if (evicted) {
      // Asked again from further up (the labs after the terms of a huge note): forget the
      // sentences below, so that what follows appends instead of shifting a large array.
      cache.length = idx + 1;
      cache.push(parsed);
    } else cache.splice(idx + 1, 0, parsed);
    lastIdx = idx + 1;
    // Keep the cache bounded: mentions come in order, so sentences far behind the one just
    // parsed are rarely asked for again (a sentence not in the cache is parsed again, to the
    // same result).
    if (cache.length > keepSentences && lastIdx > keepSentences / 2) {
      const drop = lastIdx - Math.floor(keepSentences / 4);
      cache.splice(0, drop);
      lastIdx -= drop;
      evicted = true;
    }
    return parsed;
  }

  return (start: number, end: number): Assertion => {
    if (!(end > start) || start < 0 || end > text.length) return PLAIN_ASSERTION;
    const section = sectionOf(start);
    const sent = sentenceFor(start, end, section);
    let found = resolve(text, sent, start, end);
    if (sent.carry !== 0 && start < sent.carryEnd) found |= carriedKinds(sent, start);
    let temporality: Assertion['temporality'] = 'current';
    if (found & KIND_BIT.hypothetical) temporality = 'hypothetical';
    else if (found & KIND_BIT.historical) temporality = 'historical';
    else if (section && start >= section.contentStart && HISTORICAL_SECTIONS.has(section.kind)) temporality = 'historical';
    const possible = (found & KIND_BIT.possible) !== 0;
    const experiencerOther =
      (found & KIND_BIT['other-experiencer']) !== 0 || (section !== undefined && OTHER_EXPERIENCER_SECTIONS.has(section.kind));
    return internedAssertion((found & KIND_BIT.negated) !== 0 && !possible, possible, temporality, experiencerOther);
  };
}

// There are only 24 assertions (2 × 2 × 3 × 2): each is one shared, frozen object, so a
// note with hundreds of thousands of mentions holds no assertion objects of its own.
const TEMPORALITIES: Assertion['temporality'][] = ['current', 'historical', 'hypothetical'];
const INTERNED: Assertion[] = [];
for (let k = 0; k < 24; k++) {
  INTERNED.push(
    k === 0
      ? PLAIN_ASSERTION
      : (Object.freeze({
          negated: (k & 1) !== 0,
          possible: (k & 2) !== 0,
          temporality: TEMPORALITIES[(k >> 2) % 3],
          experiencer: k >= 12 ? 'other' : 'patient',
        }) as Assertion),
  );
}

/** The shared frozen assertion with these values (never mutate an assertion: copy it). */
export function internedAssertion(negated: boolean, possible: boolean, temporality: Assertion['temporality'], otherExperiencer: boolean): Assertion {
  const t = temporality === 'current' ? 0 : temporality === 'historical' ? 1 : 2;
  return INTERNED[(negated ? 1 : 0) + (possible ? 2 : 0) + t * 4 + (otherExperiencer ? 12 : 0)];
}

function upperBoundStart(a: ParsedSentence[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid].start <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bit mask of the modifier kinds whose triggers reach the span [ms, me). */
function resolve(text: string, sent: ParsedSentence, ms: number, me: number): number {
  const hits = sent.hits;
  let found = 0;
  // Index of the first hit at or after the mention's end.
  let after = 0;
  while (after < hits.length && hits[after].start < me) after++;
  // Hits before the mention: forward triggers.
  let before = after - 1;
  while (before >= 0 && hits[before].end > ms) {
    const cut = hits[before];
    if (cut.start < ms) {
      // A phrase that runs into the mention ("no change" before the mention "change in
      // vision"): its words before the mention may still be a trigger ("no").
      // (Rare: re-scan the phrase's words before the mention.)
      scanSentence(text, cut.start, cut.start, ms, ms);
      let limit = 0;
      while (limit < scratchCount && SCRATCH_ENDS[limit] <= ms) limit++;
      const entry = limit > 0 ? longestEntryAt(SCRATCH_IDS, SCRATCH_ORDINALS, 0, limit) : undefined;
      if (entry) {
        const end = SCRATCH_ENDS[entry.ids.length - 1];
        found |= forwardKinds(text, { ...cut, entry, end }, ms, hits, before, before, found);
      }
    }
    before--; // skip hits overlapping the mention
  }
  for (let h = before; h >= 0; h--) {
    found |= forwardKinds(text, hits[h], ms, hits, h + 1, before + 1, found);
  }
  // Hits after the mention: backward triggers.
  for (let h = after; h < hits.length; h++) {
    const hit = hits[h];
    if (me <= hit.parenOpen) continue;
    for (const trig of hit.entry.triggers) {
      if (trig.direction === 'forward' || trig.kind === 'pseudo' || trig.kind === 'terminate') continue;
      const bit = KIND_BIT[trig.kind];
      if (found & bit) continue;
      if (terminated(hits, after, h, bit)) continue;
      if (trig.maxWords !== Number.POSITIVE_INFINITY && moreWordsThan(text, me, hit.start, trig.maxWords)) continue;
      if (trig.clause && commaBetween(text, me, hit.start)) continue;
      found |= bit;
    }
  }
  return found;
}

/** Kinds of the forward triggers of `hit` that reach a mention starting at ms; hits[from, to) lie between. */
function forwardKinds(text: string, hit: Hit, ms: number, hits: Hit[], from: number, to: number, found: number): number {
  if (ms >= hit.parenClose) return 0;
  let add = 0;
  for (const trig of hit.entry.triggers) {
    if (trig.direction === 'backward' || trig.kind === 'pseudo' || trig.kind === 'terminate') continue;
    const bit = KIND_BIT[trig.kind];
    if ((found | add) & bit) continue;
    if (terminated(hits, from, to, bit)) continue;
    if (trig.maxWords !== Number.POSITIVE_INFINITY && moreWordsThan(text, hit.end, ms, trig.maxWords)) continue;
    if (trig.clause && commaBetween(text, hit.end, ms)) continue;
    add |= bit;
  }
  return add;
}

// ── Cues written as a list header ──────────────────────────────────────────
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

interface ListMemo {
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
function listCarry(text: string, s: number, secStart: number, memo: ListMemo): number {
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
function listItemsEnd(text: string, s: number, e: number): number {
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
function carriedKinds(sent: ParsedSentence, ms: number): number {
  const hits = sent.hits;
  let before = 0;
  while (before < hits.length && hits[before].end <= ms) before++;
  let add = 0;
  for (let bit = 1; bit <= sent.carry; bit <<= 1) {
    if ((sent.carry & bit) !== 0 && !terminated(hits, 0, before, bit)) add |= bit;
  }
  return add;
}

/** Is there a terminator for `bit` among hits[from, to)? */
function terminated(hits: Hit[], from: number, to: number, bit: number): boolean {
  for (let k = from; k < to; k++) if (hits[k].entry.terminatesMask & bit) return true;
  return false;
}
