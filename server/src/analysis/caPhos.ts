// The calcium × phosphate product and albumin-corrected calcium. Pure functions.
//
// Sources (see data/REFERENCE.md):
//  - Corrected calcium, conventional: Ca(mg/dL) + 0.8 × (4.0 − albumin g/dL); SI:
//    Ca(mmol/L) + 0.02 × (40 − albumin g/L). https://tools.gera.services/corrected-calcium ;
//    https://www.medicalcalculators.net/corrected-calcium-calculator
//  - Unit factors: calcium × 4.008, phosphorus × 3.097 (data in knowledge/analytes.ts).

import type { CaPhosProduct, LabValue } from './types';
import { compareDrawInfo, compareDraws, describeDraw, drawInfo, type DrawInfo } from './labs';
import { byStart, lowerBound } from './sorted';
import { runToEnd } from './steps';
import { convert, formatNumber, displayUnit } from './units';
import { ANALYTE_BY_ID, substanceOf } from '../knowledge/analytes';

export const CORRECTED_CALCIUM_SOURCE = {
  formula: 'Ca(mg/dL) + 0.8 × (4.0 − albumin g/dL); SI: Ca(mmol/L) + 0.02 × (40 − albumin g/L)',
  source: 'tools.gera.services corrected-calcium calculator; medicalcalculators.net corrected calcium calculator',
  url: 'https://tools.gera.services/corrected-calcium',
};

/** Albumin-corrected calcium in mg/dL: Ca + 0.8 × (4.0 − albumin). */
export function correctedCalcium(caMgDl: number, albuminGdl: number): number {
  return caMgDl + 0.8 * (4.0 - albuminGdl);
}

/** Albumin-corrected calcium in mmol/L: Ca + 0.02 × (40 − albumin g/L). */
export function correctedCalciumSi(caMmolL: number, albuminGL: number): number {
  return caMmolL + 0.02 * (40 - albuminGL);
}

const CA = ANALYTE_BY_ID.get('calcium')!;
const PHOS = ANALYTE_BY_ID.get('phosphate')!;

function toSi(analyte: typeof CA, mgDl: number): number {
  return convert(mgDl, 'mg/dL', 'mmol/L', substanceOf(analyte))!;
}

/** Why a value cannot enter a product, or null when it can. */
export function unusableReason(lab: LabValue): string | null {
  if (lab.implausible) return 'its value is implausible as written';
  if (lab.ambiguousUnit) return 'no unit was written and the number fits both mg/dL and mmol/L';
  if (!lab.conventional) return 'its unit could not be converted';
  if (lab.comparator) return `it is a bound (${lab.comparator} ${lab.value}), not a measured value`;
  if (lab.assertion.negated) return 'it is negated in the text';
  if (lab.assertion.temporality === 'hypothetical') return 'it is hypothetical (a target or a plan, not a result)';
  if (lab.assertion.temporality === 'historical') return 'it is a past value, not a current one';
  if (lab.assertion.experiencer !== 'patient') return 'it is not the patient’s value';
  if (lab.superseded) return 'a later value of the same trend is written after it';
  return null;
}

interface Candidate {
  index: number;
  lab: LabValue;
  /** The lab's draw key, looked up once (pairing compares each candidate many times). */
  draw: DrawInfo | undefined;
}

function pairScore(cc: Candidate, pc: Candidate): number | null {
  const cmp = compareDrawInfo(cc.draw, pc.draw);
  if (cmp === 'different') return null;
  const c = cc.lab;
  const p = pc.lab;
  const lineGap = Math.abs(c.line - p.line);
  if (cmp === 'same') return (lineGap === 0 ? 0 : 1) + lineGap / 1000 + Math.abs(c.start - p.start) / 1e9;
  // Draws unknown: both undated blocks, or one dated and one undated.
  const cDated = cc.draw?.dated ?? false;
  const pDated = pc.draw?.dated ?? false;
  if (cDated || pDated) return lineGap === 0 ? 0.5 : null;
  if (lineGap > 20) return null;
  return 2 + lineGap / 1000 + Math.abs(c.start - p.start) / 1e9;
}

/** First index in `sorted` (by offset) whose start is >= `start`. */
const lowerBoundByStart = (sorted: LabValue[], start: number) => lowerBound(sorted, start, byStart);

/** First index in `sorted` (by line) whose line is >= `line`. */
const lowerBoundByLine = (sorted: LabValue[], line: number) => lowerBound(sorted, line, (lab) => lab.line);

const albuminCache = new WeakMap<LabValue[], LabValue[]>();
function albuminsOf(labs: LabValue[]): LabValue[] {
  let list = albuminCache.get(labs);
  if (!list) {
    list = labs.filter((l) => l.analyte === 'albumin' && !unusableReason(l) && !!l.conventional);
    albuminCache.set(labs, list);
  }
  return list;
}

/**
 * How far (in lines) a partner of the same draw is looked for: calcium, phosphate and albumin
 * values further apart never affect each other's product (incremental.ts relies on it).
 */
export const DRAW_WINDOW_LINES = 60;
const WINDOW = DRAW_WINDOW_LINES;
/** How many candidates on either side (by position) are considered within the window. */
const NEIGHBOURS = 16;

/** The albumin of the same draw as a calcium (same date or block, or the same line), nearest first. */
export function nearestAlbumin(labs: LabValue[], ca: LabValue): LabValue | null {
  let best: LabValue | null = null;
  let bestGap = Infinity;
  const albs = albuminsOf(labs);
  const at = lowerBoundByStart(albs, ca.start);
  const from = Math.max(lowerBoundByLine(albs, ca.line - WINDOW), at - NEIGHBOURS);
  for (let k = from; k < albs.length && k < at + NEIGHBOURS && albs[k]!.line <= ca.line + WINDOW; k++) {
    const l = albs[k]!;
    const cmp = compareDraws(ca.draw, l.draw);
    if (cmp !== 'same' && !(cmp === 'unknown' && l.line === ca.line)) continue;
    const gap = Math.abs(l.start - ca.start);
    if (gap < bestGap) {
      best = l;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * Pairs each total calcium with the phosphate of the same draw (same line, table row or
 * dated block first; otherwise the nearest undated partner within 20 lines) and computes
 * the product. Never pairs across two different dates; negated, hypothetical, historical,
 * superseded, implausible and unit-ambiguous values are left out.
 */
export function pairCaPhos(labs: LabValue[], text: string, options: { threshold: number; useCorrectedCalcium: boolean }): CaPhosProduct[] {
  return runToEnd(pairCaPhosSteps(labs, text, options));
}

/**
 * pairCaPhos in steps, for the chunked analysis of a huge note: it yields between its
 * parts (gathering, scoring, sorting, choosing), which at 10 MB take a few milliseconds
 * each instead of 30 in one go.
 */
export function* pairCaPhosSteps(
  labs: LabValue[],
  text: string,
  options: { threshold: number; useCorrectedCalcium: boolean },
): Generator<void, CaPhosProduct[]> {
  void text;
  const cas: Candidate[] = [];
  const phs: Candidate[] = [];
  for (let index = 0; index < labs.length; index++) {
    if (index % LABS_PER_STEP === LABS_PER_STEP - 1) yield;
    const lab = labs[index]!;
    if (lab.analyte !== 'calcium' && lab.analyte !== 'phosphate') continue;
    if (unusableReason(lab)) continue;
    (lab.analyte === 'calcium' ? cas : phs).push({ index, lab, draw: drawInfo(lab.draw) });
  }
  if (!cas.length || !phs.length) return [];
  yield;

  const options2: { c: Candidate; p: Candidate; score: number }[] = [];
  const phLabs = phs.map((p) => p.lab);
  for (let ci = 0; ci < cas.length; ci++) {
    if (ci % CALCIUMS_PER_STEP === CALCIUMS_PER_STEP - 1) yield;
    const c = cas[ci]!;
    // Only phosphates within the window can be the same draw (labs are sorted by offset, so by line).
    // …and of those only the nearest few on either side: a pasted report with thousands of
    // values on one line would otherwise make every pair a candidate (quadratic time and memory).
    const at = lowerBoundByStart(phLabs, c.lab.start);
    const from = Math.max(lowerBoundByLine(phLabs, c.lab.line - WINDOW), at - NEIGHBOURS);
    for (let k = from; k < phs.length && k < at + NEIGHBOURS && phs[k]!.lab.line <= c.lab.line + WINDOW; k++) {
      const p = phs[k]!;
      const score = pairScore(c, p);
      if (score !== null) options2.push({ c, p, score });
    }
  }
  yield;
  options2.sort((x, y) => x.score - y.score);
  yield;
  // Labs already paired, by index into `labs` (a calcium and a phosphate are never the same lab).
  const used = new Uint8Array(labs.length);
  const products: CaPhosProduct[] = [];
  for (let k = 0; k < options2.length; k++) {
    // Choosing was the longest part left at 10 MB (about 25 ms in a fresh server, where this
    // code runs once and unoptimised): it pauses every few thousand candidate pairs too.
    if (k % PAIRS_PER_STEP === PAIRS_PER_STEP - 1) yield;
    const o = options2[k]!;
    if (used[o.c.index] === 1 || used[o.p.index] === 1) continue;
    used[o.c.index] = 1;
    used[o.p.index] = 1;
    const caLab = o.c.lab;
    const pLab = o.p.lab;
    let caMgDl = caLab.conventional!.value;
    let caSi = toSi(CA, caMgDl);
    let corrected = false;
    if (options.useCorrectedCalcium) {
      const alb = nearestAlbumin(labs, caLab);
      if (alb && alb.conventional) {
        caMgDl = correctedCalcium(caMgDl, alb.conventional.value);
        caSi = correctedCalciumSi(caSi, alb.conventional.value * 10);
        corrected = true;
      }
    }
    const pMgDl = pLab.conventional!.value;
    const value = caMgDl * pMgDl;
    products.push({
      calcium: o.c.index,
      phosphate: o.p.index,
      value,
      unit: 'mg2/dL2',
      siValue: caSi * toSi(PHOS, pMgDl),
      threshold: options.threshold,
      elevated: value > options.threshold,
      correctedCalcium: corrected,
      calciumMgDl: caMgDl,
      phosphateMgDl: pMgDl,
    });
  }
  yield;
  products.sort((a, b) => labs[a.phosphate]!.start - labs[b.phosphate]!.start);
  return products;
}

/** Candidate pairs weighed between two yields of pairCaPhosSteps' choosing loop. */
const PAIRS_PER_STEP = 4096;
/**
 * Lab values gathered (or calcium and phosphate values explained), and calcium values whose
 * candidate partners are scored, between two yields: at 10 MB (100,000 values) the gathering
 * took 9 ms and the scoring 13–22 ms in one go in a fresh server.
 */
const LABS_PER_STEP = 16384;
const CALCIUMS_PER_STEP = 4096;

/** The albumin used to correct a product's calcium, if any (same rules as pairCaPhos). */
export function albuminFor(labs: LabValue[], product: CaPhosProduct): LabValue | null {
  if (!product.correctedCalcium) return null;
  return nearestAlbumin(labs, labs[product.calcium]!);
}

export interface NotComputed {
  /** Index of the calcium or phosphate the explanation is attached to. */
  lab: number;
  /** Index of the nearest partner considered, if any. */
  partner: number | null;
  reason: string;
}

/**
 * For calcium and phosphate values that are in no product while the other analyte is
 * present: why no product was computed. One explanation per value, none for the earlier
 * values of a written trend.
 */
export function explainUnpaired(labs: LabValue[], products: CaPhosProduct[]): NotComputed[] {
  return runToEnd(explainUnpairedSteps(labs, products));
}

/** explainUnpaired in steps: it yields every few thousand values (100,000 values took 7–10 ms in one go). */
export function* explainUnpairedSteps(labs: LabValue[], products: CaPhosProduct[]): Generator<void, NotComputed[]> {
  const paired = new Set<number>();
  for (const p of products) {
    paired.add(p.calcium);
    paired.add(p.phosphate);
  }
  const cas: number[] = [];
  const phs: number[] = [];
  labs.forEach((l, i) => {
    if (l.analyte === 'calcium') cas.push(i);
    else if (l.analyte === 'phosphate') phs.push(i);
  });
  if (!cas.length || !phs.length) return [];
  const out: NotComputed[] = [];
  const covered = new Set<number>();
  const explain = (i: number, others: number[]): void => {
    const lab = labs[i]!;
    if (paired.has(i) || covered.has(i) || lab.superseded) return;
    const label = lab.analyte === 'calcium' ? 'calcium' : 'phosphate';
    const otherLabel = lab.analyte === 'calcium' ? 'phosphate' : 'calcium';
    const own = unusableReason(lab);
    // Nearest partner by lines: look at the neighbours of its position in `others` (sorted by offset).
    let partner: number | null = null;
    let gap = Infinity;
    let lo = 0;
    let hi = others.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (labs[others[mid]!]!.start < lab.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = Math.max(0, lo - 3); k < Math.min(others.length, lo + 3); k++) {
      const j = others[k]!;
      const g = Math.abs(labs[j]!.line - lab.line) * 1e6 + Math.abs(labs[j]!.start - lab.start);
      if (g < gap) {
        gap = g;
        partner = j;
      }
    }
    if (partner === null) return;
    const p = labs[partner]!;
    covered.add(i);
    if (own) {
      out.push({ lab: i, partner, reason: `No Ca × P product for this ${label}: ${own}.` });
      return;
    }
    const theirs = unusableReason(p);
    if (theirs && !paired.has(partner)) {
      covered.add(partner);
      out.push({ lab: i, partner, reason: `No Ca × P product: the nearest ${otherLabel} (${p.text.trim()}) cannot be used because ${theirs}.` });
      return;
    }
    if (paired.has(partner)) {
      // Its nearest partner went to another value; only worth saying when that is not a different date.
      const cmp = compareDraws(lab.draw, p.draw);
      if (cmp === 'different') out.push({ lab: i, partner, reason: `No Ca × P product: no ${otherLabel} from the same draw (${describeDraw(lab.draw)}) was found.` });
      else out.push({ lab: i, partner, reason: `No Ca × P product: the nearby ${otherLabel} is already paired with another ${label} value.` });
      return;
    }
    const cmp = compareDraws(lab.draw, p.draw);
    if (cmp === 'different') {
      covered.add(partner);
      out.push({ lab: i, partner, reason: `No Ca × P product: the nearest ${otherLabel} is from a different date (${describeDraw(p.draw)}, this ${label} ${describeDraw(lab.draw)}); values from different draws are not multiplied.` });
      return;
    }
    covered.add(partner);
    out.push({ lab: i, partner, reason: `No Ca × P product: the nearest ${otherLabel} is too far away to be sure it comes from the same draw.` });
  };
  for (let k = 0; k < cas.length; k++) {
    if (k % LABS_PER_STEP === LABS_PER_STEP - 1) yield;
    explain(cas[k]!, phs);
  }
  for (let k = 0; k < phs.length; k++) {
    if (k % LABS_PER_STEP === LABS_PER_STEP - 1) yield;
    explain(phs[k]!, cas);
  }
  yield;
  return out.sort((a, b) => labs[a.lab]!.start - labs[b.lab]!.start);
}

function fmtMgDl(v: number): string {
  return `${formatNumber(v, 1)} mg/dL`;
}

/**
 * The two factors of a product as its working shows them, in mg/dL: a value written in
 * mg/dL appears exactly as written; a converted or corrected one gets two decimals.
 * `equals` is "=" when the factors shown are exact and "≈" when one was rounded, so the
 * working never claims an equality the reader cannot check (2.7 mmol/L is 10.8216 mg/dL).
 */
export function productOperands(product: CaPhosProduct, labs: readonly LabValue[]): { ca: string; ph: string; equals: '=' | '≈' } {
  let exact = true;
  const operand = (valueMgDl: number, lab: LabValue, derived: boolean) => {
    if (!derived && typeof lab.value === 'number' && Math.abs(lab.value - valueMgDl) < 1e-9) return String(lab.value);
    const shown = formatNumber(valueMgDl, 2);
    if (Math.abs(Number(shown) - valueMgDl) > 1e-9) exact = false;
    return shown;
  };
  const ca = operand(product.calciumMgDl, labs[product.calcium]!, product.correctedCalcium);
  const ph = operand(product.phosphateMgDl, labs[product.phosphate]!, false);
  return { ca, ph, equals: exact ? '=' : '≈' };
}

/**
 * Plain text a clinician can insert after the values, e.g.
 * "Ca × P = 10.8 mg/dL × 7.1 mg/dL = 76.7 mg²/dL²" (and the albumin correction when used).
 */
export function formatProductText(product: CaPhosProduct, labs: LabValue[]): string {
  const ca = labs[product.calcium]!;
  const op = productOperands(product, labs);
  const working = `${op.ca} mg/dL × ${op.ph} mg/dL ${op.equals} ${formatNumber(product.value, 1)} mg²/dL²`;
  if (product.correctedCalcium) {
    const alb = albuminFor(labs, product);
    const albText = alb?.conventional ? `, albumin ${formatNumber(alb.conventional.value, 1)} g/dL` : '';
    return `Ca × P (albumin-corrected Ca ${op.ca} mg/dL from measured ${fmtMgDl(ca.conventional!.value)}${albText}) = ${working}`;
  }
  return `Ca × P = ${working}`;
}

/** Same product in SI, e.g. "2.69 mmol/L × 2.29 mmol/L = 6.17 mmol²/L²". */
export function formatProductSiText(product: CaPhosProduct): string {
  const caSi = product.siValue / toSi(PHOS, product.phosphateMgDl);
  return `${formatNumber(caSi, 2)} mmol/L × ${formatNumber(toSi(PHOS, product.phosphateMgDl), 2)} mmol/L = ${formatNumber(product.siValue, 2)} mmol²/L²`;
}

/** True when the note wrote calcium or phosphate of this product in SI units. */
export function productUsesSi(product: CaPhosProduct, labs: LabValue[]): boolean {
  for (const i of [product.calcium, product.phosphate]) {
    const l = labs[i]!;
    if (l.si && l.unit && /mol|eq/i.test(l.unit)) return true;
    if (l.si && !l.unit && l.unitAssumed && typeof l.value === 'number' && Math.abs(l.si.value - l.value) < 1e-9) return true;
  }
  return false;
}

/** Text for inserting the corrected calcium, e.g. "corrected Ca 11.6 mg/dL (albumin 3.0 g/dL)". */
export function formatCorrectedCalciumText(calcium: LabValue, albumin: LabValue): string | null {
  if (!calcium.conventional || !albumin.conventional) return null;
  const c = correctedCalcium(calcium.conventional.value, albumin.conventional.value);
  return `corrected Ca ${fmtMgDl(c)} (albumin ${formatNumber(albumin.conventional.value, 1)} ${displayUnit('g/dL')})`;
}
