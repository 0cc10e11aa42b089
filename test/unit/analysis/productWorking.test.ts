import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { formatProductText } from '../../../server/src/analysis/caPhos';

/**
 * Pulls "a × b = c" (or "≈ c") out of a message: with "=", a × b must round to c; with
 * "≈", a factor was rounded and a × b must be within 0.1 of c.
 */
function assertWorkingMultipliesOut(message: string): '=' | '≈' {
  const m = /(\d+(?:\.\d+)?) mg\/dL × (?:phosphate )?(\d+(?:\.\d+)?) mg\/dL ([=≈]) (\d+(?:\.\d+)?) mg²\/dL²/.exec(message);
  assert.ok(m, `no working in: ${message}`);
  const [, a, b, sign, c] = m;
  const product = Number(a) * Number(b);
  if (sign === '=') assert.equal(product.toFixed(1), Number(c).toFixed(1), `${a} × ${b} does not give ${c}`);
  else assert.ok(Math.abs(product - Number(c)) <= 0.1, `${a} × ${b} is not close to ${c}`);
  return sign as '=' | '≈';
}

describe('the Ca×P working shown to the clinician', () => {
  it('shows values written in mg/dL exactly as written', () => {
    const { findings } = analyzeText('Ca 10.8 mg/dL, Phos 7.1 mg/dL');
    const message = findings.find((f) => f.code === 'ca-phos-product-elevated')!.message;
    assert.match(message, /Ca 10\.8 mg\/dL × phosphate 7\.1 mg\/dL = 76\.7 mg²\/dL²/);
  });

  it('multiplies out when the note used SI units (converted factors keep two decimals)', () => {
    const a = analyzeText('Ca 2.7 mmol/L, phosphate 2.3 mmol/L');
    const message = a.findings.find((f) => f.code === 'ca-phos-product-elevated')!.message;
    assert.equal(assertWorkingMultipliesOut(message), '≈', 'converted factors are rounded, so the working says ≈');
    assert.match(message, /In SI units: 2\.70 mmol\/L × 2\.30 mmol\/L = 6\.21 mmol²\/L²/);
    assertWorkingMultipliesOut(formatProductText(a.products[0], a.labs));
  });

  it('multiplies out with albumin-corrected calcium', () => {
    const a = analyzeText('Ca 10.1 mg/dL, Phos 7.3 mg/dL, albumin 2.6 g/dL', { useCorrectedCalcium: true });
    assert.equal(a.products[0].correctedCalcium, true);
    // 10.1 + 0.8 × (4.0 − 2.6) = 11.22; 11.22 × 7.3 = 81.9
    assert.equal(a.products[0].calciumMgDl.toFixed(2), '11.22');
    const message = a.findings.find((f) => f.code === 'ca-phos-product-elevated')!.message;
    assert.match(message, /corrected Ca 11\.22 mg\/dL/);
    assert.equal(assertWorkingMultipliesOut(message.replace(/ \(measured[^)]*\)/, '')), '=');
  });
});
