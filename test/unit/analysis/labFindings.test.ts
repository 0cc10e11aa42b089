import { strict as assert } from 'node:assert';
import { findLabValues } from '../../../server/src/analysis/labs';
import { pairCaPhos } from '../../../server/src/analysis/caPhos';
import { labFindings } from '../../../server/src/analysis/labFindings';
import { labHoverMarkdown } from '../../../server/src/analysis/labHoverText';
import { PLAIN_ASSERTION, type Finding } from '../../../server/src/analysis/types';
import { THRESHOLD_PRESETS } from '../../../server/src/settings';

const SP = THRESHOLD_PRESETS['statpearls-70'];
function run(text: string, referenceRanges: Record<string, [number, number]> = {}, threshold = 70, source = SP.source) {
  const labs = findLabValues(text, () => PLAIN_ASSERTION, []);
  const products = pairCaPhos(labs, text, { threshold, useCorrectedCalcium: false });
  const findings = labFindings(text, labs, products, { threshold, thresholdSource: source, referenceRanges });
  return { labs, products, findings };
}
const byCode = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);

describe('labFindings', () => {
  it('shows the product working with its source, on the phosphate value, related to both values', () => {
    const text = 'Ca 10.8 mg/dL and Phos 7.1 mg/dL';
    const { findings } = run(text);
    const [f] = byCode(findings, 'ca-phos-product-elevated');
    assert.ok(f);
    assert.equal(f!.severity, 'warning');
    assert.ok(f!.message.includes(`Ca 10.8 mg/dL × phosphate 7.1 mg/dL = 76.7 mg²/dL² (> 70, ${SP.source})`), f!.message);
    assert.equal(text.slice(f!.start, f!.end), '7.1');
    assert.deepEqual(f!.related!.map((r) => text.slice(r.start, r.end)), ['10.8', '7.1']);
  });

  it('adds the SI working when the note used SI units', () => {
    const { findings } = run('Ca 2.7 mmol/L, phosphate 2.29 mmol/L');
    const [f] = byCode(findings, 'ca-phos-product-elevated');
    assert.match(f!.message, /In SI units: 2\.70 mmol\/L × 2\.29 mmol\/L = 6\.18 mmol²\/L²/);
  });

  it('is silent about the product below the threshold', () => {
    assert.equal(byCode(run('Ca 9.4 mg/dL, Phos 3.5 mg/dL').findings, 'ca-phos-product-elevated').length, 0);
  });

  it('explains why no product was computed', () => {
    const text = 'Ca 10.8 mg/dL on 3/14/2026; phosphorus 7.1 mg/dL on 1/2/2026';
    const [f] = byCode(run(text).findings, 'ca-phos-product-not-computed');
    assert.equal(f!.severity, 'information');
    assert.match(f!.message, /different date/);
    const [imp] = byCode(run('Ca 10.8 mg/dL, Phos 71 mg/dL').findings, 'ca-phos-product-not-computed');
    assert.match(imp!.message, /phosphate .*implausible/);
  });

  it('flags an implausible value and says what was expected', () => {
    const text = 'Calcium 2.5 mg/dL';
    const [f] = byCode(run(text).findings, 'implausible-lab-value');
    assert.equal(text.slice(f!.start, f!.end), '2.5');
    assert.match(f!.message, /we expect about 3–20 mg\/dL/);
    assert.match(f!.message, /mmol\/L/);
  });

  it('reports a value outside its sourced reference range with the source', () => {
    const [f] = byCode(run('PTH 412 pg/mL').findings, 'lab-out-of-range');
    assert.equal(f!.severity, 'information');
    assert.match(f!.message, /above the reference range 18–59 pg\/mL/);
    assert.match(f!.message, /ARUP/);
    // Creatinine has no sourced range: nothing is said.
    assert.equal(byCode(run('creatinine 4.8 mg/dL').findings, 'lab-out-of-range').length, 0);
  });

  it('prefers the user’s reference range override', () => {
    const [f] = byCode(run('Ca 10.2 mg/dL', { calcium: [8.8, 10.1] }).findings, 'lab-out-of-range');
    assert.match(f!.message, /8\.8–10\.1 mg\/dL \(your setting calcinosisNotes\.referenceRanges/);
    assert.equal(byCode(run('Ca 10.2 mg/dL', { calcium: [8.8, 10.3] }).findings, 'lab-out-of-range').length, 0);
  });

  it('words each out-of-range message after the ranges in force, as they change and change back', () => {
    const text = 'Ca 10.6 mg/dL\n\nCa 10.6 mg/dL';
    const message = (ranges: Record<string, [number, number]>) => byCode(run(text, ranges).findings, 'lab-out-of-range').map((f) => f.message);
    const sourced = message({});
    assert.equal(sourced.length, 2);
    assert.equal(sourced[0], sourced[1]);
    assert.doesNotMatch(sourced[0]!, /your setting/);
    const own = message({ calcium: [8.8, 10.1] });
    assert.match(own[0]!, /8\.8–10\.1 mg\/dL \(your setting/);
    assert.match(message({ calcium: [8.8, 10.2] })[0]!, /8\.8–10\.2 mg\/dL \(your setting/);
    assert.deepEqual(message({}), sourced);
    // The same value, written with another unit, is worded with that unit.
    assert.match(byCode(run('Ca 2.65 mmol/L').findings, 'lab-out-of-range')[0]!.message, /2\.65 mmol\/L \(10\.6 mg\/dL\)/);
  });

  it('hints at an assumed unit and why', () => {
    const [f] = byCode(run('Ca 10.8').findings, 'unit-assumed');
    assert.equal(f!.severity, 'hint');
    assert.match(f!.message, /mg\/dL/);
  });
});

describe('labHoverMarkdown', () => {
  it('shows both unit systems, the range with its source, the flag, LOINC and the product', () => {
    const { labs, products } = run('Ca 10.8 and Phos 7.1 mg/dL, albumin 3.0 g/dL');
    const md = labHoverMarkdown(labs[0]!, 0, labs, products, { threshold: 70, thresholdSource: SP.source, thresholdUrl: SP.url, referenceRanges: {} });
    assert.match(md, /Total calcium/);
    assert.match(md, /10\.8 mg\/dL = 2\.69 mmol\/L \*\(unit assumed/);
    assert.match(md, /8\.6–10\.0 mg\/dL/);
    assert.match(md, /\*\*HIGH\*\*/);
    assert.match(md, /17861-6/);
    assert.match(md, /76\.7 mg²\/dL²\*\*, \*\*above\*\* the threshold of 70/);
    assert.ok(md.includes(SP.url));
    assert.match(md, /Albumin-corrected calcium: 11\.6 mg\/dL/);
  });
});
