import { strict as assert } from 'node:assert';
import { convert, normalizeUnit, parseUcum, unitClass, formatConverted, displayUnit } from '../../../server/src/analysis/units';
import { findLabValues } from '../../../server/src/analysis/labs';
import { PLAIN_ASSERTION } from '../../../server/src/analysis/types';
import { ANALYTE_BY_ID, substanceOf } from '../../../server/src/knowledge/analytes';

const ca = substanceOf(ANALYTE_BY_ID.get('calcium')!);
const phos = substanceOf(ANALYTE_BY_ID.get('phosphate')!);
const close = (actual: number | null, expected: number, tol = 0.005) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('units: UCUM subset', () => {
  it('parses prefixed atoms, division and the 24 h form', () => {
    assert.deepEqual(parseUcum('mg/dL')!.dim, [1, -1, 0, 0, 0, 0]);
    close(parseUcum('mg/dL')!.magnitude, 0.01, 1e-12);
    assert.deepEqual(parseUcum('mg/(24.h)')!.dim, parseUcum('mg/d')!.dim);
    assert.equal(parseUcum('mg/foo'), null);
  });

  it('changes prefixes by arithmetic alone: albumin 3.0 g/dL = 30 g/L', () => {
    assert.equal(convert(3.0, 'g/dL', 'g/L'), 30);
    assert.equal(convert(30, 'g/L', 'g/dL'), 3);
    close(convert(200, 'mg/(24.h)', 'mg/d'), 200, 1e-9);
  });

  it('crosses mass and moles only with a molar mass', () => {
    assert.equal(convert(2.7, 'mmol/L', 'mg/dL'), null);
    close(convert(2.7, 'mmol/L', 'mg/dL', ca), 10.82); // 2.7 × 4.008 = 10.8216
    close(convert(2.29, 'mmol/L', 'mg/dL', phos), 7.09); // 2.29 × 3.097 = 7.092
    close(convert(10.8, 'mg/dL', 'mmol/L', ca), 2.695); // 10.8 / 4.008
  });

  it('crosses equivalents and moles with the valence: calcium 5.2 mEq/L = 2.6 mmol/L = 10.4 mg/dL', () => {
    close(convert(5.2, 'meq/L', 'mmol/L', ca), 2.6, 1e-9);
    close(convert(5.2, 'meq/L', 'mg/dL', ca), 10.42);
  });

  it('reads the spellings clinicians use', () => {
    const cases: [string, string][] = [
      ['mg/dL', 'mg/dL'], ['mg/dl', 'mg/dL'], ['mg%', 'mg/dL'], ['MG/DL', 'mg/dL'], ['mmol/L', 'mmol/L'], ['mmol/l', 'mmol/L'], ['mEq/L', 'meq/L'],
      ['g/dL', 'g/dL'], ['g/L', 'g/L'], ['pg/mL', 'pg/mL'], ['pmol/L', 'pmol/L'], ['ng/mL', 'ng/mL'], ['nmol/L', 'nmol/L'], ['U/L', 'U/L'],
      ['IU/L', '[IU]/L'], ['µmol/L', 'umol/L'], ['umol/L', 'umol/L'], ['μmol/L', 'umol/L'], ['mg/24h', 'mg/d'], ['mg/24 h', 'mg/d'],
      ['mmol/24h', 'mmol/d'], ['mg/d', 'mg/d'], ['mg/day', 'mg/d'], ['milligrams per deciliter', 'mg/dL'],
    ];
    for (const [written, code] of cases) assert.equal(normalizeUnit(written), code, written);
    assert.equal(normalizeUnit('mg/kg'), null);
  });

  it('classifies what a unit measures', () => {
    assert.equal(unitClass('mg/dL'), 'concentration');
    assert.equal(unitClass('meq/L'), 'concentration');
    assert.equal(unitClass('mg/d'), 'excretion');
    assert.equal(unitClass('U/L'), 'activity');
    assert.equal(unitClass('[IU]/L'), 'arbitrary');
    assert.equal(displayUnit('umol/L'), 'µmol/L');
  });

  it('formats a value in the other unit system for a quick fix', () => {
    const [mmol] = findLabValues('Ca 2.7 mmol/L', () => PLAIN_ASSERTION, []);
    assert.equal(formatConverted(mmol!), '10.8 mg/dL');
    const [mg] = findLabValues('Ca 10.8 mg/dL', () => PLAIN_ASSERTION, []);
    assert.equal(formatConverted(mg!), '2.69 mmol/L');
    const [alb] = findLabValues('albumin 3.0 g/dL', () => PLAIN_ASSERTION, []);
    assert.equal(formatConverted(alb!), '30.0 g/L');
    const [ck] = findLabValues('CK 1450 U/L', () => PLAIN_ASSERTION, []);
    assert.equal(formatConverted(ck!), null);
  });
});
