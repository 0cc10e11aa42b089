// Finishing the raw values: the draw each value belongs to (attached date, a date on its
// line, a date header above, else its paragraph), its assertion, conversions between unit
// systems, the unit inferred when none is written, plausibility messages, and the unit
// system shared by the values of one draw.

import { ANALYTE_BY_ID, substanceOf, type Analyte } from '../../knowledge/analytes';
import type { Assertion, LabValue } from '../types';
import { convert, displayUnit, formatNumber, normalizeUnit } from '../units';
import type { Geometry } from './geometry';
import type { RawValue } from './rawValue';

export function finish(text: string, geo: Geometry, r: RawValue, assertionOf: (s: number, e: number) => Assertion): LabValue {
  const a = r.analyte;
  const line = geo.lineOf(r.start);
  const assertion = assertionOf(r.start, r.end);

  // Draw: a date attached to the value, else one on its line, else a date header above,
  // else the paragraph (an undated block).
  let draw = r.attachedDate;
  if (!draw) {
    const dates = geo.datesOnLine(line);
    let best: string | undefined;
    // Dates are sorted and disjoint: the last one ending before the value, else the first one
    // after it. Binary search, as a pasted line can hold thousands of dated values.
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]!.end <= r.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) best = dates[lo - 1]!.key;
    else for (let k = lo; k < dates.length; k++) if (dates[k]!.start >= r.end) {
      best = dates[k]!.key;
      break;
    }
    draw = best ?? geo.headerAbove(line, r.start) ?? geo.paragraphKey(line);
  }
  let superseded = false;
  if (r.trendIndex !== undefined && r.trendLength !== undefined && r.trendIndex < r.trendLength - 1 && !r.attachedDate) {
    draw = `${draw}~earlier${r.trendLength - 1 - r.trendIndex}`;
  }
  if (r.trendIndex !== undefined && r.trendLength !== undefined && r.trendIndex < r.trendLength - 1) superseded = true;
  if (r.earlier) {
    superseded = true;
    if (!r.attachedDate) draw = `${draw}~earlier0`;
  }

  const labText = text.slice(r.start, r.end);
  const unit = r.unit !== null && r.unitStart !== undefined ? text.slice(r.unitStart, r.unitStart + r.unit.length) : r.unit;
  // One literal with every key, the optional ones included (undefined when not set): every
  // lab value then has one shape, and the code that reads thousands of them stays
  // monomorphic. (JSON output drops the undefined keys.)
  const lab: LabValue = {
    text: labText,
    start: r.start,
    end: r.end,
    line,
    character: r.start - geo.lineStart(line),
    analyte: a.id,
    value: r.value,
    unit,
    comparator: r.comparator,
    conventional: null,
    si: null,
    assertion,
    valueStart: r.valueStart,
    valueEnd: r.valueEnd,
    unitAssumed: false,
    draw,
    implausible: undefined,
    result: r.result,
    unitAssumedReason: undefined,
    ambiguousUnit: undefined,
    superseded: superseded || undefined,
  };

  if (typeof r.value === 'number' && a.kind === 'quantitative') resolveUnits(lab, a, r.value, r.unit, r.inheritedUnit);
  else if (typeof r.value === 'number' && r.unit) {
    const code = normalizeUnit(r.unit);
    if (code) lab.conventional = { value: r.value, unit: code };
  }
  return lab;
}

/** Whether 1 in the conventional unit is 1 in the SI unit (bicarbonate mEq/L = mmol/L), by analyte. */
const SAME_NUMBER = new Map<Analyte, boolean>();
function sameNumberInBothUnits(a: Analyte): boolean {
  let same = SAME_NUMBER.get(a);
  if (same === undefined) {
    same = !!a.conventionalUnit && !!a.siUnit && convert(1, a.conventionalUnit, a.siUnit, substanceOf(a)) === 1;
    SAME_NUMBER.set(a, same);
  }
  return same;
}

function toConventional(a: Analyte, value: number, code: string): number | null {
  if (!a.conventionalUnit) return null;
  const alias = a.aliasUnits?.[code];
  return convert(value, alias ?? code, a.conventionalUnit, substanceOf(a));
}

function fill(lab: LabValue, a: Analyte, value: number, code: string): void {
  const conv = toConventional(a, value, code);
  if (conv !== null && a.conventionalUnit) lab.conventional = { value: conv, unit: a.conventionalUnit };
  if (a.siUnit) {
    const si = convert(value, a.aliasUnits?.[code] ?? code, a.siUnit, substanceOf(a));
    if (si !== null) lab.si = { value: si, unit: a.siUnit };
  }
}

function rangeText(a: Analyte, range: [number, number]): string {
  const conv = `${trim(range[0])}–${trim(range[1])}${a.conventionalUnit ? ` ${displayUnit(a.conventionalUnit)}` : ''}`;
  if (!a.siUnit || !a.conventionalUnit || a.siUnit === a.conventionalUnit) return conv;
  const lo = convert(range[0], a.conventionalUnit, a.siUnit, substanceOf(a));
  const hi = convert(range[1], a.conventionalUnit, a.siUnit, substanceOf(a));
  if (lo === null || hi === null) return conv;
  return `${conv} (${trim(lo)}–${trim(hi)} ${displayUnit(a.siUnit)})`;
}
function trim(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? String(Number(n.toFixed(1))) : String(Number(n.toFixed(2)));
}

/** Conversions, or the unit assumed and why, or why none can be: from the number, its written unit and a unit carried from a trend. */
function resolveUnits(lab: LabValue, a: Analyte, value: number, unit: string | null, inheritedUnit: string | null | undefined): void {
  if (a.measure === 'ph') {
    if (a.plausible && (value < a.plausible[0] || value > a.plausible[1])) {
      lab.implausible = `A pH of ${value} is outside what a living patient can have (we expect about ${a.plausible[0]}–${a.plausible[1]}); check for a typing error.`;
    }
    return;
  }
  if (unit) {
    const code = normalizeUnit(unit);
    if (!code) return;
    fill(lab, a, value, code);
    checkPlausible(lab, a, value, code);
    return;
  }
  if (inheritedUnit) {
    const code = normalizeUnit(inheritedUnit);
    if (code) {
      fill(lab, a, value, code);
      lab.unitAssumed = true;
      lab.unitAssumedReason = `No unit was written on this earlier value; it is read in ${displayUnit(code)}, the unit written on the later value of the same trend.`;
      checkPlausible(lab, a, value, code);
      return;
    }
  }
  if (!a.conventionalUnit) return;
  // Units where both systems give the same number (bicarbonate mEq/L = mmol/L) need no assumption.
  if (a.siUnit && sameNumberInBothUnits(a)) {
    fill(lab, a, value, a.conventionalUnit);
    checkPlausible(lab, a, value, a.conventionalUnit);
    return;
  }
  const inf = a.inference;
  if (!inf || !a.siUnit) {
    if (a.plausible && a.conventionalUnit && a.siUnit) {
      const asSi = convert(value, a.siUnit, a.conventionalUnit, substanceOf(a));
      const convOk = value >= a.plausible[0] && value <= a.plausible[1];
      const siOk = asSi !== null && asSi >= a.plausible[0] && asSi <= a.plausible[1];
      if (!convOk && !siOk) lab.implausible = `${value} is not a possible ${a.name.toLowerCase()} in ${displayUnit(a.conventionalUnit)} or in ${displayUnit(a.siUnit)} (we expect about ${rangeText(a, a.plausible)}); check the number and its unit.`;
      else lab.ambiguousUnit = `No unit was written, and ${value} could be ${displayUnit(a.conventionalUnit)} or ${displayUnit(a.siUnit)} for ${a.label}.`;
    } else if (a.plausible && a.conventionalUnit && (value < a.plausible[0] || value > a.plausible[1])) {
      lab.implausible = `${value} is outside what is possible for ${a.name.toLowerCase()} in ${displayUnit(a.conventionalUnit)} (we expect about ${rangeText(a, a.plausible)}); check the number and its unit.`;
    }
    return;
  }
  const inConv = value >= inf.conventional[0] && value <= inf.conventional[1];
  const inSi = value >= inf.si[0] && value <= inf.si[1];
  if (inConv && !inSi) {
    fill(lab, a, value, a.conventionalUnit);
    lab.unitAssumed = true;
    const si = lab.si ? `${formatNumber(lab.si.value)} ${displayUnit(a.siUnit)}` : null;
    lab.unitAssumedReason = `No unit was written. ${value} only makes sense for ${a.label} in ${displayUnit(a.conventionalUnit)}${si ? ` (${si})` : ''}; as ${displayUnit(a.siUnit)} it would be impossible.`;
    checkPlausible(lab, a, value, a.conventionalUnit);
  } else if (inSi && !inConv) {
    fill(lab, a, value, a.siUnit);
    lab.unitAssumed = true;
    const conv = lab.conventional ? `${formatNumber(lab.conventional.value)} ${displayUnit(a.conventionalUnit)}` : null;
    lab.unitAssumedReason = `No unit was written. ${value} only makes sense for ${a.label} in ${displayUnit(a.siUnit)}${conv ? ` (${conv})` : ''}; as ${displayUnit(a.conventionalUnit)} it would be impossible.`;
    checkPlausible(lab, a, value, a.siUnit);
  } else if (inConv && inSi) {
    lab.ambiguousUnit = `No unit was written, and ${value} is possible for ${a.label} both in ${displayUnit(a.conventionalUnit)} and in ${displayUnit(a.siUnit)}.`;
  } else {
    lab.implausible = `${value} is not a possible ${a.name.toLowerCase()} in either unit: we expect about ${rangeText(a, a.plausible ?? inf.conventional)}. It may be a typing error or a different test.`;
  }
}

function checkPlausible(lab: LabValue, a: Analyte, value: number, code: string): void {
  if (!a.plausible || !lab.conventional) return;
  const c = lab.conventional.value;
  if (c >= a.plausible[0] && c <= a.plausible[1]) return;
  let hint = '';
  // Would the number make sense in the other unit system?
  if (a.conventionalUnit && a.siUnit && a.conventionalUnit !== a.siUnit) {
    const other = code === a.siUnit || convert(1, code, a.siUnit, substanceOf(a)) === 1 ? a.conventionalUnit : a.siUnit;
    const asOther = toConventional(a, value, other);
    if (asOther !== null && asOther >= a.plausible[0] && asOther <= a.plausible[1] && other !== code) {
      hint = ` It looks like a value in ${displayUnit(other)}${other === a.siUnit ? ` (${value} ${displayUnit(other)} = ${formatNumber(asOther)} ${displayUnit(a.conventionalUnit)})` : ''}.`;
    }
  }
  lab.implausible = `${value} ${lab.unit ? displayUnit(normalizeUnit(lab.unit) ?? lab.unit) : displayUnit(code)} is not a possible ${a.name.toLowerCase()} (we expect about ${rangeText(a, a.plausible)}).${hint || ' Check the number and its unit.'}`;
}

/** How the reason of a unit taken from the rest of the draw begins and ends (see dependsOnDraw). */
const FROM_DRAW_OPENING = 'No unit was written and ';
const FROM_DRAW_MARK = ' fits both unit systems; it is read in ';

/**
 * Does the value's unit depend on the other values of its draw? Only a number that fits both
 * unit systems does: harmonizeAmbiguous reads it in the system of the rest of its draw (its
 * reason then says so) or leaves it ambiguous; a unit written, inherited or told from the
 * magnitude does not. The incremental analysis asks this before it re-reads part of a note.
 */
export function dependsOnDraw(lab: LabValue): boolean {
  if (lab.ambiguousUnit !== undefined) return true;
  const reason = lab.unitAssumedReason;
  return reason !== undefined && reason.startsWith(FROM_DRAW_OPENING) && reason.includes(FROM_DRAW_MARK);
}

/**
 * An ambiguous unitless value takes the unit system of the other values written in the
 * same draw (e.g. "Ca 10.8, Phos 3.2": calcium is clearly mg/dL, so phosphate is read in mg/dL).
 */
export function harmonizeAmbiguous(labs: LabValue[], onlyDraws?: ReadonlySet<string>): void {
  // Most notes have no ambiguous value at all: then there is nothing to harmonise.
  if (!labs.some((l) => l.ambiguousUnit)) return;
  const systemByDraw = new Map<string, 'conventional' | 'si' | 'mixed'>();
  for (const l of labs) {
    if (!l.draw || !l.conventional || !l.si || l.implausible || l.ambiguousUnit) continue;
    if (onlyDraws && !onlyDraws.has(l.draw)) continue;
    const a = ANALYTE_BY_ID.get(l.analyte as Analyte['id']);
    if (!a || !a.conventionalUnit || !a.siUnit || sameNumberInBothUnits(a)) continue;
    let sys: 'conventional' | 'si' | null = null;
    if (l.unit) {
      const code = normalizeUnit(l.unit);
      sys = code === a.siUnit ? 'si' : code === a.conventionalUnit ? 'conventional' : null;
    } else if (l.unitAssumed && typeof l.value === 'number') {
      sys = Math.abs(l.si.value - l.value) < 1e-9 ? 'si' : 'conventional';
    }
    if (!sys) continue;
    const prev = systemByDraw.get(l.draw);
    systemByDraw.set(l.draw, prev && prev !== sys ? 'mixed' : sys);
  }
  for (const l of labs) {
    if (!l.ambiguousUnit || !l.draw || typeof l.value !== 'number') continue;
    if (onlyDraws && !onlyDraws.has(l.draw)) continue;
    const sys = systemByDraw.get(l.draw);
    if (sys !== 'conventional' && sys !== 'si') continue;
    const a = ANALYTE_BY_ID.get(l.analyte as Analyte['id'])!;
    const code = sys === 'si' ? a.siUnit! : a.conventionalUnit!;
    fill(l, a, l.value, code);
    l.unitAssumed = true;
    l.ambiguousUnit = undefined;
    l.unitAssumedReason = `${FROM_DRAW_OPENING}${l.value}${FROM_DRAW_MARK}${displayUnit(code)} because the other values of the same draw are written in ${sys === 'si' ? 'SI units' : 'conventional units'}.`;
    checkPlausible(l, a, l.value, code);
  }
}

/**
 * Harmonises the draws in `draws` again, over a list of values read in parts (the regions of
 * an incremental or chunked analysis). Each part harmonised what it read, and saw only its
 * own piece of a draw that crosses into another part; reading the whole note again gave the
 * right answer but costs tens of milliseconds at 1 MB. Instead, each value of those draws whose
 * unit was taken from its draw goes back to its ambiguous state (what `finish` made of its
 * unitless number), and the draws are harmonised once, over all their values. `copy` is called
 * on a value before it is changed and returns the object to change (the caller's copy, when
 * the list shares values with an analysis that must not change).
 */
export function harmonizeAgain(labs: LabValue[], draws: ReadonlySet<string>, copy: (lab: LabValue, index: number) => LabValue): void {
  for (let k = 0; k < labs.length; k++) {
    const l = labs[k]!;
    if (l.draw === undefined || !draws.has(l.draw) || l.ambiguousUnit !== undefined || !dependsOnDraw(l)) continue;
    const a = ANALYTE_BY_ID.get(l.analyte as Analyte['id']);
    if (!a || typeof l.value !== 'number' || l.unit !== null) continue;
    const lab = copy(l, k);
    lab.conventional = null;
    lab.si = null;
    lab.unitAssumed = false;
    lab.unitAssumedReason = undefined;
    lab.implausible = undefined;
    // finish's own reading of a unitless number (a unit carried from a trend would have
    // resolved it, so the value had none that could be read).
    resolveUnits(lab, a, l.value, null, undefined);
  }
  harmonizeAmbiguous(labs, draws);
}
