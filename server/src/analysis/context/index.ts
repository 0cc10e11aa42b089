// ConText-style assertions (Harkema et al. 2009): is a mention negated, uncertain,
// in the past, hypothetical, or about someone other than the patient?
//
// createAssertionContext(text, sections) returns a function of a span. Work is
// lazy: a sentence is found (by scanning outwards from the span) and parsed only
// when a mention falls inside it, and each parsed sentence is cached, so a
// document with thousands of mentions costs one pass over the sentences that
// hold them. The trigger lexicon (knowledge/contextTriggers.ts) is compiled once
// at module load into a word-keyed table; no regex is built per call.
//
// The folder: lexicon.ts (the trigger table and character classes), sentenceEnds.ts (where a
// sentence ends), sentences.ts (the scanner and parsed sentences), resolve.ts (which triggers
// reach a mention), listCarry.ts (cues written as a list header). This file is the public
// surface: the assertion function and the shared assertion objects.

import { PLAIN_ASSERTION, type Assertion, type Section } from '../types';
import { sectionAt } from '../sections';
import { CHAR_CLASS, KIND_BIT, WORD } from './lexicon';
import { carriedKinds, listCarry, listItemsEnd, type ListMemo } from './listCarry';
import { resolve } from './resolve';
import { MAY_END, isSentenceEnd } from './sentenceEnds';
import { buildSentence, droppedTerminators, scanPassedEndInMention, scanSentence, scanStoppedAtEnd, type ParsedSentence } from './sentences';

// ── Section defaults ───────────────────────────────────────────────────────

/** Sections whose content is, by default, about the past. */
// Social history (habits) and allergies describe what was there before this
// encounter, which is what ConText calls historical.
const HISTORICAL_SECTIONS = new Set(['pmh', 'psh', 'social-history', 'allergies']);
/** Sections whose content is, by default, about someone else. */
const OTHER_EXPERIENCER_SECTIONS = new Set(['family-history']);

// ── How far a sentence is looked for ───────────────────────────────────────

/** How far to look for a sentence boundary on either side of a mention. */
const MAX_REACH = 1000;
/**
 * In a "sentence" with no boundary within MAX_REACH (pasted text without punctuation), how far
 * on either side of a mention its triggers are read. A cue in clinical text rarely reaches more
 * than a few words, so some 30 words is generous; and a window per mention keeps such text
 * linear to read (a sentence cut at the reach of one mention cannot serve another).
 */
const WINDOW_REACH = 250;

/**
 * Sentences an assertion context keeps by default (a 1 MB note has ~17,500, a 10 MB one
 * ~175,000: 30 MB if all were kept). A caller asking about terms and then about lab values
 * goes over the text twice and finds most sentences of the second pass still here.
 */
const CACHE_MAX = 32768;

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
