// Which modifier kinds reach a mention, from the hits of its sentence: a forward trigger
// before it or a backward trigger after it, within the trigger's word limit and clause,
// unless a terminator for that kind stands between them or the trigger sits in parentheses
// that end before the mention.

import { KIND_BIT, longestEntryAt } from './lexicon';
import { SCRATCH_ENDS, SCRATCH_IDS, SCRATCH_ORDINALS, commaBetween, moreWordsThan, scanSentence, scratchCount, type Hit, type ParsedSentence } from './sentences';

/** Bit mask of the modifier kinds whose triggers reach the span [ms, me). */
export function resolve(text: string, sent: ParsedSentence, ms: number, me: number): number {
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
export function forwardKinds(text: string, hit: Hit, ms: number, hits: Hit[], from: number, to: number, found: number): number {
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

/** Is there a terminator for `bit` among hits[from, to)? */
export function terminated(hits: Hit[], from: number, to: number, bit: number): boolean {
  for (let k = from; k < to; k++) if (hits[k].entry.terminatesMask & bit) return true;
  return false;
}
