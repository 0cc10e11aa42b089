// Finds the sections of a clinical note from its headers. Pure function over
// text; the header phrases are data in knowledge/sectionHeaders.ts.
//
// A header is recognised
//   - at the start of a line, followed by a colon (content may follow on the same line),
//   - as a line of its own (with or without a colon),
//   - as a Markdown heading ("## Plan"); an unknown Markdown heading opens an 'other' section,
//   - as an ALL-CAPS line ending with a colon ("PROCEDURE NOTE:") → 'other',
//   - in ALL CAPS with a colon after a run of 3+ spaces or a tab, which is how
//     flattened reports show a header that began a line ("...   PAST MEDICAL HISTORY:  ...").

import type { Section } from './types';
import { SECTION_HEADERS, type SectionKind } from '../knowledge/sectionHeaders';
import { skipBlanks } from './blanks';
import { indexContaining } from './sorted';

interface PhraseInfo {
  kind: SectionKind;
  strict: boolean;
}

const PHRASES = new Map<string, PhraseInfo>();
for (const h of SECTION_HEADERS) {
  for (const p of h.phrases) {
    const key = normalise(p);
    if (!PHRASES.has(key)) PHRASES.set(key, { kind: h.kind, strict: !!h.strict });
  }
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The header phrase `s` is, if any. (Most are written plainly: lower-casing finds them without the regex of normalise.) */
function phraseInfo(s: string): PhraseInfo | undefined {
  return PHRASES.get(s.toLowerCase()) ?? PHRASES.get(normalise(s));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const sortedPhrases = [...PHRASES.keys()].sort((a, b) => b.length - a.length);
const alternation = sortedPhrases.map((p) => escapeRe(p).replace(/ /g, '[ \\t]+')).join('|');
const upperAlternation = sortedPhrases
  .filter((p) => p.length > 1)
  .map((p) => escapeRe(p.toUpperCase()).replace(/ /g, '[ \\t]+'))
  .join('|');

// All patterns are sticky: findSections walks the lines itself and tries a pattern
// only where a header can begin, which keeps a megabyte of text to a few milliseconds.

/**
 * Known phrase at line start: group 1 = phrase, group 2 = ':' (absent when the header is the
 * whole line). A date may stand between the phrase and its colon ("Labs 03/14/2026:").
 */
const LINE_HEADER = new RegExp(
  `[ \\t]*(?:\\*\\*|__)?(${alternation})(?:[ \\t]+(?:on[ \\t]+|from[ \\t]+)?\\(?\\d{1,4}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?\\)?(?=[ \\t]*:))?(?:[ \\t]*(:)(?:\\*\\*|__)?|(?:\\*\\*|__)?[ \\t]*\\r?(?=\\n|$))`,
  'iy',
);
/** Markdown heading: group 1 = its text. */
const MD_HEADER = /[ \t]*#{1,6}[ \t]+([^\n]*?)[ \t#]*\r?(?=\n|$)/y;
/** ALL-CAPS line ending with a colon and nothing after it. */
const CAPS_HEADER = /[ \t]*([A-Z][A-Z0-9 /&,()'-]{1,60}?)[ \t]*:[ \t]*\r?(?=\n|$)/y;
/** Known ALL-CAPS header right after such a run. */
const INLINE_HEADER = new RegExp(`(${upperAlternation}):`, 'y');
/** Any short ALL-CAPS header right after such a run ("   REFERRING DIAGNOSIS: "). */
const INLINE_CAPS_HEADER = /([A-Z][A-Z/&()-]*(?: [A-Z][A-Z/&()-]*){0,4}):(?=[ \t]|$)/y;
const MD_PREFIX = new RegExp(`^(${alternation})(?![A-Za-z0-9])`, 'i');

/**
 * The first word (ASCII letters and digits, lower-cased) of every header phrase. A line can
 * only start with a known header if its own first word is one of these, so LINE_HEADER, an
 * alternation of all the phrases, is tried on those lines only (every phrase starts with a
 * letter or digit, and what follows a phrase in LINE_HEADER is never one).
 */
const FIRST_WORDS = new Set(sortedPhrases.map((p) => /^[a-z0-9]*/.exec(p)![0]));
const LONGEST_FIRST_WORD = Math.max(...[...FIRST_WORDS].map((w) => w.length));

/** The lower-cased run of ASCII letters and digits at text[i, end), or '' when it is longer than any first word. */
function firstWordAt(text: string, i: number, end: number): string {
  let j = i;
  while (j < end && j - i <= LONGEST_FIRST_WORD) {
    const c = text.charCodeAt(j);
    if (!((c >= 48 && c <= 57) || isLetter(c))) break;
    j++;
  }
  return j - i > LONGEST_FIRST_WORD ? '' : text.slice(i, j).toLowerCase();
}

interface RawHeader {
  kind: SectionKind;
  title: string;
  start: number;
  contentStart: number;
}

/**
 * The section headers of `text`. `atNoteStart` says whether `text` begins the note: only
 * there is a byte-order mark the file's own (the chunked and incremental analyses read
 * slices that begin mid-note, where a pasted U+FEFF is just a character of the line).
 */
export function findSections(text: string, atNoteStart = true): Section[] {
  const found: RawHeader[] = [];
  // Headers after runs of 3+ spaces or of tabs, where a flattened report may hide one (added
  // after the others, in the order they were found).
  const inline: RawHeader[] = [];
  const len = text.length;

  // The first colon at or after the line being read (-1: none left), kept as lines go by.
  let nextColon = text.indexOf(':');
  // A byte-order mark before the first line (the CLI and some editors pass it through) is skipped.
  for (let lineStart = atNoteStart && text.charCodeAt(0) === 0xfeff ? 1 : 0; lineStart <= len; ) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? len : nl;
    if (nextColon !== -1 && nextColon < lineStart) nextColon = text.indexOf(':', lineStart);
    // Both inline patterns end with a colon on the run's own line: only lines with one are
    // looked through, up to their last colon.
    if (nextColon !== -1 && nextColon < lineEnd) inlineHeaders(text, lineStart, text.lastIndexOf(':', lineEnd - 1), inline);
    let f = lineStart;
    while (f < lineEnd && (text.charCodeAt(f) === 32 || text.charCodeAt(f) === 9)) f++;
    const c = f < lineEnd ? text.charCodeAt(f) : 0;
    if (c === 35 /* # */) {
      MD_HEADER.lastIndex = lineStart;
      const m = MD_HEADER.exec(text);
      if (m) {
        const title = m[1].replace(/[:*_]+$/, '').replace(/^[*_]+/, '').trim();
        if (title) {
          const p = MD_PREFIX.exec(title);
          const info = p ? phraseInfo(p[1]) : undefined;
          found.push({ kind: info ? info.kind : 'other', title, start: f, contentStart: nl < 0 ? len : nl + 1 });
        }
      }
    } else if (c !== 0 && (isLetter(c) || c === 42 || c === 95)) {
      // A header is short: it ends with a colon early, or is the whole (short) line.
      const colon = nextColon !== -1 && nextColon < Math.min(lineEnd, f + 71) ? nextColon : -1;
      if (colon >= 0 || lineEnd - f <= 60) {
        // LINE_HEADER allows "**" or "__" before the phrase.
        const d = text.charCodeAt(f + 1);
        const w = (c === 42 && d === 42) || (c === 95 && d === 95) ? f + 2 : f;
        LINE_HEADER.lastIndex = lineStart;
        const m = FIRST_WORDS.has(firstWordAt(text, w, lineEnd)) ? LINE_HEADER.exec(text) : null;
        const info = m ? phraseInfo(m[1]) : undefined;
        if (m && info && !(m[2] === ':' && info.strict && !strictContentOk(text, m.index + m[0].length))) {
          const start = m.index + m[0].indexOf(m[1]);
          found.push({ kind: info.kind, title: m[1], start, contentStart: skipBlanks(text, m.index + m[0].length) });
        } else if (c >= 65 && c <= 90) {
          CAPS_HEADER.lastIndex = lineStart;
          const k = CAPS_HEADER.exec(text);
          if (k && /[A-Z]{2}/.test(k[1])) {
            found.push({ kind: 'other', title: k[1], start: f, contentStart: nl < 0 ? len : nl + 1 });
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }

  for (const h of inline) found.push(h);
  found.sort((a, b) => a.start - b.start || b.contentStart - a.contentStart);
  const sections: Section[] = [];
  for (const h of found) {
    const prev = sections[sections.length - 1];
    if (prev && h.start < prev.contentStart) continue; // overlapping duplicate (e.g. "## Plan" seen twice)
    if (prev) prev.end = h.start;
    sections.push({ kind: h.kind, title: h.title, start: h.start, end: text.length, contentStart: h.contentStart });
  }
  return sections;
}

/** The inline headers after runs of 3+ spaces or of tabs that begin in text[from, to). */
function inlineHeaders(text: string, from: number, to: number, found: RawHeader[]): void {
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (!(c === 9 || (c === 32 && text.charCodeAt(i + 1) === 32 && text.charCodeAt(i + 2) === 32))) {
      i++;
      continue;
    }
    let at = i + 1;
    while (text.charCodeAt(at) === c) at++;
    i = at;
    const d = text.charCodeAt(at);
    if (!(d >= 65 && d <= 90)) continue;
    INLINE_HEADER.lastIndex = at;
    const m = INLINE_HEADER.exec(text);
    const info = m ? phraseInfo(m[1]) : undefined;
    if (m && info) {
      found.push({ kind: info.kind, title: m[1], start: at, contentStart: skipBlanks(text, at + m[0].length) });
      continue;
    }
    INLINE_CAPS_HEADER.lastIndex = at;
    const k = INLINE_CAPS_HEADER.exec(text);
    if (k && /[A-Z]{2}/.test(k[1])) {
      found.push({ kind: 'other', title: k[1], start: at, contentStart: skipBlanks(text, at + k[0].length) });
    }
  }
}

/** For "A:" / "P:": the text after the colon must not be a number (P: 5.1 is phosphate). */
function strictContentOk(text: string, i: number): boolean {
  const j = skipBlanks(text, i);
  if (j >= text.length) return true;
  const c = text[j];
  if (c === '\n' || c === '\r') return true;
  return !/[0-9<>=.,+\-–~≤≥]/.test(c);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The section containing `offset` (binary search; sections are sorted and disjoint). */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  const index = indexContaining(sections, offset);
  return index < 0 ? undefined : sections[index];
}
