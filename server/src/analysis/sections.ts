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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const sortedPhrases = [...PHRASES.keys()].sort((a, b) => b.length - a.length);
const alternation = sortedPhrases.map((p) => escapeRe(p).replace(/ /g, '[ \\t]+')).join('|');
const upperAlternation = sortedPhrases
  .filter((p) => p.length > 1)
  .map((p) => escapeRe(p.toUpperCase()).replace(/ /g, '[ \\t]+'))
  .join('|');

/** Known phrase at line start: group 1 = phrase, group 2 = ':' or '' (line end), rest of line after. */
const LINE_HEADER = new RegExp(
  `^[ \\t]*(?:\\*\\*|__)?(${alternation})(?:[ \\t]*(:)(?:\\*\\*|__)?|(?:\\*\\*|__)?[ \\t]*\\r?$)`,
  'gim',
);
/** Markdown heading: group 1 = its text. */
const MD_HEADER = /^[ \t]*#{1,6}[ \t]+([^\n]*?)[ \t#]*\r?$/gm;
/** ALL-CAPS line ending with a colon and nothing after it. */
const CAPS_HEADER = /^[ \t]*([A-Z][A-Z0-9 /&,()'-]{1,60}?)[ \t]*:[ \t]*\r?$/gm;
/** Known ALL-CAPS header after a run of spaces inside a flattened line. */
const INLINE_HEADER = new RegExp(`(?:[ ]{3,}|\\t)(${upperAlternation}):`, 'g');
/** Any short ALL-CAPS header after a run of spaces inside a flattened line ("   REFERRING DIAGNOSIS: "). */
const INLINE_CAPS_HEADER = /(?:[ ]{3,}|\t)([A-Z][A-Z/&()-]*(?: [A-Z][A-Z/&()-]*){0,4}):(?=[ \t]|$)/gm;
const MD_PREFIX = new RegExp(`^(${alternation})(?![A-Za-z0-9])`, 'i');

interface RawHeader {
  kind: SectionKind;
  title: string;
  start: number;
  contentStart: number;
}

export function findSections(text: string): Section[] {
  const found: RawHeader[] = [];

  LINE_HEADER.lastIndex = 0;
  for (let m = LINE_HEADER.exec(text); m; m = LINE_HEADER.exec(text)) {
    if (m[0].length === 0) {
      LINE_HEADER.lastIndex++;
      continue;
    }
    const info = PHRASES.get(normalise(m[1]));
    if (!info) continue;
    const start = m.index + m[0].indexOf(m[1]);
    let contentStart = m.index + m[0].length;
    if (m[2] === ':') {
      if (info.strict && !strictContentOk(text, contentStart)) continue;
    }
    // Content begins after the whitespace that follows the header on its line.
    contentStart = skipInlineSpace(text, contentStart);
    found.push({ kind: info.kind, title: m[1], start, contentStart });
  }

  MD_HEADER.lastIndex = 0;
  for (let m = MD_HEADER.exec(text); m; m = MD_HEADER.exec(text)) {
    const title = m[1].replace(/[:*_]+$/, '').replace(/^[*_]+/, '').trim();
    if (!title) continue;
    const p = MD_PREFIX.exec(title);
    const info = p ? PHRASES.get(normalise(p[1])) : undefined;
    const start = m.index + m[0].indexOf('#');
    found.push({ kind: info ? info.kind : 'other', title, start, contentStart: lineEnd(text, m.index + m[0].length) });
  }

  CAPS_HEADER.lastIndex = 0;
  for (let m = CAPS_HEADER.exec(text); m; m = CAPS_HEADER.exec(text)) {
    if (!/[A-Z]{2}/.test(m[1])) continue;
    const start = m.index + m[0].indexOf(m[1]);
    found.push({ kind: 'other', title: m[1], start, contentStart: lineEnd(text, m.index + m[0].length) });
  }

  INLINE_HEADER.lastIndex = 0;
  for (let m = INLINE_HEADER.exec(text); m; m = INLINE_HEADER.exec(text)) {
    const info = PHRASES.get(normalise(m[1]));
    if (!info) continue;
    const start = m.index + m[0].indexOf(m[1]);
    found.push({ kind: info.kind, title: m[1], start, contentStart: skipInlineSpace(text, m.index + m[0].length) });
  }

  INLINE_CAPS_HEADER.lastIndex = 0;
  for (let m = INLINE_CAPS_HEADER.exec(text); m; m = INLINE_CAPS_HEADER.exec(text)) {
    if (!/[A-Z]{2}/.test(m[1])) continue;
    const start = m.index + m[0].indexOf(m[1]);
    found.push({ kind: 'other', title: m[1], start, contentStart: skipInlineSpace(text, m.index + m[0].length) });
  }

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

/** For "A:" / "P:": the text after the colon must not be a number (P: 5.1 is phosphate). */
function strictContentOk(text: string, i: number): boolean {
  const j = skipInlineSpace(text, i);
  if (j >= text.length) return true;
  const c = text[j];
  if (c === '\n' || c === '\r') return true;
  return !/[0-9<>=.,+\-–~≤≥]/.test(c);
}

function skipInlineSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Offset just after the line break that ends the line containing i (or the text end). */
function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n + 1;
}

/** The section containing `offset` (binary search; sections are sorted and disjoint). */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
