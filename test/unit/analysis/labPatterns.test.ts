import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { skipBlanks } from '../../../server/src/analysis/blanks';
import { UNIT_AT } from '../../../server/src/analysis/units';
import {
  DATE_AFTER_AT,
  DATE_PREFIX_AT,
  EARLIER_AT,
  FILLER_AT,
  FLAG_AT,
  NEXT_DATED_AT,
  NUM_AT,
  RANGE_AT,
  SLASH_AT,
  TABLE_UNIT_AT,
  TREND_AT,
  fillerEnd,
  mayBeDateAfter,
  mayBeDatePrefix,
  mayBeEarlier,
  mayBeFlag,
  mayBeNextNumber,
  mayBeRange,
  mayBeSlash,
  mayBeTableUnit,
  mayBeTrend,
  plainNumberEnd,
} from '../../../server/src/analysis/labs/patterns';

// Each check may only say "no match" where its sticky regex finds none: the readers skip the
// regex when the check says false, so a check that is too strict would silently lose values.
// Random strings are made from the pieces each regex is written with (its words, marks and
// digits, and a few whole phrases it reads) and a few others, so that matches turn up often.
const OTHER = [' ', '  ', '\t', ',', 'x', 'P', '1', '10.2', '\n', 'é'];
const CHECKS: [string, RegExp, (s: string, at: number) => boolean, string[]][] = [
  ['mayBeSlash', SLASH_AT, mayBeSlash, ['/', '|']],
  ['mayBeDatePrefix', DATE_PREFIX_AT, mayBeDatePrefix, ['on', 'from', 'dated', 'drawn', '(', ')', '14', '3', '123', '2026', '.', '/', '-', ':', 'Jan', 'Mar', 'March', 'Sep', 'Dec', 'st', 'th', '3.14.2026', '14.3.26', 'Dec 14', '2026-03-14']],
  ['mayBeFlag', FLAG_AT, mayBeFlag, ['|', '(', ')', '[', ']', 'H', 'L', 'HH', 'LL', 'high', 'low', 'crit', 'critical', 'abnormal', 'A', '↑', '↓', '*', '!']],
  ['mayBeRange', RANGE_AT, mayBeRange, ['[', ']', '(', ')', '|', 'ref', 'reference', '.', 'normal', 'nl', 'N', 'RR', 'range', 'ULN', 'interval', ':', '<', '8.6', '-', 'to', 'mg', 'normal 8.6-10.2', 'nl 3-5', '| 8.6 - 10.2']],
  ['mayBeDateAfter', DATE_AFTER_AT, mayBeDateAfter, ['(', ')', 'on', 'from', 'dated', 'drawn', 'collected', '14', '3', '2026', '/', '.', '-', 'Mar', 'Dec', 'collected 3/14', ', drawn 14 Mar']],
  ['mayBeTrend', TREND_AT, mayBeTrend, ['-', '->', '-->', '>', '→', '⟶', '➔', '=>', '⇒', 'to', 'last', 'this', 'month', 'week', 'year', 'yesterday', 'in', '2026', 'and', 'is', 'was', 'then', 'now', 'up', 'down', 'increased', 'rose', 'climbed', 'fell', 'dropped', 'decreased', 'was then', 'and now', 'yesterday then', 'fell to', 'is now up to']],
  ['mayBeTableUnit', TABLE_UNIT_AT, mayBeTableUnit, ['|', '(', ')', 'mg/dL', 'mmol/L', 'U/L', 'g %', 'mg', '/', 'dL', 'per']],
  ['mayBeEarlier', EARLIER_AT, mayBeEarlier, [';', '(', 'previously', 'prior', 'priorly', 'baseline', 'before', 'last', 'was', 'vs', '.', 'compared', 'with', 'to', 'down', 'up', 'from', ':', 'up from', 'down from', 'compared with', 'vs.']],
];

/** Does `re` (sticky) match at `at`? */
function matchesAt(re: RegExp, s: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(s);
}

describe('labs: the cheap checks before the sticky regexes', () => {
  for (const [name, re, check, own] of CHECKS) {
    it(`${name} says "no match" only where its regex finds none`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...own, ...OTHER), { maxLength: 8 }), (pieces) => {
          const s = pieces.join('');
          for (let at = 0; at <= s.length; at++) {
            if (!check(s, at) && matchesAt(re, s, at)) return false;
          }
          return true;
        }),
        { numRuns: 5000, seed: 0x1ab5, endOnFailure: true },
      );
    });
  }

  it('mayBeNextNumber says "no" only where NEXT_DATED_AT and then NUM_AT cannot both match', () => {
    const pieces = [';', 'and', 'an', 'less than', 'greater than', 'below', 'above', 'under', 'over', '<', '>', '≤', '≥', '<=', '.', '9.2', '10', 'Phos', 'albumin', 'ANA'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...OTHER), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        for (let at = 0; at <= s.length; at++) {
          if (mayBeNextNumber(s, at) || !matchesAt(NEXT_DATED_AT, s, at)) continue;
          if (matchesAt(NUM_AT, s, NEXT_DATED_AT.lastIndex)) return false;
        }
        return true;
      }),
      { numRuns: 5000, seed: 0x2ead, endOnFailure: true },
    );
  });

  it('plainNumberEnd reads the number NUM_AT reads where a digit stands', () => {
    const pieces = ['1', '10', '0', '.', ',', '2', '250', '..', ',,', 'mg', '<', 'below', '-', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...OTHER), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        for (let at = 0; at <= s.length; at++) {
          const end = plainNumberEnd(s, at);
          if (end < 0) continue;
          NUM_AT.lastIndex = at;
          const m = NUM_AT.exec(s);
          if (!m || m[1] !== undefined || m.index !== at || NUM_AT.lastIndex !== end || m[2] !== s.slice(at, end)) return false;
        }
        return true;
      }),
      { numRuns: 5000, seed: 0x7e11, endOnFailure: true },
    );
  });

  it("UNIT_AT's unit begins right after the blanks", () => {
    // readTail slices the unit from there instead of reading UNIT_AT's match array.
    const pieces = ['mg/dL', 'mg / dl', 'mmol/L', 'µmol/L', 'U/L', 'IU/mL', 'g %', 'mg/24 h', 'milligrams per deciliter', 'mgs', '|', '('];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...OTHER), { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        for (let at = 0; at <= s.length; at++) {
          UNIT_AT.lastIndex = at;
          const m = UNIT_AT.exec(s);
          if (m && (m.index + m[0].length - m[1]!.length !== skipBlanks(s, at) || UNIT_AT.lastIndex !== m.index + m[0].length)) return false;
        }
        return true;
      }),
      { numRuns: 5000, seed: 0x0717, endOnFailure: true },
    );
  });

  it('fillerEnd ends where FILLER_AT ends', () => {
    const pieces = ['(serum)', '(24 h)', '(mg/dL)', 'serum', 'level', 'was', 'has', 'been', 'came back', 'mildly elevated', 'rose to', 'from', 'of about', '=', ':', ',', '~', '-', '->', '|', '(', '#', '10.2', '7', 'mg', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...OTHER), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        for (let at = 0; at <= s.length; at++) {
          FILLER_AT.lastIndex = at;
          FILLER_AT.test(s);
          if (fillerEnd(s, at) !== FILLER_AT.lastIndex) return false;
        }
        return true;
      }),
      { numRuns: 5000, seed: 0xf111, endOnFailure: true },
    );
  });

  it('let the dates, flags, ranges and trends of real lab lines through', () => {
    const cases: [(s: string, at: number) => boolean, string][] = [
      [mayBeDatePrefix, ' on 3/14/2026: 10.8'],
      [mayBeDatePrefix, ' (14.3.2026) 10.8'],
      [mayBeDatePrefix, ' 2026-03-14 10.8'],
      [mayBeDatePrefix, ' 14 Mar 10.8'],
      [mayBeFlag, ' (H)'],
      [mayBeFlag, ' | L'],
      [mayBeRange, ' (8.6-10.2)'],
      [mayBeRange, '\t8.6-10.2'],
      [mayBeRange, ', ref 8.6-10.2'],
      [mayBeDateAfter, ', drawn 3/14/2026'],
      [mayBeTrend, ', now 10.8'],
      [mayBeTrend, ' -> 10.8'],
      [mayBeEarlier, ' (baseline 0.9)'],
    ];
    for (const [check, tail] of cases) assert.equal(check(tail, 0), true, `${check.name} on "${tail}"`);
  });

  it('rule out the common case: a value followed by the next analyte or the end of the line', () => {
    // What follows "Ca 10.8 mg/dL" in most notes: none of these regexes can match there, and
    // the checks must see it (else they save nothing).
    for (const tail of [', Phos 7.1 mg/dL', '\n', '', '. Albumin 3.1']) {
      for (const check of [mayBeSlash, mayBeFlag, mayBeRange, mayBeDateAfter, mayBeTrend, mayBeEarlier]) {
        assert.equal(check(tail, 0), false, `${check.name} on ${JSON.stringify(tail)}`);
      }
    }
    assert.equal(mayBeDatePrefix(' 10.8 mg/dL', 0), false);
    assert.equal(mayBeDatePrefix(': 245 pg/mL', 0), false);
  });
});
