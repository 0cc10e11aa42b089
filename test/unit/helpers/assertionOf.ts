// Test helper: the assertion the analysis gives a phrase of a fixture text.

import { strict as assert } from 'node:assert';
import { createAssertionContext } from '../../../server/src/analysis/context';
import { findSections } from '../../../server/src/analysis/sections';
import type { Assertion } from '../../../server/src/analysis/types';

/** Offset of the n-th (0-based) occurrence of `phrase` in `text`; fails the test when absent. */
export function occurrence(text: string, phrase: string, nth = 0): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(phrase, at + 1);
    assert.ok(at >= 0, `"${phrase}" #${nth} not in fixture`);
  }
  return at;
}

/** The assertion of the n-th (0-based) occurrence of `phrase` in `text`. */
export function assertionOf(text: string, phrase: string, nth = 0): Assertion {
  const at = occurrence(text, phrase, nth);
  return createAssertionContext(text, findSections(text))(at, at + phrase.length);
}
