import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/analysis/analyze';

describe('a value whose unit cannot be told', () => {
  it('gets an information diagnostic instead of a silent guess', () => {
    const { findings, labs } = analyzeText('Phos 1.5');
    assert.equal(labs[0].conventional, null);
    assert.equal(labs[0].si, null);
    const f = findings.find((x) => x.code === 'unit-ambiguous');
    assert.ok(f, JSON.stringify(findings));
    assert.equal(f.severity, 'information');
    assert.match(f.message, /mg\/dL and in mmol\/L/);
    assert.match(f.message, /not converted or used/);
  });

  it('takes the unit system of its draw when the draw has one, and says the unit was assumed', () => {
    const { findings, labs } = analyzeText('Ca 2.4 mmol/L, Phos 1.5');
    assert.equal(labs[1].unitAssumed, true);
    assert.equal(labs[1].si?.unit, 'mmol/L');
    const assumed = findings.find((x) => x.code === 'unit-assumed');
    assert.match(assumed!.message, /read in mmol\/L because the other values of the same draw/);
    assert.ok(!findings.some((x) => x.code === 'unit-ambiguous'));
  });
});
