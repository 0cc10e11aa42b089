// Serology: "ANA positive 1:320 speckled", "ANA, anti-dsDNA and Scl-70 negative",
// "positive ANA", and the quantitative anti-dsDNA ("dsDNA 45 IU/mL"). A name without a
// result may be the start of a list whose result comes after the last name ('pending').

import type { Analyte } from '../../knowledge/analytes';
import type { LabValue } from '../types';
import { normalizeUnit } from '../units';
import { NAME_AT, lookup } from './names';
import { NUM_AT } from './patterns';
import { readTail } from './quantitative';
import { rawValue, type RawValue } from './rawValue';
import { comparatorOf, parseNumber } from './text';

const QUAL_FILLER_AT =
  /(?:[ \t]*(?:antibod(?:y|ies)|Abs?|IgG|screen|by[ \t]+IFA|IFA|titer|titre|test(?:ing)?|panel|levels?|was|were|is|are|came[ \t]+back|returned|result(?:ed)?|reported|:|=|-(?=[ \t]*[A-Za-z(])|\(|\)))*[ \t]*/y;
const QUAL_RESULT_AT =
  /(weakly[ \t]+positive|strongly[ \t]+positive|positive|pos\.?(?![A-Za-z])|\+ve|\(\+\)|\+(?![\d])|negative|neg\.?(?![A-Za-z])|-ve|\(-\)|not[ \t]+detected|undetectable|detected|non-?reactive|reactive|equivocal|indeterminate|borderline)/iy;
const TITRE_RE = /(?:titer|titre)?[ \t]*(?:of[ \t]+)?(?:at[ \t]+)?(?:a[ \t]+)?(?:titer|titre)?[ \t]*(?:of[ \t]+)?(1[ \t]*:[ \t]*\d{2,5})/iy;
const PATTERN_RE = /(speckled|homogene?ous|nucleolar|centromere|cytoplasmic|peripheral|rim|diffuse|fine[ \t]+speckled|coarse[ \t]+speckled|dense[ \t]+fine[ \t]+speckled)/i;
const QUAL_LIST_SEP_AT = /[ \t]*(?:,|\/|and|&|\+)[ \t]*(?:(?:and|or)[ \t]+)?/y;
const QUAL_BEFORE_RE = /(positive|negative|\+ve|-ve)[ \t]+(?:for[ \t]+)?(?:an?[ \t]+)?$/i;

export function QUAL_LIST_GAP(norm: string, from: number, to: number): boolean {
  if (to - from > 12) return false;
  return /^[ \t]*(?:,|\/|and|&|\+|or)?[ \t]*(?:(?:and|or)[ \t]+)?(?:anti-?[ \t]*)?$/i.test(norm.slice(from, to));
}

/** Serology: "ANA positive 1:320 speckled", "ANA, anti-dsDNA and Scl-70 negative", "positive ANA". */
export function readQualitative(
  norm: string,
  a: Analyte,
  nameStart: number,
  nameEnd: number,
  pending: { analyte: Analyte; start: number; end: number }[],
  out: RawValue[],
  consumedTo = 0,
): number | 'pending' {
  // A bare exact-case "Ro", "La", "Sm", "SSA" only counts with a result or inside a list.
  let q = nameEnd;
  QUAL_FILLER_AT.lastIndex = q;
  QUAL_FILLER_AT.test(norm);
  q = QUAL_FILLER_AT.lastIndex;

  let positive: boolean | null = null;
  let word: string | null = null;
  let titre: string | undefined;
  let pattern: string | undefined;
  let valueStart = q;
  let valueEnd = q;
  let numeric: { value: number; unit: string | null; comparator: LabValue['comparator'] } | null = null;

  QUAL_RESULT_AT.lastIndex = q;
  const r = QUAL_RESULT_AT.exec(norm);
  if (r) {
    word = r[1]!.toLowerCase();
    positive = /neg|-ve|\(-\)|not|undetect|non/.test(word) ? false : /equivocal|indeterminate|borderline/.test(word) ? null : true;
    valueStart = r.index;
    valueEnd = QUAL_RESULT_AT.lastIndex;
    q = valueEnd;
  }
  // Titre, possibly after "at" / "with a titre of".
  const afterWord = /[ \t]*(?:,|;)?[ \t]*(?:\(|with[ \t]+)?/y;
  afterWord.lastIndex = q;
  afterWord.test(norm);
  TITRE_RE.lastIndex = afterWord.lastIndex;
  const t = TITRE_RE.exec(norm);
  if (t && (word === null || positive !== false)) {
    titre = t[1]!.replace(/[ \t]+/g, '');
    if (word === null) {
      valueStart = t.index + t[0].length - t[1]!.length;
      positive = true;
    }
    valueEnd = TITRE_RE.lastIndex;
    q = valueEnd;
  }
  if (word === null && titre === undefined) {
    // Quantitative anti-dsDNA ("dsDNA 45 IU/mL").
    NUM_AT.lastIndex = q;
    const n = NUM_AT.exec(norm);
    if (n && a.conventionalUnit) {
      const s = n.index + n[0].length - n[2]!.length;
      const tail = readTail(norm, null, NUM_AT.lastIndex);
      if (tail && (tail.unit === null || normalizeUnit(tail.unit) === a.conventionalUnit)) {
        numeric = { value: parseNumber(n[2]!), unit: tail.unit, comparator: comparatorOf(n[1]) };
        valueStart = s;
        valueEnd = tail.unitEnd ?? NUM_AT.lastIndex;
        q = tail.end;
      }
    }
  }
  if (word !== null || titre !== undefined) {
    const window = norm.slice(q, Math.min(norm.length, q + 40));
    const stop = window.search(/[.;\n]|\b(?:and|but)\b/);
    const pm = PATTERN_RE.exec(stop >= 0 ? window.slice(0, stop) : window);
    if (pm) {
      pattern = pm[1]!.toLowerCase().replace(/homogenous/, 'homogeneous');
      const pmEnd = q + pm.index + pm[0].length;
      const patWord = /[ \t]+pattern/y;
      patWord.lastIndex = pmEnd;
      q = patWord.test(norm) ? patWord.lastIndex : pmEnd;
      if (q - valueEnd < 25) valueEnd = q;
    }
  }

  if (word === null && titre === undefined && numeric === null) {
    // Result written before the name: "positive ANA", "negative for anti-Scl-70".
    // Never a word already read as another value's result ("anti-Scl-70 negative ANA"): values must not overlap.
    const before = norm.slice(Math.max(0, nameStart - 24, consumedTo), nameStart);
    const b = QUAL_BEFORE_RE.exec(before);
    if (b && !(a.exactNames ?? []).includes(norm.slice(nameStart, nameEnd))) {
      const w = b[1]!.toLowerCase();
      const pos = !/neg|-ve/.test(w);
      const bs = nameStart - before.length + b.index;
      out.push(qualRaw(a, bs, nameEnd, bs, bs + b[1]!.length, pos ? 'positive' : 'negative', { positive: pos }));
      return nameEnd;
    }
    // Maybe a list continues: "ANA, anti-dsDNA and anti-Scl-70 were negative".
    if (QUAL_LIST_GAP_AHEAD(norm, nameEnd)) return 'pending';
    return 0;
  }

  if (numeric) {
    const digitsEnd = valueStart + String(norm.slice(valueStart).match(/^[\d.,]+/)?.[0] ?? '').length;
    out.push(rawValue(a, nameStart, valueEnd, valueStart, digitsEnd, numeric.value, numeric.unit, undefined, numeric.comparator));
    return q;
  }
  const value = titre ?? (positive === true ? 'positive' : positive === false ? 'negative' : word ?? 'equivocal');
  const result: NonNullable<LabValue['result']> = { positive };
  if (titre) result.titre = titre;
  if (pattern) result.pattern = pattern;
  for (const p of pending) out.push(qualRaw(p.analyte, p.start, p.end, valueStart, valueEnd, positive === true ? 'positive' : positive === false ? 'negative' : value, { positive }));
  out.push(qualRaw(a, nameStart, valueEnd, valueStart, valueEnd, value, result));
  return q;
}

function QUAL_LIST_GAP_AHEAD(norm: string, from: number): boolean {
  QUAL_LIST_SEP_AT.lastIndex = from;
  if (!QUAL_LIST_SEP_AT.test(norm)) return false;
  NAME_AT.lastIndex = QUAL_LIST_SEP_AT.lastIndex;
  const n = NAME_AT.exec(norm);
  if (!n) {
    // "anti-" prefix before a bare name ("anti-Ro")
    return /^[ \t]*anti[-‐ ]?/i.test(norm.slice(QUAL_LIST_SEP_AT.lastIndex, QUAL_LIST_SEP_AT.lastIndex + 8));
  }
  const e = lookup(n[0], false);
  return !!e && !!e.analyte && e.analyte.kind === 'qualitative';
}

function qualRaw(a: Analyte, start: number, end: number, vs: number, ve: number, value: string, result: NonNullable<LabValue['result']>): RawValue {
  const v = rawValue(a, start, end, vs, ve, value, null, undefined, null);
  v.result = result;
  return v;
}
