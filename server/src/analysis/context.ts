// ConText-style assertions (Harkema et al. 2009): is a mention negated, uncertain,
// in the past, hypothetical, or about someone other than the patient?
//
// createAssertionContext(text, sections) returns a function of a span. Work is
// lazy: a sentence is found (by scanning outwards from the span) and parsed only
// when a mention falls inside it, and each parsed sentence is cached, so a
// document with thousands of mentions costs one pass over the sentences that
// hold them. The trigger lexicon (knowledge/contextTriggers.ts) is compiled once
// at module load into a word-keyed table; no regex is built per call.

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
  tokens: string[];
  triggers: CompiledTrigger[];
  /** Bit masks over the entry's triggers, to test quickly. */
  terminatesMask: number;
}

const KIND_BIT: Record<ModifierKind, number> = {
  negated: 1,
  possible: 2,
  historical: 4,
  hypothetical: 8,
  'other-experiencer': 16,
};
const ALL_KINDS = 31;

/** Words are runs of letters/digits (with an inner apostrophe); any other non-space character is a token of its own. */
const TOKEN_RE = /[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]/g;

function tokenize(lower: string): string[] {
  return lower.match(TOKEN_RE) ?? [];
}

const BY_FIRST_TOKEN: Map<string, PhraseEntry[]> = (() => {
  const byPhrase = new Map<string, PhraseEntry>();
  for (const trig of CONTEXT_TRIGGERS) {
    const tokens = tokenize(trig.phrase.toLowerCase());
    if (tokens.length === 0) continue;
    const key = tokens.join(' ');
    let entry = byPhrase.get(key);
    if (!entry) {
      entry = { tokens, triggers: [], terminatesMask: 0 };
      byPhrase.set(key, entry);
    }
    const endsMask = trig.kind === 'terminate' ? (trig.ends ? trig.ends.reduce((m, k) => m | KIND_BIT[k], 0) : ALL_KINDS) : 0;
    entry.terminatesMask |= endsMask;
    entry.triggers.push({
      kind: trig.kind,
      direction: trig.direction ?? 'forward',
      maxWords: trig.maxWords ?? Number.POSITIVE_INFINITY,
      clause: !!trig.clause,
      endsMask,
    });
  }
  const map = new Map<string, PhraseEntry[]>();
  for (const entry of byPhrase.values()) {
    const list = map.get(entry.tokens[0]) ?? [];
    list.push(entry);
    map.set(entry.tokens[0], list);
  }
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return map;
})();

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

/** Words after which a period does not end a sentence even before a capital. */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'mt', 'sr', 'jr', 'vs', 'approx', 'e.g', 'i.e', 'fig', 'dept', 'pt', 'pts', 'no', 'nos', 'ca', 'cf', 'inc', 'ref',
]);
/** Words that, ending a line, show the sentence goes on on the next line. */
const CONTINUING_WORDS = new Set(['and', 'or', 'of', 'with', 'without', 'the', 'a', 'an', 'to', 'for', 'in', 'on', 'at', 'by', 'no', 'not', 'denies', 'nor', 'but', 'as', 'from', 'than']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0;
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
  let w = i;
  while (w > 0 && (isAlnum(text.charCodeAt(w - 1)) || text[w - 1] === '.')) w--;
  const word = text.slice(w, i).toLowerCase();
  // List numbering "1." at the start of a line (or after a header colon) is not an end.
  if (word.length > 0 && word.length <= 2 && /^\d+$/.test(word)) {
    let b = w - 1;
    while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
    if (b < 0 || text[b] === '\n' || text[b] === ':') return false;
  }
  if (isLower(next)) return false; // "p.o. daily", "approx. five", wrapped prose
  if (ABBREVIATIONS.has(word)) return false;
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
  /** Index of the hit's first token. */
  tok: number;
  /** Offsets of the parentheses enclosing the hit (-1 / +Infinity when none). */
  parenOpen: number;
  parenClose: number;
}

interface ParsedSentence {
  start: number;
  end: number;
  hits: Hit[];
  tokens: string[];
  /** Absolute start offset of each token. */
  starts: number[];
  /** Absolute start offset of each word token, in order (for word-distance limits). */
  wordStarts: number[];
  /** Absolute offsets of the commas. */
  commas: number[];
}

function parseSentence(text: string, start: number, end: number): ParsedSentence {
  const lower = text.slice(start, end).toLowerCase();
  const tokens: string[] = [];
  const starts: number[] = [];
  const wordStarts: number[] = [];
  const commas: number[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(lower); m; m = TOKEN_RE.exec(lower)) {
    tokens.push(m[0]);
    starts.push(start + m.index);
    if (isAlnum(m[0].charCodeAt(0))) wordStarts.push(start + m.index);
    else if (m[0] === ',') commas.push(start + m.index);
  }
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; ) {
    const candidates = BY_FIRST_TOKEN.get(tokens[i]);
    let matched: PhraseEntry | undefined;
    if (candidates) {
      for (const entry of candidates) {
        const n = entry.tokens.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n; k++) {
          if (tokens[i + k] !== entry.tokens[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          matched = entry;
          break;
        }
      }
    }
    if (matched) {
      const last = i + matched.tokens.length - 1;
      hits.push({ start: starts[i], end: starts[last] + tokens[last].length, entry: matched, tok: i, parenOpen: -1, parenClose: Infinity });
      i = last + 1;
    } else {
      i++;
    }
  }
  // A trigger inside parentheses reaches no further than the parentheses.
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '(') open.push(starts[i]);
    else if (tokens[i] === ')' && open.length) {
      const o = open.pop()!;
      const c = starts[i];
      for (const h of hits) {
        if (h.start > o && h.end <= c && o > h.parenOpen) {
          h.parenOpen = o;
          h.parenClose = c;
        }
      }
    }
  }
  return { start, end, hits, tokens, starts, wordStarts, commas };
}

/** The longest phrase made of tokens[from, to) starting at `from` (for a hit cut by a mention). */
function longestEntryWithin(tokens: string[], from: number, to: number): PhraseEntry | undefined {
  const candidates = BY_FIRST_TOKEN.get(tokens[from]);
  if (!candidates) return undefined;
  for (const entry of candidates) {
    const n = entry.tokens.length;
    if (from + n > to) continue;
    let ok = true;
    for (let k = 1; k < n; k++) {
      if (tokens[from + k] !== entry.tokens[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return entry;
  }
  return undefined;
}

/** Number of word tokens starting in [from, to). */
function wordsBetween(s: ParsedSentence, from: number, to: number): number {
  return lowerBound(s.wordStarts, to) - lowerBound(s.wordStarts, from);
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ── The assertion function ─────────────────────────────────────────────────

export type AssertionOf = (start: number, end: number) => Assertion;

export function createAssertionContext(text: string, sections: Section[]): AssertionOf {
  /** Parsed sentences, sorted by start (mentions usually come in order, so this is mostly appended). */
  const cache: ParsedSentence[] = [];

  function sentenceFor(ms: number, me: number): ParsedSentence {
    // Cached sentence containing the span?
    const idx = upperBoundStart(cache, ms) - 1;
    if (idx >= 0) {
      const c = cache[idx];
      if (c.start <= ms && me <= c.end) return c;
    }
    // A sentence never crosses a section header.
    const section = sectionAt(sections, ms);
    let s = ms;
    const minS = Math.max(section ? section.start : 0, ms - MAX_REACH);
    while (s > minS && !isSentenceEnd(text, s - 1)) s--;
    let e = me;
    const maxE = Math.max(me, Math.min(section ? section.end : text.length, me + MAX_REACH));
    while (e < maxE && !isSentenceEnd(text, e)) e++;
    const parsed = parseSentence(text, s, e);
    cache.splice(idx + 1, 0, parsed);
    return parsed;
  }

  return (start: number, end: number): Assertion => {
    if (!(end > start) || start < 0 || end > text.length) return { ...PLAIN_ASSERTION };
    const sent = sentenceFor(start, end);
    const found = resolve(sent, start, end);
    const section = sectionAt(sections, start);
    let temporality: Assertion['temporality'] = 'current';
    if (found & KIND_BIT.hypothetical) temporality = 'hypothetical';
    else if (found & KIND_BIT.historical) temporality = 'historical';
    else if (section && start >= section.contentStart && HISTORICAL_SECTIONS.has(section.kind)) temporality = 'historical';
    const possible = (found & KIND_BIT.possible) !== 0;
    const experiencerOther =
      (found & KIND_BIT['other-experiencer']) !== 0 || (section !== undefined && OTHER_EXPERIENCER_SECTIONS.has(section.kind));
    return {
      negated: (found & KIND_BIT.negated) !== 0 && !possible,
      possible,
      temporality,
      experiencer: experiencerOther ? 'other' : 'patient',
    };
  };
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
function resolve(sent: ParsedSentence, ms: number, me: number): number {
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
      const firstInMention = lowerBound(sent.starts, ms);
      const entry = longestEntryWithin(sent.tokens, cut.tok, firstInMention);
      if (entry) {
        const last = cut.tok + entry.tokens.length - 1;
        const end = sent.starts[last] + sent.tokens[last].length;
        found |= forwardKinds(sent, { ...cut, entry, end }, ms, hits, before, before, found);
      }
    }
    before--; // skip hits overlapping the mention
  }
  for (let h = before; h >= 0; h--) {
    found |= forwardKinds(sent, hits[h], ms, hits, h + 1, before + 1, found);
  }
  for (let h = after; h < hits.length; h++) {
    const hit = hits[h];
    if (me <= hit.parenOpen) continue;
    for (const trig of hit.entry.triggers) {
      if (trig.direction === 'forward' || trig.kind === 'pseudo' || trig.kind === 'terminate') continue;
      const bit = KIND_BIT[trig.kind];
      if (found & bit) continue;
      if (terminated(hits, after, h, bit)) continue;
      if (trig.maxWords !== Number.POSITIVE_INFINITY && wordsBetween(sent, me, hit.start) > trig.maxWords) continue;
      if (trig.clause && lowerBound(sent.commas, hit.start) > lowerBound(sent.commas, me)) continue;
      found |= bit;
    }
  }
  return found;
}

/** Kinds of the forward triggers of `hit` that reach a mention starting at ms; hits[from, to) lie between. */
function forwardKinds(sent: ParsedSentence, hit: Hit, ms: number, hits: Hit[], from: number, to: number, found: number): number {
  let add = 0;
  if (ms >= hit.parenClose) return 0;
  for (const trig of hit.entry.triggers) {
      if (trig.direction === 'backward' || trig.kind === 'pseudo' || trig.kind === 'terminate') continue;
      const bit = KIND_BIT[trig.kind];
      if ((found | add) & bit) continue;
      if (terminated(hits, from, to, bit)) continue;
      if (trig.maxWords !== Number.POSITIVE_INFINITY && wordsBetween(sent, hit.end, ms) > trig.maxWords) continue;
      if (trig.clause && lowerBound(sent.commas, ms) > lowerBound(sent.commas, hit.end)) continue;
      add |= bit;
  }
  return add;
}

/** Is there a terminator for `bit` among hits[from, to)? */
function terminated(hits: Hit[], from: number, to: number, bit: number): boolean {
  for (let k = from; k < to; k++) if (hits[k].entry.terminatesMask & bit) return true;
  return false;
}
