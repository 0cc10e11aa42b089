// Diagnostics about lab values: the Ca × P product, products that could not be computed,
// implausible values, values outside a sourced reference range, and assumed units.
// Messages are our own words; every number shown comes with its source.

import type { CaPhosProduct, Finding, LabValue, UnitValue } from './types';
import { explainUnpairedSteps, formatProductSiText, productUsesSi, albuminFor, productOperands } from './caPhos';
import { bySpan } from './sorted';
import { runToEnd } from './steps';
import { displayUnit, formatNumber, convert } from './units';
import { ANALYTE_BY_ID, substanceOf, type Analyte, type AnalyteId } from '../knowledge/analytes';

export interface LabFindingOptions {
  threshold: number;
  thresholdSource: string;
  /** Overrides keyed by analyte id: [low, high] in the analyte's conventional unit. */
  referenceRanges: Record<string, [number, number]>;
}

function fmt(v: number, decimals = 1): string {
  return formatNumber(v, decimals);
}

export function labFindings(text: string, labs: LabValue[], products: CaPhosProduct[], options: LabFindingOptions): Finding[] {
  const findings: Finding[] = [];
  runToEnd(labFindingSteps(text, labs, products, options, findings));
  return findings.sort(bySpan);
}

/** Lab values checked, or explanations made findings, between two yields of labFindingSteps (a few milliseconds of work). */
const CHECKS_PER_STEP = 4096;
/** Ca×P products given their messages between two yields. */
const PRODUCTS_PER_STEP = 2048;

/**
 * The work of labFindings in steps: pushes the findings (unsorted) to `findings`, yielding
 * every few thousand values, so that the analysis of a huge note can pause in between.
 */
export function* labFindingSteps(
  text: string,
  labs: LabValue[],
  products: CaPhosProduct[],
  options: LabFindingOptions,
  findings: Finding[],
): Generator<void, void> {
  void text;

  for (let k = 0; k < products.length; k++) {
    // (Pauses here too: the messages of 14,000 products took 13 ms in one go.)
    if (k % PRODUCTS_PER_STEP === PRODUCTS_PER_STEP - 1) yield;
    const p = products[k]!;
    if (!p.elevated) continue;
    const ca = labs[p.calcium]!;
    const ph = labs[p.phosphate]!;
    const op = productOperands(p, labs);
    const caPart = p.correctedCalcium
      ? `corrected Ca ${op.ca} mg/dL (measured ${fmt(ca.conventional!.value)} mg/dL${albText(labs, p)})`
      : `Ca ${op.ca} mg/dL`;
    let message =
      `Calcium × phosphate product above the threshold: ${caPart} × phosphate ${op.ph} mg/dL ${op.equals} ${fmt(p.value)} mg²/dL² ` +
      `(> ${trimNumber(p.threshold)}, ${options.thresholdSource}).`;
    if (productUsesSi(p, labs)) message += ` In SI units: ${formatProductSiText(p)}.`;
    // A factor whose unit was inferred is doubt the product must not hide.
    const assumed = [ca, ph].filter((l) => l.unitAssumed).map((l) => (l.analyte === 'calcium' ? 'calcium' : 'phosphate'));
    if (assumed.length) message += ` The unit of ${assumed.join(' and ')} was not written and is assumed; writing it removes the doubt.`;
    findings.push({
      start: ph.valueStart,
      end: ph.valueEnd,
      severity: 'warning',
      code: 'ca-phos-product-elevated',
      message,
      related: [
        { start: ca.valueStart, end: ca.valueEnd, message: `calcium ${ca.text.trim()}` },
        { start: ph.valueStart, end: ph.valueEnd, message: `phosphate ${ph.text.trim()}` },
      ],
    });
  }

  // (A pause after each of the first two parts as well: at 10 MB each takes several
  // milliseconds, and together they were the longest step of a fresh server's analysis.)
  yield;
  const explained = new Set<number>();
  const explanations = yield* explainUnpairedSteps(labs, products);
  for (let k = 0; k < explanations.length; k++) {
    if (k % CHECKS_PER_STEP === CHECKS_PER_STEP - 1) yield;
    const n = explanations[k]!;
    explained.add(n.lab);
    const lab = labs[n.lab]!;
    const f: Finding = {
      start: lab.valueStart,
      end: lab.valueEnd,
      severity: 'information',
      code: 'ca-phos-product-not-computed',
      message: n.reason,
    };
    if (n.partner !== null) {
      const p = labs[n.partner]!;
      f.related = [{ start: p.valueStart, end: p.valueEnd, message: `nearest ${p.analyte === 'calcium' ? 'calcium' : 'phosphate'}: ${p.text.trim()}` }];
    }
    findings.push(f);
  }

  yield;
  const ranges = rangeCacheFor(options.referenceRanges);
  for (let index = 0; index < labs.length; index++) {
    if (index % CHECKS_PER_STEP === CHECKS_PER_STEP - 1) yield;
    const lab = labs[index]!;
    const a = ANALYTE_BY_ID.get(lab.analyte as AnalyteId);
    if (!a) continue;
    if (lab.implausible) {
      findings.push({
        start: lab.valueStart,
        end: lab.valueEnd,
        severity: 'warning',
        code: 'implausible-lab-value',
        message: `Probable unit or typing error in ${a.label}: ${lab.implausible}`,
      });
      continue;
    }
    if (lab.ambiguousUnit && !explained.has(index)) {
      // A number that fits both unit systems is not converted or used; say so rather than guess.
      findings.push({
        start: lab.valueStart,
        end: lab.valueEnd,
        severity: 'information',
        code: 'unit-ambiguous',
        message: `${lab.ambiguousUnit} It is not converted or used in any calculation; write the unit to remove the doubt.`,
      });
    }
    if (lab.unitAssumed && lab.unitAssumedReason) {
      findings.push({
        start: lab.valueStart,
        end: lab.valueEnd,
        severity: 'hint',
        code: 'unit-assumed',
        message: `Unit assumed for ${a.label}: ${lab.unitAssumedReason} Writing the unit removes the doubt.`,
      });
    }
    const out = outOfRange(lab, a, options.referenceRanges, ranges);
    if (out) findings.push(out);
  }
}

function albText(labs: LabValue[], p: CaPhosProduct): string {
  const alb = albuminFor(labs, p);
  return alb?.conventional ? `, albumin ${fmt(alb.conventional.value)} g/dL` : '';
}

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

export interface RangeInfo {
  low: number | null;
  high: number | null;
  /** "8.6–10.0 mg/dL (adults 18–60 y)" */
  text: string;
  source: string;
  url?: string;
  note?: string;
}

/** The reference range that applies: the user's override first, else the sourced one. */
export function referenceRangeFor(a: Analyte, overrides: Record<string, [number, number]>): RangeInfo | null {
  const o = overrides[a.id];
  if (o) {
    const unit = a.conventionalUnit ? ` ${displayUnit(a.conventionalUnit)}` : '';
    return { low: o[0], high: o[1], text: `${trimNumber(o[0])}–${trimNumber(o[1])}${unit}`, source: 'your setting calcinosisNotes.referenceRanges' };
  }
  const r = a.referenceRange;
  if (!r) return null;
  return { low: r.low, high: r.high, text: r.text, source: r.source, url: r.url, note: r.note };
}

/** 'high', 'low' or null against the applicable range (bounds like "< 0.5" are only flagged when certain). */
export function rangeFlag(lab: LabValue, range: RangeInfo | null): 'high' | 'low' | null {
  if (!range || !lab.conventional || lab.implausible) return null;
  const v = lab.conventional.value;
  const c = lab.comparator;
  if (range.high !== null && v > range.high && c !== '<' && c !== '<=') return 'high';
  if (range.high !== null && v === range.high && c === '>') return 'high';
  if (range.low !== null && v < range.low && c !== '>' && c !== '>=') return 'low';
  if (range.low !== null && v === range.low && c === '<') return 'low';
  return null;
}

/**
 * What outOfRange reuses: the range of each analyte, and each distinct message. A long note
 * repeats the same value many times (copied-forward labs), and its findings then share one
 * string instead of each holding a copy; an edit, which checks every value of the note
 * again, finds the messages already made. Both depend on the range overrides only, so the
 * caches are kept by the overrides' content (a settings change starts a new one).
 */
interface RangeCache {
  byAnalyte: Map<Analyte, RangeInfo | null>;
  /**
   * Messages made, by the converted number (a message depends on it and on the few things a
   * KnownMessage holds). Looked up by number, not by a string key: building that key, with two
   * numbers turned to text, was most of the cost of a full analysis's thousands of checks.
   */
  messages: Map<number, KnownMessage[]>;
  messageCount: number;
  /**
   * The message of a value, by its converted value object. That object is made once per value
   * (in labs/finish.ts) and never changed, and the value's analyte, number, unit, comparator
   * and assumed unit are fixed with it, so it stands for everything the message says; a value
   * an edit only moved keeps it, and finds its message without building a key.
   */
  byConverted: WeakMap<UnitValue, string>;
}

/** Everything an out-of-range message says about a value, besides its converted number. */
interface KnownMessage {
  analyte: Analyte;
  flag: 'high' | 'low';
  value: number | string;
  unit: string | null;
  conventionalUnit: string;
  unitAssumed: boolean;
  message: string;
}

const RANGE_CACHES = new Map<string, RangeCache>();
/**
 * Messages kept per cache before it starts again: far more than the distinct out-of-range values
 * of a long note (817 in the 10 MB benchmark note), and at most a few megabytes however long the
 * server runs and however many values are typed.
 */
const MESSAGES_KEPT = 10_000;
/** Override sets kept: the current settings and a few recent ones. */
const CACHES_KEPT = 4;

function rangeCacheFor(overrides: Record<string, [number, number]>): RangeCache {
  let key = '';
  for (const id in overrides) key += `${id}=${overrides[id]![0]},${overrides[id]![1]};`;
  let cache = RANGE_CACHES.get(key);
  if (!cache) {
    if (RANGE_CACHES.size >= CACHES_KEPT) RANGE_CACHES.clear();
    RANGE_CACHES.set(key, (cache = { byAnalyte: new Map(), messages: new Map(), messageCount: 0, byConverted: new WeakMap() }));
  } else if (cache.messageCount > MESSAGES_KEPT) {
    cache.messages.clear();
    cache.messageCount = 0;
  }
  return cache;
}

function outOfRange(lab: LabValue, a: Analyte, overrides: Record<string, [number, number]>, cache: RangeCache): Finding | null {
  if (a.kind !== 'quantitative' || !lab.conventional) return null;
  let range = cache.byAnalyte.get(a);
  if (range === undefined) cache.byAnalyte.set(a, (range = referenceRangeFor(a, overrides)));
  const flag = rangeFlag(lab, range);
  if (!flag || !range) return null;
  let message = cache.byConverted.get(lab.conventional);
  if (message !== undefined) return outOfRangeFinding(lab, message);
  // Everything the message says about this value (the range is the analyte's, fixed above).
  const conventional = lab.conventional;
  let known = cache.messages.get(conventional.value);
  if (known === undefined) cache.messages.set(conventional.value, (known = []));
  for (const k of known) {
    if (k.analyte === a && k.flag === flag && k.value === lab.value && k.unit === lab.unit && k.conventionalUnit === conventional.unit && k.unitAssumed === lab.unitAssumed) {
      message = k.message;
      break;
    }
  }
  if (message === undefined) {
    const conv = `${fmt(lab.conventional.value, a.decimals)} ${displayUnit(lab.conventional.unit)}`;
    const written = lab.unit && lab.conventional.unit !== lab.unit ? `${lab.value} ${lab.unit} (${conv})` : conv;
    const note = range.note ? ` ${range.note}` : ' Compare with the reporting lab’s own range.';
    message = `${a.name} ${written}${lab.unitAssumed ? ' (unit assumed: not written in the note)' : ''} is ${flag === 'high' ? 'above' : 'below'} the reference range ${range.text} (${range.source}${range.url ? `, ${range.url}` : ''}).${note}`;
    known.push({ analyte: a, flag, value: lab.value, unit: lab.unit, conventionalUnit: conventional.unit, unitAssumed: lab.unitAssumed, message });
    cache.messageCount++;
  }
  cache.byConverted.set(conventional, message);
  return outOfRangeFinding(lab, message);
}

function outOfRangeFinding(lab: LabValue, message: string): Finding {
  return { start: lab.valueStart, end: lab.valueEnd, severity: 'information', code: 'lab-out-of-range', message };
}

/** Range limits converted to the SI unit, for hovers ("2.15–2.50 mmol/L"). */
export function rangeInSi(a: Analyte, range: RangeInfo): string | null {
  if (!a.siUnit || !a.conventionalUnit || a.siUnit === a.conventionalUnit) return null;
  const lo = range.low === null ? null : convert(range.low, a.conventionalUnit, a.siUnit, substanceOf(a));
  const hi = range.high === null ? null : convert(range.high, a.conventionalUnit, a.siUnit, substanceOf(a));
  const u = displayUnit(a.siUnit);
  if (lo !== null && hi !== null) return `${fmt(lo, 2)}–${fmt(hi, 2)} ${u}`;
  if (hi !== null) return `< ${fmt(hi, 2)} ${u}`;
  if (lo !== null) return `> ${fmt(lo, 2)} ${u}`;
  return null;
}
