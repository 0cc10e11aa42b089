import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseNumber } from '../../../server/src/analysis/labs/text';

describe('labs: reading a written number', () => {
  it('gives exactly the double that Number() parses, for digits with or without a decimal point', () => {
    const digits = fc.stringMatching(/^\d{1,18}$/);
    const written = fc.oneof(
      digits,
      fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`),
      digits.map((b) => `.${b}`),
      fc.constantFrom('0', '0.0', '10.2', '2.31', '0.15', '007.50', '999999999999999', '9999999999999999', '12345678.9012345'),
    );
    fc.assert(
      fc.property(written, (raw) => Object.is(parseNumber(raw), Number(raw.startsWith('.') ? `0${raw}` : raw))),
      { numRuns: 20000, seed: 0x0dd5, endOnFailure: true },
    );
  });

  it('reads decimal commas and thousands separators', () => {
    assert.equal(parseNumber('2,61'), 2.61);
    assert.equal(parseNumber('0,850'), 0.85);
    assert.equal(parseNumber('1,250'), 1250);
    assert.equal(parseNumber(',5'), 0.5);
  });
});
