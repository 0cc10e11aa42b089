// Units: a small UCUM subset (https://ucum.org) plus the spellings clinicians use.
// Pure functions, no editor types. See docs/units-decision.md for why this is our own
// code rather than @lhncbc/ucum-lhc or @atomic-ehr/ucum.
//
// Two layers:
//  1. normalizeUnit(): a clinician spelling ("mg/dl", "mg%", "µmol/l", "mEq/L", "mg/24 h")
//     becomes a UCUM code ("mg/dL", "mg/dL", "umol/L", "meq/L", "mg/d").
//  2. parseUcum(): a UCUM code becomes a magnitude and a dimension vector, so that
//     convert() can change prefixes by arithmetic alone and cross mass <-> amount of
//     substance <-> equivalents only when the caller supplies a molar mass / valence.

import type { LabValue, UnitValue } from './types';

/** Dimension exponents: mass (g), volume (L), amount (mol), equivalents (eq), time (s), international units. */
export type Dim = [M: number, V: number, N: number, E: number, T: number, IU: number];

export interface ParsedUnit {
  /** The UCUM code that was parsed. */
  code: string;
  /** Size of the unit in base units (g, L, mol, eq, s, [IU]). */
  magnitude: number;
  dim: Dim;
}

// UCUM metric prefixes we need (UCUM table 1).
const PREFIXES: Record<string, number> = {
  k: 1e3,
  h: 1e2,
  d: 1e-1,
  c: 1e-2,
  m: 1e-3,
  u: 1e-6,
  n: 1e-9,
  p: 1e-12,
  f: 1e-15,
};

// Atoms: magnitude in base units and dimension. Volume is kept as its own base (L),
// which is all laboratory concentrations need. U (enzyme unit) is umol/min by UCUM's
// definition. [IU] is an arbitrary unit: it converts to nothing but itself.
interface Atom {
  magnitude: number;
  dim: Dim;
  metric: boolean;
}
const ATOMS: Record<string, Atom> = {
  g: { magnitude: 1, dim: [1, 0, 0, 0, 0, 0], metric: true },
  L: { magnitude: 1, dim: [0, 1, 0, 0, 0, 0], metric: true },
  l: { magnitude: 1, dim: [0, 1, 0, 0, 0, 0], metric: true },
  mol: { magnitude: 1, dim: [0, 0, 1, 0, 0, 0], metric: true },
  eq: { magnitude: 1, dim: [0, 0, 0, 1, 0, 0], metric: true },
  s: { magnitude: 1, dim: [0, 0, 0, 0, 1, 0], metric: true },
  min: { magnitude: 60, dim: [0, 0, 0, 0, 1, 0], metric: false },
  h: { magnitude: 3600, dim: [0, 0, 0, 0, 1, 0], metric: false },
  d: { magnitude: 86400, dim: [0, 0, 0, 0, 1, 0], metric: false },
  U: { magnitude: 1e-6 / 60, dim: [0, 0, 1, 0, -1, 0], metric: true },
  '[IU]': { magnitude: 1, dim: [0, 0, 0, 0, 0, 1], metric: true },
  '%': { magnitude: 1e-2, dim: [0, 0, 0, 0, 0, 0], metric: false },
};

const parseCache = new Map<string, ParsedUnit | null>();

/**
 * Parses a UCUM code from our subset: prefixed atoms, integer exponents, integer
 * factors, "." and "/" and parentheses; annotations in braces are ignored.
 * Returns null for anything outside the subset.
 */
export function parseUcum(code: string): ParsedUnit | null {
  const cached = parseCache.get(code);
  if (cached !== undefined) return cached;
  let result: ParsedUnit | null = null;
  try {
    const p = new UcumParser(code);
    const term = p.parseMainTerm();
    if (p.pos === code.length) result = { code, magnitude: term.magnitude, dim: term.dim };
  } catch {
    result = null;
  }
  if (parseCache.size < 500) parseCache.set(code, result);
  return result;
}

interface Term {
  magnitude: number;
  dim: Dim;
}

class UcumParser {
  pos = 0;
  constructor(private readonly s: string) {}

  parseMainTerm(): Term {
    if (this.s[this.pos] === '/') {
      this.pos++;
      return invert(this.parseTerm());
    }
    return this.parseTerm();
  }

  parseTerm(): Term {
    let acc = this.parseComponent();
    while (this.pos < this.s.length) {
      const op = this.s[this.pos];
      if (op !== '.' && op !== '/') break;
      this.pos++;
      const next = this.parseComponent();
      acc = op === '.' ? multiply(acc, next) : multiply(acc, invert(next));
    }
    return acc;
  }

  parseComponent(): Term {
    const s = this.s;
    if (s[this.pos] === '(') {
      this.pos++;
      const inner = this.parseTerm();
      if (s[this.pos] !== ')') throw new Error('missing )');
      this.pos++;
      return inner;
    }
    if (s[this.pos] === '{') {
      this.skipAnnotation();
      return { magnitude: 1, dim: [0, 0, 0, 0, 0, 0] };
    }
    const digits = /^\d+/.exec(s.slice(this.pos));
    if (digits) {
      this.pos += digits[0].length;
      if (s[this.pos] === '{') this.skipAnnotation();
      return { magnitude: Number(digits[0]), dim: [0, 0, 0, 0, 0, 0] };
    }
    // Simple unit: read the symbol up to an operator, bracket or exponent digit.
    let end = this.pos;
    if (s[end] === '[') {
      end = s.indexOf(']', end);
      if (end < 0) throw new Error('missing ]');
      end++;
    } else {
      while (end < s.length && /[A-Za-z%]/.test(s[end]!)) end++;
      // A prefix followed by a bracketed atom, e.g. m[IU].
      if (s[end] === '[') {
        const close = s.indexOf(']', end);
        if (close < 0) throw new Error('missing ]');
        end = close + 1;
      }
    }
    const symbol = s.slice(this.pos, end);
    if (!symbol) throw new Error('expected a unit');
    this.pos = end;
    const unit = resolveSymbol(symbol);
    if (!unit) throw new Error(`unknown unit ${symbol}`);
    let exponent = 1;
    const exp = /^[+-]?\d+/.exec(s.slice(this.pos));
    if (exp) {
      exponent = Number(exp[0]);
      this.pos += exp[0].length;
    }
    if (s[this.pos] === '{') this.skipAnnotation();
    return power(unit, exponent);
  }

  skipAnnotation(): void {
    const close = this.s.indexOf('}', this.pos);
    if (close < 0) throw new Error('missing }');
    this.pos = close + 1;
  }
}

function resolveSymbol(symbol: string): Term | null {
  const atom = ATOMS[symbol];
  if (atom) return { magnitude: atom.magnitude, dim: [...atom.dim] as Dim };
  // Longest prefix first ("da" is not needed; all prefixes here are one letter).
  const prefix = PREFIXES[symbol[0]!];
  const rest = ATOMS[symbol.slice(1)];
  if (prefix !== undefined && rest && rest.metric) return { magnitude: prefix * rest.magnitude, dim: [...rest.dim] as Dim };
  return null;
}

function multiply(a: Term, b: Term): Term {
  return { magnitude: a.magnitude * b.magnitude, dim: a.dim.map((x, i) => x + b.dim[i]!) as Dim };
}
function invert(a: Term): Term {
  return { magnitude: 1 / a.magnitude, dim: a.dim.map((x) => -x) as Dim };
}
function power(a: Term, n: number): Term {
  return { magnitude: Math.pow(a.magnitude, n), dim: a.dim.map((x) => x * n) as Dim };
}
function sameDim(a: Dim, b: Dim): boolean {
  for (let i = 0; i < 6; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface SubstanceProperties {
  /** g/mol, needed to cross between mass and amount of substance. */
  molarMass?: number;
  /** Charge number, needed to cross between equivalents and amount of substance. */
  valence?: number;
}

/** Mass and equivalents folded into amount of substance, when the substance allows it. */
function fold(u: ParsedUnit, sub: SubstanceProperties): Term | null {
  let magnitude = u.magnitude;
  const dim = [...u.dim] as Dim;
  if (dim[0] !== 0) {
    if (!sub.molarMass) return null;
    magnitude /= Math.pow(sub.molarMass, dim[0]);
    dim[2] += dim[0];
    dim[0] = 0;
  }
  if (dim[3] !== 0) {
    if (!sub.valence) return null;
    magnitude /= Math.pow(sub.valence, dim[3]);
    dim[2] += dim[3];
    dim[3] = 0;
  }
  return { magnitude, dim };
}

/** Properties of no particular substance (prefix and time changes only), shared so that its conversions are remembered too. */
const NO_SUBSTANCE: SubstanceProperties = Object.freeze({});

/**
 * Converts a value between two UCUM codes. Prefix and time changes need nothing else;
 * mass <-> moles needs `molarMass`, equivalents <-> moles needs `valence`.
 */
export function convert(value: number, fromCode: string, toCode: string, sub: SubstanceProperties = NO_SUBSTANCE): number | null {
  if (fromCode === toCode) return value;
  const m = magnitudesFor(fromCode, toCode, sub);
  return m === null ? null : (value * m[0]) / m[1];
}

/**
 * The magnitudes a conversion multiplies and divides by, or null when the units do not
 * convert. Remembered by substance (an analyte's properties are one shared object, see
 * substanceOf), source and target: a note repeats a few conversions thousands of times.
 */
const magnitudeCache = new WeakMap<SubstanceProperties, Map<string, Map<string, readonly [number, number] | null>>>();
const MAGNITUDE_CACHE_MAX = 256;
function magnitudesFor(fromCode: string, toCode: string, sub: SubstanceProperties): readonly [number, number] | null {
  let bySource = magnitudeCache.get(sub);
  if (!bySource) magnitudeCache.set(sub, (bySource = new Map()));
  let byTarget = bySource.get(fromCode);
  if (!byTarget) {
    if (bySource.size >= MAGNITUDE_CACHE_MAX) bySource.clear();
    bySource.set(fromCode, (byTarget = new Map()));
  }
  let m = byTarget.get(toCode);
  if (m === undefined) {
    m = computeMagnitudes(fromCode, toCode, sub);
    if (byTarget.size >= MAGNITUDE_CACHE_MAX) byTarget.clear();
    byTarget.set(toCode, m);
  }
  return m;
}

function computeMagnitudes(fromCode: string, toCode: string, sub: SubstanceProperties): readonly [number, number] | null {
  const from = parseUcum(fromCode);
  const to = parseUcum(toCode);
  if (!from || !to) return null;
  if (sameDim(from.dim, to.dim)) return [from.magnitude, to.magnitude];
  const f = fold(from, sub);
  const t = fold(to, sub);
  if (!f || !t || !sameDim(f.dim, t.dim)) return null;
  return [f.magnitude, t.magnitude];
}

/** What a unit measures, for deciding whether it fits an analyte. */
export type UnitClass = 'concentration' | 'excretion' | 'activity' | 'arbitrary' | 'amount' | 'other';

export function unitClass(code: string): UnitClass {
  const u = parseUcum(code);
  if (!u) return 'other';
  const [M, V, N, E, T, IU] = u.dim;
  const substance = M + N + E;
  if (IU === 1 && V === -1 && M === 0 && N === 0 && E === 0 && T === 0) return 'arbitrary';
  if (N === 1 && T === -1 && V === -1 && M === 0 && E === 0) return 'activity';
  if (substance === 1 && V === -1 && T === 0 && IU === 0) return 'concentration';
  if (substance === 1 && V === 0 && T === -1 && IU === 0) return 'excretion';
  if (substance === 1 && V === 0 && T === 0 && IU === 0) return 'amount';
  return 'other';
}

// ---------------------------------------------------------------------------
// Clinician spellings

/**
 * One regex for the unit spellings clinicians write after a number. Anchored with the
 * sticky flag by callers (UNIT_AT). The alternatives are tried longest first. A unit is
 * written on one line: its parts are joined by blanks, never by line breaks.
 */
export const UNIT_SOURCE =
  '(?:' +
  [
    // mass or amount per time (24 h urine)
    '(?:[mµμu]?g|mcg|[mµμun]?mol)[ \\t]*(?:\\/|per)[ \\t]*(?:24[ \\t]*-?[ \\t]*h(?:rs?|ours?)?|24[ \\t]*-?[ \\t]*hr?s?|d(?:ay)?|\\(24\\.h\\))',
    // mass or amount or equivalents per volume
    '(?:[kmµμunp]?g|mcg|[mµμunp]?mol|m?[eE][qQ]|[kmµμu]?(?:IU|iu|U))[ \\t]*(?:\\/|per)[ \\t]*(?:100[ \\t]*m[lL]|[dmµμu]?[lL](?:itre|iter)?)',
    'mg[ \\t]*%',
    'g[ \\t]*%',
    // spelled out
    '(?:milligrams?|millimoles?|micromoles?|grams?)[ \\t]+per[ \\t]+(?:decilit(?:er|re)|lit(?:er|re))',
  ].join('|') +
  ')(?![A-Za-z0-9])';

/** Sticky: a unit spelling starting exactly at lastIndex (after optional spaces). */
export const UNIT_AT = new RegExp('[ \\t]*(' + UNIT_SOURCE + ')', 'iy');

const NUMERATORS: Record<string, string> = {
  g: 'g',
  kg: 'kg',
  mg: 'mg',
  ug: 'ug',
  mcg: 'ug',
  ng: 'ng',
  pg: 'pg',
  mol: 'mol',
  mmol: 'mmol',
  umol: 'umol',
  nmol: 'nmol',
  pmol: 'pmol',
  eq: 'eq',
  meq: 'meq',
  u: 'U',
  ku: 'kU',
  mu: 'mU',
  iu: '[IU]',
  kiu: 'k[IU]',
  miu: 'm[IU]',
  uiu: 'u[IU]',
};
const DENOMINATORS: Record<string, string> = {
  l: 'L',
  litre: 'L',
  liter: 'L',
  dl: 'dL',
  ml: 'mL',
  ul: 'uL',
  '100ml': 'dL',
  d: 'd',
  day: 'd',
};

const normCache = new Map<string, string | null>();

/**
 * Turns a unit as a clinician wrote it into our UCUM code, or null if we do not know it.
 * "mg/dl", "mg%" → "mg/dL"; "µmol/l", "μmol/L", "umol/L" → "umol/L"; "mEq/L" → "meq/L";
 * "IU/L" → "[IU]/L"; "mg/24h", "mg/24 h", "mg/d", "mg/day" → "mg/d".
 */
export function normalizeUnit(written: string): string | null {
  const cached = normCache.get(written);
  if (cached !== undefined) return cached;
  const result = normalizeUncached(written);
  if (normCache.size < 1000) normCache.set(written, result);
  return result;
}

function normalizeUncached(written: string): string | null {
  let s = written
    .replace(/milligrams?/i, 'mg')
    .replace(/millimoles?/i, 'mmol')
    .replace(/micromoles?/i, 'umol')
    .replace(/grams?/i, 'g')
    .replace(/decilit(?:er|re)/i, 'dL')
    .replace(/lit(?:er|re)/i, 'L')
    .replace(/\s+per\s+/i, '/')
    .replace(/\s+/g, '')
    .replace(/[µμ]/g, 'u');
  if (/^m?g%$/i.test(s)) return s.toLowerCase().startsWith('m') ? 'mg/dL' : 'g/dL';
  s = s.replace(/per/gi, '/');
  // UCUM itself (e.g. "mg/(24.h)")
  const direct = s.replace(/^(.*)\/\(24\.h\)$/, '$1/d');
  const parts = direct.split('/');
  if (parts.length === 1) {
    const num = NUMERATORS[parts[0]!.toLowerCase()];
    return num && !num.includes('IU') && !/^k?U$|^mU$/.test(num) ? num : null;
  }
  if (parts.length !== 2) return null;
  const [rawNum, rawDen] = parts as [string, string];
  const numKey = rawNum.toLowerCase();
  // Units where case carries meaning: "U" (enzyme unit) only in upper case; "mU" vs "MU".
  const num = NUMERATORS[numKey];
  if (!num) return null;
  let den: string | undefined;
  const denKey = rawDen.toLowerCase();
  if (/^24-?h(r|rs|our|ours)?$/.test(denKey)) den = 'd';
  else den = DENOMINATORS[denKey];
  if (!den) return null;
  const code = `${num}/${den}`;
  return parseUcum(code) ? code : null;
}

/** How we print a UCUM code to a clinician. */
const DISPLAY: Record<string, string> = {
  'umol/L': 'µmol/L',
  'meq/L': 'mEq/L',
  '[IU]/L': 'IU/L',
  '[IU]/mL': 'IU/mL',
  'mg/d': 'mg/24 h',
  'mmol/d': 'mmol/24 h',
  'ug/L': 'µg/L',
};
export function displayUnit(code: string): string {
  return DISPLAY[code] ?? code;
}

// ---------------------------------------------------------------------------
// Numbers and formatting

/** Digits to show for a converted value: enough to keep about three significant figures. */
export function formatNumber(value: number, decimals?: number): string {
  const d = decimals ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toFixed(d);
}

/** "10.82 mg/dL" style text for a UnitValue. */
export function formatUnitValue(uv: UnitValue, decimals?: number): string {
  return `${formatNumber(uv.value, decimals)} ${displayUnit(uv.unit)}`;
}

/**
 * The value in the *other* unit system from the one written, for a quick fix or an
 * inlay hint: a value written in mg/dL gives "2.70 mmol/L", one in mmol/L gives
 * "10.8 mg/dL". Null when no conversion is known.
 */
export function formatConverted(lab: LabValue): string | null {
  if (!lab.conventional || !lab.si) return null;
  if (lab.conventional.unit === lab.si.unit) return null;
  const system = writtenSystem(lab);
  const target = system === 'si' ? lab.conventional : system === 'conventional' ? lab.si : guessOther(lab, lab.unit ? normalizeUnit(lab.unit) : null);
  const prefix = lab.comparator ? `${printComparator(lab.comparator)}` : '';
  return prefix + formatUnitValue(target, decimalsFor(target));
}

/**
 * The unit system a value was written in, when its unit is exactly the analyte's SI or
 * conventional unit; undefined for no unit, a third unit (mEq/L) or systems that agree (U/L).
 */
export function writtenSystem(lab: LabValue): 'conventional' | 'si' | undefined {
  if (!lab.unit || !lab.conventional || !lab.si || lab.conventional.unit === lab.si.unit) return undefined;
  const written = normalizeUnit(lab.unit);
  return written === lab.si.unit ? 'si' : written === lab.conventional.unit ? 'conventional' : undefined;
}

function guessOther(lab: LabValue, written: string | null): UnitValue {
  if (!written) {
    // Assumed unit: the assumed one equals the number as written.
    return typeof lab.value === 'number' && Math.abs(lab.conventional!.value - lab.value) < 1e-9 ? lab.si! : lab.conventional!;
  }
  // Written in a third unit (e.g. mEq/L): show the conventional value.
  return lab.conventional!;
}

function decimalsFor(uv: UnitValue): number {
  if (uv.unit === 'mmol/L' || uv.unit === 'g/dL') return 2;
  if (uv.unit === 'mg/dL') return Math.abs(uv.value) >= 100 ? 0 : 1;
  if (uv.unit === 'umol/L' || uv.unit === 'pmol/L' || uv.unit === 'nmol/L' || uv.unit === 'g/L') return Math.abs(uv.value) >= 100 ? 0 : 1;
  return Math.abs(uv.value) >= 100 ? 0 : Math.abs(uv.value) >= 10 ? 1 : 2;
}

export function printComparator(c: NonNullable<LabValue['comparator']>): string {
  return c === '<=' ? '≤ ' : c === '>=' ? '≥ ' : `${c} `;
}

export { decimalsFor };
