import { strict as assert } from 'node:assert';
import { findLabValues } from '../../../server/src/analysis/labs';
import { pairCaPhos, correctedCalcium, correctedCalciumSi, formatProductText, explainUnpaired } from '../../../server/src/analysis/caPhos';
import { createAssertionContext } from '../../../server/src/analysis/context';
import { findSections } from '../../../server/src/analysis/sections';
import type { LabValue } from '../../../server/src/analysis/types';

function analyse(text: string, opts = { threshold: 70, useCorrectedCalcium: false }) {
  const sections = findSections(text);
  const labs = findLabValues(text, createAssertionContext(text, sections), sections);
  return { labs, products: pairCaPhos(labs, text, opts) };
}
const at = (labs: LabValue[], i: number) => labs[i]!;

describe('caPhos: corrected calcium', () => {
  it('adds 0.8 mg/dL per g/dL of albumin below 4.0', () => {
    assert.ok(Math.abs(correctedCalcium(10.0, 3.0) - 10.8) < 1e-9);
    assert.ok(Math.abs(correctedCalcium(10.0, 4.5) - 9.6) < 1e-9);
    assert.ok(Math.abs(correctedCalciumSi(2.5, 30) - 2.7) < 1e-9);
  });
});

describe('caPhos: pairCaPhos', () => {
  it('multiplies calcium and phosphate of the same sentence: 10.8 × 7.1 = 76.7, elevated at 70', () => {
    const { labs, products } = analyse('Ca 10.8 mg/dL and Phos 7.1 mg/dL');
    assert.equal(products.length, 1);
    const p = products[0]!;
    assert.equal(at(labs, p.calcium).analyte, 'calcium');
    assert.equal(at(labs, p.phosphate).analyte, 'phosphate');
    assert.equal(p.value.toFixed(1), '76.7');
    assert.equal(p.elevated, true);
    assert.equal(p.unit, 'mg2/dL2');
    assert.ok(Math.abs(p.siValue - 76.68 / (4.008 * 3.097)) < 0.001);
    assert.equal(formatProductText(p, labs), 'Ca × P = 10.8 mg/dL × 7.1 mg/dL = 76.7 mg²/dL²');
  });

  it('uses the preset threshold: 60 is below 70 (StatPearls) but above 55 (KDOQI)', () => {
    const text = 'Ca 10.0 mg/dL, phos 6.0 mg/dL';
    assert.equal(analyse(text).products[0]!.elevated, false);
    assert.equal(analyse(text, { threshold: 55, useCorrectedCalcium: false }).products[0]!.elevated, true);
  });

  it('pairs each draw with itself across two dated blocks', () => {
    const text = 'Labs 1/2/2026:\nCa 9.2 mg/dL\nPhos 4.0 mg/dL\n\nLabs 3/14/2026:\nCa 10.8 mg/dL\nPhos 7.1 mg/dL\n';
    const { labs, products } = analyse(text);
    assert.equal(products.length, 2);
    assert.deepEqual(products.map((p) => [at(labs, p.calcium).value, at(labs, p.phosphate).value]), [[9.2, 4.0], [10.8, 7.1]]);
  });

  it('never pairs across two different dates', () => {
    const { labs, products } = analyse('Ca 10.8 mg/dL (3/14/2026). Phos 7.1 mg/dL (1/2/2026).');
    assert.equal(products.length, 0);
    const why = explainUnpaired(labs, products);
    assert.match(why[0]!.reason, /different date/);
  });

  it('pairs table rows of one block', () => {
    const text = 'Test | Result | Units | Range\nCalcium | 10.8 | mg/dL | 8.5-10.5\nPhosphorus | 7.1 | mg/dL | 2.5-4.5\n';
    const { products } = analyse(text);
    assert.equal(products.length, 1);
    assert.equal(products[0]!.value.toFixed(1), '76.7');
  });

  it('mixes SI and conventional units: 2.7 mmol/L × 7.1 mg/dL', () => {
    const { products } = analyse('Ca 2.7 mmol/L, phosphate 7.1 mg/dL');
    assert.equal(products.length, 1);
    assert.ok(Math.abs(products[0]!.calciumMgDl - 10.8216) < 1e-6);
    assert.equal(products[0]!.value.toFixed(1), '76.8');
  });

  it('leaves out negated and historical values', () => {
    const neg = analyse('No phosphate 7.1 mg/dL was drawn. Ca 10.8 mg/dL.');
    const phos = neg.labs.find((l) => l.analyte === 'phosphate');
    if (phos?.assertion.negated) assert.equal(neg.products.length, 0);
    const hist = analyse('Ca 10.8 mg/dL today. History: in 2019 phosphate was 7.1 mg/dL.');
    const old = hist.labs.find((l) => l.analyte === 'phosphate')!;
    if (old.assertion.temporality === 'historical') assert.equal(hist.products.length, 0);
    // At least one of the two must be recognised by the assertion layer for this test to say anything.
    assert.ok(phos?.assertion.negated || old.assertion.temporality === 'historical');
  });

  it('uses the later value of a trend, never the superseded one', () => {
    const { labs, products } = analyse('Ca 9.1 -> 10.8 mg/dL, Phos 7.1 mg/dL');
    assert.equal(products.length, 1);
    assert.equal(at(labs, products[0]!.calcium).value, 10.8);
  });

  it('does not use implausible or unit-ambiguous values', () => {
    assert.equal(analyse('Ca 98 mg/dL, Phos 7.1 mg/dL').products.length, 0);
    const { labs, products } = analyse('P 3.2 and PTH 45');
    assert.equal(products.length, 0);
    assert.equal(labs.length, 2);
  });

  it('multiplies albumin-corrected calcium when asked and albumin of the same draw exists', () => {
    const text = 'Ca 10.0 mg/dL, Phos 7.0 mg/dL, albumin 3.0 g/dL';
    const plain = analyse(text).products[0]!;
    assert.equal(plain.correctedCalcium, false);
    assert.equal(plain.value.toFixed(1), '70.0');
    const { labs, products } = analyse(text, { threshold: 70, useCorrectedCalcium: true });
    const p = products[0]!;
    assert.equal(p.correctedCalcium, true);
    assert.ok(Math.abs(p.calciumMgDl - 10.8) < 1e-9);
    assert.equal(p.value.toFixed(1), '75.6');
    assert.equal(p.elevated, true);
    assert.match(formatProductText(p, labs), /albumin-corrected Ca 10\.80 mg\/dL from measured 10\.0 mg\/dL, albumin 3\.0 g\/dL/);
  });
});
