// The scan: one pass of NAME_RE over the normalised text; at each analyte name the
// quantitative or serology reader takes over, and what it consumed is skipped. The raw
// values are then sorted, finished and harmonised.

import type { Analyte } from '../../knowledge/analytes';
import type { Assertion, LabValue, Section } from '../types';
import { finish, harmonizeAmbiguous } from './finish';
import { Geometry } from './geometry';
import { NAME_RE, lookup } from './names';
import { QUAL_LIST_GAP, readQualitative } from './qualitative';
import { readQuantitative } from './quantitative';
import type { RawValue } from './rawValue';
import { normalizeForScan } from './text';

/**
 * Every laboratory value in `text`, sorted by start. `assertionOf` gives the ConText
 * assertion of a span; `sections` bound dated blocks (a date header does not reach
 * into the next section). `lineStarts`, when given, are the starts of text's lines split
 * at \n (the analysis has them already; see LineIndex.newlineStarts).
 */
export function findLabValues(
  text: string,
  assertionOf: (start: number, end: number) => Assertion,
  sections: Section[],
  lineStarts?: Int32Array,
): LabValue[] {
  const norm = normalizeForScan(text);
  const geo = new Geometry(norm, sections, lineStarts);
  const raws: RawValue[] = [];
  let consumedTo = 0;
  const re = NAME_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let pendingQual: { analyte: Analyte; start: number; end: number }[] = [];
  let pendingQualEnd = -1;
  while ((m = re.exec(norm))) {
    const nameStart = m.index;
    const nameEnd = nameStart + m[0].length;
    // A name ending in a letter directly followed by "+"/"-" belongs to a longer form we do not know.
    const entry = lookup(m[0], true);
    if (!entry || !entry.analyte) {
      if (entry && !entry.analyte) consumedTo = Math.max(consumedTo, nameEnd);
      continue;
    }
    const a = entry.analyte;
    if (nameStart < consumedTo) continue;

    if (a.kind === 'qualitative') {
      if (pendingQualEnd >= 0 && !QUAL_LIST_GAP(norm, pendingQualEnd, nameStart)) pendingQual = [];
      const got = readQualitative(norm, a, nameStart, nameEnd, pendingQual, raws, consumedTo);
      if (got === 'pending') {
        pendingQual.push({ analyte: a, start: nameStart, end: nameEnd });
        pendingQualEnd = nameEnd;
      } else {
        pendingQual = [];
        pendingQualEnd = -1;
        if (got > 0) {
          consumedTo = got;
          re.lastIndex = got;
        }
      }
      continue;
    }
    if (entry.numberOnly || entry.exact === 'P') {
      // A bare "P" is phosphate only right before a number, and never among vital signs.
      const line = geo.lineOf(nameStart);
      if (geo.hasVitals(line)) continue;
    }

    const end = readQuantitative(norm, geo, a, entry, nameStart, nameEnd, raws, consumedTo);
    if (end > 0) {
      consumedTo = end;
      re.lastIndex = end;
    }
  }

  raws.sort((x, y) => x.start - y.start);
  const labs: LabValue[] = [];
  for (const r of raws) {
    const lab = finish(text, geo, r, assertionOf);
    // A bare "P" with an impossible phosphate and no unit is a pulse or a code, not phosphate.
    if (lab.analyte === 'phosphate' && lab.implausible && !lab.unit && /^P(?![A-Za-z])/.test(lab.text)) continue;
    labs.push(lab);
  }
  harmonizeAmbiguous(labs);
  return labs;
}
