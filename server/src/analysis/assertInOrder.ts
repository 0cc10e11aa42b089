// The assertions of a note in one pass. The term mentions and the lab values are found
// first, each with a placeholder assertion; then both are asked about together, in the order
// of the text. Each sentence is then parsed once, while its mentions and values are asked
// about, and the context keeps only the last few: asking about every term and then about
// every lab value went over the text twice and kept all 17,500 sentences of a 1 MB note.

import { createAssertionContext, type AssertionOf } from './context';
import { PLAIN_ASSERTION, type Assertion, type LabValue, type Section } from './types';

/** The placeholder given while terms and values are found; the sweep below replaces it. */
export const NOT_YET_ASSERTED: AssertionOf = () => PLAIN_ASSERTION;

/** Sentences kept: asks come in the order of the text, so only the last few are asked again. */
const SENTENCES_KEPT = 64;

/** Term mentions in order of start, as TermMentions and TermMentionsBuilder hold them. */
export interface MentionSpans {
  startOf(i: number): number;
  endOf(i: number): number;
  setAssertion(i: number, assertion: Assertion): void;
}

/** An assertion context for asking in the order of the text (see assertInOrder). */
export function inOrderContext(text: string, sections: Section[]): AssertionOf {
  return createAssertionContext(text, sections, SENTENCES_KEPT);
}

/**
 * Gives the mentions [t0, t1) and the values labs[l0, l1) (each sorted by start, the values
 * after every span asked before) their assertions, asking `assertionOf` in the order of the text.
 */
export function assertInOrder(
  assertionOf: AssertionOf,
  terms: MentionSpans,
  t0: number,
  t1: number,
  labs: readonly LabValue[],
  l0: number,
  l1: number,
): void {
  let j = l0;
  for (let i = t0; i < t1; i++) {
    const start = terms.startOf(i);
    for (; j < l1 && labs[j]!.start < start; j++) labs[j]!.assertion = assertionOf(labs[j]!.start, labs[j]!.end);
    terms.setAssertion(i, assertionOf(start, terms.endOf(i)));
  }
  for (; j < l1; j++) labs[j]!.assertion = assertionOf(labs[j]!.start, labs[j]!.end);
}
