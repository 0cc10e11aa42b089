// Reads what follows (or, for "10.8 mg/dL calcium", precedes) a quantitative name: slash
// lists ("Ca/Phos 10.8/7.1"), an optional date, the number, its tail (unit, flag, range,
// attached date), trends ("9.1 -> 10.8") and continuations ("previously 9.4"). Also
// `unitFits`, the check that a written unit measures what the analyte is measured in.

import { ANALYTE_BY_ID, type Analyte, type AnalyteId } from '../../knowledge/analytes';
import { skipBlanks } from '../blanks';
import type { LabValue } from '../types';
import { UNIT_AT, normalizeUnit, unitClass } from '../units';
import { dateKey } from './dates';
import type { Geometry } from './geometry';
import { NAME_AT, lookup, type NameEntry } from './names';
import * as patterns from './patterns';
import { rawValue, type RawValue } from './rawValue';
import { comparatorOf, parseNumber } from './text';

// Module-level copies of the sticky regexes and their checks: a CommonJS build of this file
// (tsx, mocha) would otherwise read each one through an export getter on every use below.
const {
  BACK_RE,
  BARE_EXCRETION_UNIT_AT,
  DATE_AFTER_AT,
  DATE_PREFIX_AT,
  EARLIER_AT,
  fillerEnd,
  FLAG_AT,
  MAX_SLASH_NAMES,
  mayBeDateAfter,
  mayBeDatePrefix,
  mayBeEarlier,
  mayBeFlag,
  mayBeNextNumber,
  mayBeRange,
  mayBeSlash,
  mayBeTableUnit,
  mayBeTrend,
  NEXT_DATED_AT,
  NOT_VALUE_AFTER,
  NUM_AT,
  plainNumberEnd,
  RANGE_AT,
  SLASH_AT,
  SLASH_NUM_AT,
  TABLE_UNIT_AT,
  TREND_AT,
} = patterns;

const URINE_COUNTERPART: Partial<Record<AnalyteId, AnalyteId>> = { calcium: 'urine-calcium-24h', phosphate: 'urine-phosphate-24h' };

/** Reads what follows a quantitative name; pushes values; returns the end offset consumed or 0. */
export function readQuantitative(
  norm: string,
  geo: Geometry,
  first: Analyte,
  entry: NameEntry,
  nameStart: number,
  nameEnd: number,
  out: RawValue[],
  consumedTo: number,
): number {
  // Slash list: "Ca/Phos 10.8/7.1", "Ca/P/Mg: 9.8/4.1/2.0 mg/dL". Most names stand alone, so
  // the list (and the other per-value arrays below) is made only when it is needed: a 1 MB
  // note holds some 10,000 values, and these small arrays were a third of the lab scan's
  // allocation.
  let names: { analyte: Analyte; end: number }[] | null = null;
  let pos = nameEnd;
  // A real list names a handful of analytes; without a cap, "Ca/Ca/Ca/…" pasted over a long
  // line would be re-read from every name in it (quadratic).
  while ((names === null ? 1 : names.length) < MAX_SLASH_NAMES) {
    if (!mayBeSlash(norm, pos)) break;
    SLASH_AT.lastIndex = pos;
    if (!SLASH_AT.test(norm)) break;
    NAME_AT.lastIndex = SLASH_AT.lastIndex;
    const nm = NAME_AT.exec(norm);
    if (!nm) break;
    const e = lookup(nm[0], true);
    if (!e || !e.analyte || e.analyte.kind !== 'quantitative') break;
    pos = NAME_AT.lastIndex;
    (names ??= [{ analyte: first, end: nameEnd }]).push({ analyte: e.analyte, end: pos });
  }

  let p = pos;
  let attachedDate: string | undefined;
  p = fillerEnd(norm, p);
  DATE_PREFIX_AT.lastIndex = p;
  const dp = mayBeDatePrefix(norm, p) ? DATE_PREFIX_AT.exec(norm) : null;
  if (dp) {
    attachedDate = dateKey(dp) ?? undefined;
    if (attachedDate) {
      p = DATE_PREFIX_AT.lastIndex;
      p = fillerEnd(norm, p);
    }
  }

  const firstNumber = numberAt(norm, p);
  if (!firstNumber) {
    if (names === null && !entry.numberOnly) return readBackward(norm, first, nameStart, nameEnd, out, consumedTo);
    return 0;
  }
  // A bare "P" must stand right before its number ("P 4.1", "P: 4.1").
  if (entry.numberOnly && names === null && !/^[ \t]*[:=]?[ \t]*$/.test(norm.slice(nameEnd, p))) return 0;
  let q = firstNumber.end;
  if (names !== null) return readSlashList(norm, names, firstNumber, nameStart, attachedDate, out, q);

  let tail = readTail(norm, first, q);
  // "24-h urine: calcium 412 mg/24h": a serum name with a per-24 h unit on a line about
  // urine is the 24 h urine test (without "urine" it stays an intake and is not read).
  const urine = URINE_COUNTERPART[first.id];
  if (!tail && urine && geo.urineBefore(nameStart)) {
    const counterpart = ANALYTE_BY_ID.get(urine)!;
    tail = readTail(norm, counterpart, q);
    if (tail) first = counterpart;
  }
  if (!tail) return 0;
  q = tail.end;

  // Maybe a trend "9.1 -> 10.8 -> 11.2".
  const chain: ChainLink[] = [{ n: firstNumber, unit: tail.unit, unitStart: tail.unitStart, end: tail.unitEnd ?? firstNumber.end, date: tail.date }];
  for (let guard = 0; guard < 6; guard++) {
    if (!mayBeTrend(norm, q)) break;
    TREND_AT.lastIndex = q;
    if (!TREND_AT.test(norm)) break;
    NUM_AT.lastIndex = TREND_AT.lastIndex;
    const tn = NUM_AT.exec(norm);
    if (!tn) break;
    const s = tn.index + tn[0].length - tn[2]!.length;
    const t = readTail(norm, first, NUM_AT.lastIndex);
    if (!t) break;
    chain.push({ n: { raw: tn[2]!, start: s, end: NUM_AT.lastIndex, comparator: comparatorOf(tn[1]) }, unit: t.unit, unitStart: t.unitStart, end: t.unitEnd ?? NUM_AT.lastIndex, date: t.date });
    q = t.end;
  }
  // Continuations after the current value: an earlier value ("previously 9.4", "(baseline 0.9)")
  // or another dated value ("9.2 (1/2/2026), 10.8 (3/14/2026)"). They are pushed before the chain.
  for (let guard = 0; guard < 4; guard++) {
    EARLIER_AT.lastIndex = q;
    let earlier = false;
    let at = -1;
    if (mayBeEarlier(norm, q) && EARLIER_AT.test(norm) && EARLIER_AT.lastIndex > q) {
      earlier = true;
      at = EARLIER_AT.lastIndex;
    } else {
      NEXT_DATED_AT.lastIndex = q;
      if (mayBeNextNumber(norm, q) && NEXT_DATED_AT.test(norm)) at = NEXT_DATED_AT.lastIndex;
    }
    if (at < 0) break;
    NUM_AT.lastIndex = at;
    const en = NUM_AT.exec(norm);
    if (!en) break;
    const t = readTail(norm, first, NUM_AT.lastIndex);
    if (!t || (!earlier && !t.date)) break;
    const s = en.index + en[0].length - en[2]!.length;
    // A closing parenthesis of "(baseline 0.9)".
    let endQ = t.end;
    if (norm[endQ] === ')') endQ++;
    const v = rawValue(first, s, t.unitEnd ?? NUM_AT.lastIndex, s, NUM_AT.lastIndex, parseNumber(en[2]!), t.unit, t.unitStart, comparatorOf(en[1]));
    v.attachedDate = t.date;
    v.earlier = earlier;
    out.push(v);
    q = endQ;
  }
  const lastUnit = chain[chain.length - 1]!.unit;
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i]!;
    const v = rawValue(first, i === 0 ? nameStart : c.n.start, c.end, c.n.start, c.n.end, parseNumber(c.n.raw), c.unit, c.unitStart, c.n.comparator);
    v.attachedDate = c.date ?? (i === 0 ? attachedDate : undefined);
    if (chain.length > 1) {
      v.trendIndex = i;
      v.trendLength = chain.length;
    }
    if (!c.unit) v.inheritedUnit = lastUnit;
    out.push(v);
  }
  return q;
}

/** The number NUM_AT reads at `at` (a plain number without the regex: see plainNumberEnd), or null. */
function numberAt(norm: string, at: number): NumberRead | null {
  const end = plainNumberEnd(norm, at);
  if (end >= 0) return { raw: norm.slice(at, end), start: at, end, comparator: null };
  NUM_AT.lastIndex = at;
  const num = NUM_AT.exec(norm);
  if (!num) return null;
  return { raw: num[2]!, start: num.index + num[0].length - num[2]!.length, end: NUM_AT.lastIndex, comparator: comparatorOf(num[1]) };
}

interface NumberRead {
  raw: string;
  start: number;
  end: number;
  comparator: LabValue['comparator'];
}

interface ChainLink {
  n: NumberRead;
  unit: string | null;
  unitStart?: number;
  end: number;
  date?: string;
}

/** "Ca/Phos 10.8/7.1 mg/dL": the numbers after the first, one per name, and their shared tail. */
function readSlashList(
  norm: string,
  names: { analyte: Analyte; end: number }[],
  firstNumber: NumberRead,
  nameStart: number,
  attachedDate: string | undefined,
  out: RawValue[],
  from: number,
): number {
  const numbers: NumberRead[] = [firstNumber];
  let q = from;
  for (let i = 1; i < names.length; i++) {
    SLASH_NUM_AT.lastIndex = q;
    const sn = SLASH_NUM_AT.exec(norm);
    if (!sn) return 0;
    numbers.push({ raw: sn[1]!, start: SLASH_NUM_AT.lastIndex - sn[1]!.length, end: SLASH_NUM_AT.lastIndex, comparator: null });
    q = SLASH_NUM_AT.lastIndex;
  }
  const tail = readTail(norm, null, q);
  if (!tail) return 0;
  q = tail.end;
  for (let i = 0; i < names.length; i++) {
    const a = names[i]!.analyte;
    const n = numbers[i]!;
    const unitOk = tail.unit && unitFits(a, tail.unit);
    const v = rawValue(
      a,
      i === 0 ? nameStart : n.start,
      i === names.length - 1 ? q : n.end,
      n.start,
      n.end,
      parseNumber(n.raw),
      unitOk ? tail.unit : null,
      unitOk ? tail.unitStart : undefined,
      n.comparator,
    );
    v.attachedDate = tail.date ?? attachedDate;
    out.push(v);
  }
  return q;
}

interface Tail {
  unit: string | null;
  unitStart?: number;
  unitEnd?: number;
  date?: string;
  end: number;
}

/**
 * After a number: unit, flag, reference range, attached date. Returns null when what
 * follows shows the number is not a lab value (a date, a range, a dose, an age).
 */
export function readTail(norm: string, single: Analyte | null, from: number): Tail | null {
  let q = from;
  let unit: string | null = null;
  let unitEnd: number | undefined;
  let unitStart: number | undefined;
  // The unit: UNIT_AT's spelling begins right after the blanks (none begins with a blank), so
  // a test and a slice give it without a match array; TABLE_UNIT_AT, for a table cell or
  // parentheses, runs only when one of those follows.
  let written: string | null = null;
  let writtenAt = 0;
  let uEnd = 0;
  UNIT_AT.lastIndex = q;
  if (UNIT_AT.test(norm)) {
    uEnd = UNIT_AT.lastIndex;
    writtenAt = skipBlanks(norm, q);
    written = norm.slice(writtenAt, uEnd);
  } else if (mayBeTableUnit(norm, q)) {
    TABLE_UNIT_AT.lastIndex = q;
    const u = TABLE_UNIT_AT.exec(norm);
    if (u) {
      written = u[1]!;
      uEnd = TABLE_UNIT_AT.lastIndex;
      writtenAt = uEnd - u[0].length + u[0].indexOf(written);
    }
  }
  if (written !== null) {
    const code = normalizeUnit(written);
    if (code && single && !unitCodeFits(single, code)) {
      // A per-day unit after a serum analyte is an intake or a dose, a concentration after
      // a 24 h urine analyte is a spot sample: either way not this analyte's value.
      return null;
    }
    if (code) {
      unit = written;
      unitStart = writtenAt;
      q = uEnd;
      unitEnd = unitStart + written.length;
    }
  } else if (single && single.measure === 'excretion') {
    BARE_EXCRETION_UNIT_AT.lastIndex = q;
    const b = BARE_EXCRETION_UNIT_AT.exec(norm);
    if (b) {
      unit = b[1]!;
      q = BARE_EXCRETION_UNIT_AT.lastIndex;
      unitEnd = q;
      unitStart = q - unit.length;
    }
  }
  if (!unit) {
    NOT_VALUE_AFTER.lastIndex = q;
    if (NOT_VALUE_AFTER.test(norm)) return null;
  }
  let date: string | undefined;
  for (let guard = 0; guard < 4; guard++) {
    FLAG_AT.lastIndex = q;
    if (mayBeFlag(norm, q) && FLAG_AT.test(norm)) {
      q = FLAG_AT.lastIndex;
      continue;
    }
    RANGE_AT.lastIndex = q;
    if (mayBeRange(norm, q) && RANGE_AT.test(norm)) {
      q = RANGE_AT.lastIndex;
      // "10.8 (8.6-10.2) mg/dL": the unit written after the range is the value's unit too.
      if (!unit) {
        UNIT_AT.lastIndex = q;
        const after = UNIT_AT.exec(norm);
        const afterCode = after && normalizeUnit(after[1]!);
        if (afterCode && (!single || unitCodeFits(single, afterCode))) {
          unit = after[1]!;
          unitStart = UNIT_AT.lastIndex - unit.length;
          q = UNIT_AT.lastIndex;
        }
      }
      continue;
    }
    DATE_AFTER_AT.lastIndex = q;
    const d = mayBeDateAfter(norm, q) ? DATE_AFTER_AT.exec(norm) : null;
    if (d && !date) {
      const key = dateKey(d);
      if (key) {
        date = key;
        q = DATE_AFTER_AT.lastIndex;
        continue;
      }
    }
    break;
  }
  return { unit, unitStart, unitEnd, date, end: q };
}

/** "10.8 mg/dL calcium": a number with a unit right before the name. */
function readBackward(norm: string, a: Analyte, nameStart: number, nameEnd: number, out: RawValue[], consumedTo: number): number {
  const from = Math.max(0, nameStart - 40, consumedTo);
  if (from >= nameStart) return 0;
  const before = norm.slice(from, nameStart);
  const m = BACK_RE.exec(before);
  if (!m) return 0;
  const written = m[3]!;
  const code = normalizeUnit(written);
  if (!code || !unitCodeFits(a, code)) return 0;
  const start = from + m.index + (m[0].length - m[0].trimStart().length);
  const numIdx = from + m.index + m[0].indexOf(m[2]!, m[1] ? m[1].length : 0);
  // The number must not be glued to something before it ("3/10.8").
  const prev = norm[start - 1];
  if (prev && /[\d/.,]/.test(prev)) return 0;
  out.push(rawValue(a, start, nameEnd, numIdx, numIdx + m[2]!.length, parseNumber(m[2]!), written, from + m.index + m[0].lastIndexOf(written), comparatorOf(m[1])));
  return nameEnd;
}

/** Whether a written unit measures what the analyte is measured in. */
export function unitFits(a: Analyte, written: string): boolean {
  const code = normalizeUnit(written);
  return code !== null && unitCodeFits(a, code);
}

/** unitFits for a unit already normalised to its code. */
function unitCodeFits(a: Analyte, code: string): boolean {
  const cls = unitClass(code);
  switch (a.measure) {
    case 'concentration':
      return cls === 'concentration';
    case 'excretion':
      return cls === 'excretion' || cls === 'amount';
    case 'activity':
      return cls === 'activity' || (cls === 'arbitrary' && !!a.aliasUnits?.[code]);
    case 'serology':
      return code === a.conventionalUnit;
    default:
      return false;
  }
}
