// Finishing an edited note's analysis (Ca×P products and findings) over a slice of its lab
// values instead of all of them. At 4.8 MB the whole finish took about 19 ms an edit; the
// products and findings far from the edit cannot have changed, so they are kept, moved.
//
// Why the kept parts stay right:
//  - A product joins a calcium and a phosphate at most DRAW_WINDOW_LINES apart, and the
//    albumin that corrects it is as near. Where consecutive calcium, phosphate or albumin
//    values are further apart than that, nothing is paired across: that border is a cut.
//    The core, from a cut before the re-read values to a cut after them, holds every
//    product that can have changed (an edit also moves values, which changes the distances
//    pairing breaks ties with, but only for values on both sides of it, all in the core).
//  - The explanation of an unpaired calcium or phosphate names the nearest value of the other
//    kind, however far (always one of the two next to it), and says whether that one is
//    paired; a phosphate a calcium's explanation already named is not explained again. So
//    findings change only within a place or two (counted in calcium and in phosphate
//    values) of the core: they are taken anew for the core widened by MARGIN places (the
//    "taken" values), and the slice computed reaches MARGIN places further and then to a
//    cut, so that everything the taken values look at is computed as in the whole note.
//  - Findings are sorted by span and, at one span, in the order the full finish makes them,
//    which the same steps over the slice repeat.
// A property test (test/unit/analysis/incremental.test.ts) checks the result against a
// full analysis on random notes and edits.

import { withUnfilledFields, type AnalysisOptions } from './analyze';
import { DRAW_WINDOW_LINES, pairCaPhos } from './caPhos';
import { labFindingSteps } from './labFindings';
import type { LineIndex } from './lineIndex';
import type { TermMentions } from './mentions';
import { bySpan } from './sorted';
import { runToEnd } from './steps';
import type { Analysis, CaPhosProduct, Finding, LabValue, Section } from './types';
import { UNFILLED_FIELD_CODE } from './unfilledFields';

/** The lab values read again after an edit: new indices [from, to); in the old list they were [from, oldTo). */
export interface LabsChange {
  from: number;
  to: number;
  oldTo: number;
}

/**
 * Calcium and phosphate places around the core whose findings are taken anew, and around
 * those for the slice. Two would do (see above); eight leaves room should explanations look
 * further (explainUnpaired reads three places either side), at the cost of a few more values.
 */
const MARGIN = 8;

/**
 * The analysis of the edited note, its products and findings made over a slice of its
 * values and the rest kept from `prev` (moved by `delta` characters after the edit), or
 * null when the slice would be most of the note or the kept findings could not be told
 * apart by offset (the caller then finishes over all values). `labs` must be the new
 * values: the old ones before `change.from` and after `change.oldTo` (moved, with their
 * lines and columns set) around the values read again, which are placed here. With
 * `inPlace`, kept findings and products are moved where they are, else copied.
 */
export function finishEditedAnalysis(
  text: string,
  lines: LineIndex,
  sections: Section[],
  terms: TermMentions,
  labs: LabValue[],
  opts: AnalysisOptions,
  prev: Analysis,
  change: LabsChange,
  delta: number,
  inPlace: boolean,
): Analysis | null {
  const n = labs.length;
  // The values before and after the region were placed as they were kept or moved.
  for (let k = change.from; k < change.to; k++) {
    const lab = labs[k]!;
    lab.line = lines.lineOf(lab.start);
    lab.character = lines.characterOf(lab.start, lab.line);
  }
  // Kept findings are told apart by the offset of their value: offsets must increase.
  for (let k = 1; k < n; k++) if (labs[k]!.valueStart <= labs[k - 1]!.valueStart) return null;

  const c0 = cutBefore(labs, change.from);
  const c1 = cutAfter(labs, change.to);
  const t0 = widenLeft(labs, c0);
  const t1 = widenRight(labs, c1);
  const x0 = cutBefore(labs, widenLeft(labs, t0));
  const x1 = cutAfter(labs, widenRight(labs, t1));
  if ((x1 - x0) * 2 > n) return null;

  const slice = labs.slice(x0, x1);
  const sliceProducts = pairCaPhos(slice, text, { threshold: opts.threshold, useCorrectedCalcium: opts.useCorrectedCalcium });
  const sliceFindings: Finding[] = [];
  runToEnd(labFindingSteps(text, slice, sliceProducts, { threshold: opts.threshold, thresholdSource: opts.thresholdSource, referenceRanges: opts.referenceRanges }, sliceFindings));

  // Products: sorted by phosphate, none crosses c0 or c1, so the three parts stay in order.
  const moved = change.to - change.oldTo;
  const oldC1 = c1 - moved;
  const products: CaPhosProduct[] = [];
  for (const p of prev.products) if (p.phosphate < c0) products.push(p);
  for (const p of sliceProducts) {
    const phosphate = p.phosphate + x0;
    if (phosphate < c0 || phosphate >= c1) continue;
    p.calcium += x0;
    p.phosphate = phosphate;
    products.push(p);
  }
  for (const p of prev.products) {
    if (p.phosphate < oldC1) continue;
    const q = inPlace ? p : { ...p };
    q.calcium += moved;
    q.phosphate += moved;
    products.push(q);
  }

  // Findings sit at their value's offset. Those of values before t0 are unchanged, those of
  // values from t1 on move by delta, those of the taken values come from the slice.
  const takenStart = t0 > 0 ? labs[t0 - 1]!.valueStart + 1 : 0;
  const takenEnd = t1 < n ? labs[t1]!.valueStart : Infinity;
  const oldTakenEnd = takenEnd - delta;
  const labFindings: Finding[] = [];
  for (const f of prev.findings) if (f.code !== UNFILLED_FIELD_CODE && f.start < takenStart) labFindings.push(f);
  const taken = sliceFindings.filter((f) => f.start >= takenStart && f.start < takenEnd).sort(bySpan);
  for (const f of taken) labFindings.push(f);
  for (const f of prev.findings) {
    if (f.code === UNFILLED_FIELD_CODE || f.start < oldTakenEnd) continue;
    labFindings.push(moveFinding(f, delta, inPlace));
  }
  return { terms, labs, products, findings: withUnfilledFields(text, labFindings), sections };
}

function moveFinding(f: Finding, delta: number, inPlace: boolean): Finding {
  const g = inPlace ? f : { ...f };
  g.start += delta;
  g.end += delta;
  // Related values lie on the same side of the edit (the partner of a product, or a value
  // three places away): they move too.
  if (f.related) g.related = f.related.map((r) => ({ ...r, start: r.start + delta, end: r.end + delta }));
  return g;
}

/** Calcium, phosphate and albumin: the values a product or its albumin correction is made of. */
function entersProducts(lab: LabValue): boolean {
  return lab.analyte === 'calcium' || lab.analyte === 'phosphate' || lab.analyte === 'albumin';
}

/**
 * A border at or before index `i` that no product crosses: the calcium, phosphate and albumin
 * values on its two sides are over DRAW_WINDOW_LINES lines apart (or there are none before it).
 * The value just after it is before `i`, so the border is the same in the note before the edit.
 */
function cutBefore(labs: LabValue[], i: number): number {
  let q = i - 1;
  while (q >= 0 && !entersProducts(labs[q]!)) q--;
  if (q < 0) return i;
  for (;;) {
    let p = q - 1;
    while (p >= 0 && !entersProducts(labs[p]!)) p--;
    if (p < 0) return q;
    if (labs[q]!.line - labs[p]!.line > DRAW_WINDOW_LINES) return p + 1;
    q = p;
  }
}

/** The same at or after `i`: the value just before the border is at or after `i`. */
function cutAfter(labs: LabValue[], i: number): number {
  const n = labs.length;
  let q = i;
  while (q < n && !entersProducts(labs[q]!)) q++;
  if (q === n) return i;
  for (;;) {
    let r = q + 1;
    while (r < n && !entersProducts(labs[r]!)) r++;
    if (r === n) return q + 1;
    if (labs[r]!.line - labs[q]!.line > DRAW_WINDOW_LINES) return q + 1;
    q = r;
  }
}

/** The index MARGIN calcium and MARGIN phosphate values before `i` (0 when there are fewer). */
function widenLeft(labs: LabValue[], i: number): number {
  let ca = 0;
  let ph = 0;
  let k = i;
  while (k > 0 && (ca < MARGIN || ph < MARGIN)) {
    k--;
    const a = labs[k]!.analyte;
    if (a === 'calcium') ca++;
    else if (a === 'phosphate') ph++;
  }
  return k;
}

/** The index after MARGIN calcium and MARGIN phosphate values from `i` on (labs.length when there are fewer). */
function widenRight(labs: LabValue[], i: number): number {
  let ca = 0;
  let ph = 0;
  let k = i;
  while (k < labs.length && (ca < MARGIN || ph < MARGIN)) {
    const a = labs[k]!.analyte;
    if (a === 'calcium') ca++;
    else if (a === 'phosphate') ph++;
    k++;
  }
  return k;
}
