// The note text made plain for the scan (same length, so offsets stay valid), and the
// numbers and comparators read from it ("2,61" as a decimal comma, "less than" as "<").

import type { LabValue } from '../types';

/**
 * Same length as the input: full-width digits and punctuation, dashes and Greek mu made plain,
 * and no-break, thin and ideographic spaces (pasted from lab portals and PDFs) made ' '.
 */
export function normalizeForScan(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0C\uFF0E\uFF1A\uFF0F\uFF0D\u2013\u2014\u2212\u03BC\uFF1C\uFF1E\u00A0\u2000-\u200A\u202F\u3000]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 48);
    if (c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000) return ' ';
    switch (ch) {
      case '\uFF0C':
        return ',';
      case '\uFF0E':
        return '.';
      case '\uFF1A':
        return ':';
      case '\uFF0F':
        return '/';
      case '\uFF1C':
        return '<';
      case '\uFF1E':
        return '>';
      case '\u03BC':
        return 'µ';
      default:
        return '-';
    }
  });
}

/** 10 to the powers a written number's decimals can have, each made by exact multiplications. */
const POWERS_OF_TEN: number[] = [1];
for (let k = 1; k <= 15; k++) POWERS_OF_TEN.push(POWERS_OF_TEN[k - 1]! * 10);

export function parseNumber(raw: string): number {
  // Digits and at most one ".", the usual case: the integer of all the digits over a power of
  // ten. Both are exact in a double (up to 15 digits), and division rounds correctly, so this
  // is the double Number(raw) gives, without parsing a string.
  let digits = 0;
  let whole = 0;
  let decimals = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else {
      digits = -1;
      break;
    }
  }
  if (digits > 0 && digits <= 15) return decimals > 0 ? whole / POWERS_OF_TEN[decimals]! : whole;
  return parseWritten(raw);
}

/** Decimal commas and thousands separators, and numbers too long for the quick path above. */
function parseWritten(raw: string): number {
  if (raw.includes(',')) {
    const [int, frac] = raw.split(',') as [string, string];
    // "1,250" is a thousands separator; "2,61" and "0,850" are decimal commas.
    if (frac.length === 3 && int.length >= 1 && int.length <= 3 && int !== '0') return Number(int + frac);
    return Number(`${int || '0'}.${frac}`);
  }
  return Number(raw.startsWith('.') ? `0${raw}` : raw);
}

export function comparatorOf(raw: string | undefined): LabValue['comparator'] {
  if (!raw) return null;
  const r = raw.toLowerCase().replace(/\s+/g, ' ');
  if (r === '<' || r === 'less than' || r === 'below' || r === 'under') return '<';
  if (r === '>' || r === 'greater than' || r === 'above' || r === 'over') return '>';
  if (r === '<=' || r === '≤') return '<=';
  if (r === '>=' || r === '≥') return '>=';
  return null;
}
