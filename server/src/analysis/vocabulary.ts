// Builds the term matcher from the knowledge base plus the user's own terms, and
// finds term mentions with their assertions.

import { CONCEPTS } from '../knowledge/concepts';
import type { Concept } from '../knowledge/types';
import type { CustomTerm } from '../settings';
import { TermMentionsBuilder, type TermMentions } from './mentions';
import { TermMatcher } from './termMatcher';
import type { Assertion } from './types';
import type { LineIndex } from './lineIndex';

export const CUSTOM_CATEGORY = 'custom-term';

const conceptById = new Map<string, Concept>(CONCEPTS.map((c) => [c.id, c]));

export function conceptFor(id: string): Concept | undefined {
  return conceptById.get(id);
}

/** Stable id for a user term: the same words always give the same id. */
export function customConceptId(term: string): string {
  const slug = term
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `custom:${slug || 'term'}`;
}

function builtInMatcher(): TermMatcher {
  const matcher = new TermMatcher();
  for (const concept of CONCEPTS) {
    for (const form of concept.forms) matcher.add(form, concept.id);
    for (const form of concept.exactForms ?? []) matcher.add(form, concept.id, { exactCase: true });
    for (const form of concept.labContextForms ?? []) matcher.add(form, concept.id, { exactCase: true, labContext: true });
  }
  return matcher;
}

let defaultMatcher: TermMatcher | undefined;
const customMatchers = new Map<string, TermMatcher>();

/**
 * The matcher for a set of user terms. User terms are added as literal words (never
 * as patterns), so nothing a user types can make matching slow. Built matchers are
 * cached by the term list because settings change rarely and notes change often.
 */
export function matcherFor(customTerms: readonly CustomTerm[]): TermMatcher {
  if (customTerms.length === 0) return (defaultMatcher ??= builtInMatcher());
  const key = customTerms.map((t) => t.term).join('\u0000');
  let matcher = customMatchers.get(key);
  if (!matcher) {
    matcher = builtInMatcher();
    // A user term takes precedence over a built-in form of the same words: the user
    // said what they mean by it.
    for (const t of customTerms) matcher.add(t.term, customConceptId(t.term), { preferred: true });
    if (customMatchers.size > 16) customMatchers.clear();
    customMatchers.set(key, matcher);
  }
  return matcher;
}

export function findTerms(
  text: string,
  matcher: TermMatcher,
  assertionOf: (start: number, end: number) => Assertion,
  lines: LineIndex,
): TermMentions {
  // The matcher leaves its matches in typed arrays: no intermediate object per match.
  matcher.scanInto(text, 0, text.length);
  const n = matcher.found;
  const concepts = matcher.foundConcepts;
  const starts = matcher.foundStarts;
  const ends = matcher.foundEnds;
  const out = new TermMentionsBuilder(n);
  for (let k = 0; k < n; k++) pushMention(out, text, concepts[k]!, starts[k]!, ends[k]!, assertionOf, lines);
  matcher.releaseFound();
  return out.build();
}

/** Category of a concept id (custom terms have their own). */
const categoryCache = new Map<string, string>();
function categoryOf(id: string): string {
  let category = categoryCache.get(id);
  if (category === undefined) {
    const concept = id.startsWith('custom:') ? undefined : conceptById.get(id);
    category = concept ? concept.category : CUSTOM_CATEGORY;
    if (categoryCache.size < 4096) categoryCache.set(id, category);
  }
  return category;
}

/**
 * text.slice(start, end), shared with earlier mentions of the concept written the same way:
 * a note repeats a few spellings of each term thousands of times, so this compares a few
 * characters instead of allocating a string per mention.
 */
const spellings = new Map<string, string[]>();
function spellingOf(text: string, start: number, end: number, concept: string): string {
  const len = end - start;
  let known = spellings.get(concept);
  if (known === undefined) {
    if (spellings.size >= 4096) spellings.clear();
    spellings.set(concept, (known = []));
  }
  for (let k = 0; k < known.length; k++) {
    const w = known[k];
    if (w.length === len && text.startsWith(w, start)) return w;
  }
  // A flat copy, so the shared spelling does not keep this note's text alive.
  const w = flatCopy(text.slice(start, end));
  if (known.length < 16) known.push(w);
  return w;
}

function flatCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Adds the mention of one match to `out` (also used by chunked and incremental analysis). */
export function pushMention(
  out: TermMentionsBuilder,
  text: string,
  concept: string,
  start: number,
  end: number,
  assertionOf: (start: number, end: number) => Assertion,
  lines: LineIndex,
): void {
  const line = lines.lineOf(start);
  out.push(start, end, line, lines.characterOf(start, line), concept, categoryOf(concept), spellingOf(text, start, end, concept), assertionOf(start, end));
}
