import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../server/src/analysis/lineIndex';
import type { Finding } from '../../../server/src/analysis/types';
import { MAX_DIAGNOSTICS, SOURCE, toDiagnostics } from '../../../server/src/features/diagnostics';
import { normalize } from '../../../server/src/settings';

const text = 'Labs:\nCa 10.8 mg/dL, Phos 7.1 mg/dL\n';
const lines = new LineIndex(text);
const product: Finding = {
  start: text.indexOf('7.1'),
  end: text.indexOf('7.1') + 3,
  severity: 'warning',
  code: 'ca-phos-product-elevated',
  message: 'Ca 10.8 mg/dL × phosphate 7.1 mg/dL = 76.7 mg²/dL² (> 70)',
  related: [
    { start: text.indexOf('10.8'), end: text.indexOf('10.8') + 4, message: 'calcium' },
    { start: text.indexOf('7.1'), end: text.indexOf('7.1') + 3, message: 'phosphate' },
  ],
};
const docs = (code: string) => `file:///ext/README.md#${code}`;

describe('diagnostics feature', () => {
  it('turns a finding into a diagnostic with code, source, docs link and related values', () => {
    const [d] = toDiagnostics([product], lines, normalize({}).settings, 'file:///n.note', docs);
    assert.deepEqual(d.range, { start: { line: 1, character: 20 }, end: { line: 1, character: 23 } });
    assert.equal(d.severity, 2);
    assert.equal(d.code, 'ca-phos-product-elevated');
    assert.equal(d.source, SOURCE);
    assert.equal(d.codeDescription?.href, 'file:///ext/README.md#ca-phos-product-elevated');
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.range.start), [
      { line: 1, character: 3 },
      { line: 1, character: 20 },
    ]);
  });

  it('applies the severity setting of each code, and "off" hides it', () => {
    const asError = toDiagnostics([product], lines, normalize({ severity: { 'ca-phos-product-elevated': 'error' } }).settings, 'u', docs);
    assert.equal(asError[0].severity, 1);
    const off = toDiagnostics([product], lines, normalize({ severity: { 'ca-phos-product-elevated': 'off' } }).settings, 'u', docs);
    assert.deepEqual(off, []);
  });

  it('publishes a bounded list and says when it was cut', () => {
    const many = Array.from({ length: MAX_DIAGNOSTICS + 50 }, () => ({ ...product, related: undefined }));
    const out = toDiagnostics(many, lines, normalize({}).settings, 'u', docs);
    assert.equal(out.length, MAX_DIAGNOSTICS + 1);
    assert.equal(out[MAX_DIAGNOSTICS].code, 'diagnostics-truncated');
  });
});
