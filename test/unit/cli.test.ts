import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/src/cli';

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = run(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'calcinosis-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('calcinosis-notes command line', () => {
  const high = file('high.note', 'Labs: Ca 10.8 mg/dL, Phos 7.1 mg/dL.\n');
  const normal = file('normal.note', 'Labs: Ca 9.2 mg/dL, Phos 3.4 mg/dL. Dystrophic calcinosis cutis.\n');

  it('check prints path:line:col: severity: message [code] and exits 1 on a warning', () => {
    const r = cli(['check', high]);
    assert.equal(r.status, 1);
    assert.match(r.out, new RegExp(`^${high.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: warning: .*76\\.7 mg²/dL².* \\[ca-phos-product-elevated\\]$`, 'm'));
  });

  it('check exits 0 when nothing reaches --fail-on', () => {
    assert.equal(cli(['check', normal]).status, 0);
    assert.equal(cli(['check', '--fail-on', 'error', high]).status, 0);
    assert.equal(cli(['check', '--fail-on', 'never', high]).status, 0);
  });

  it('refuses a threshold out of range with exit 2, without claiming to use the default', () => {
    const r = cli(['check', '--threshold', '1e308', high]);
    assert.equal(r.status, 2);
    assert.match(r.err, /caPhosProduct\.threshold must be a positive number of mg²\/dL² below 1000\./);
    assert.doesNotMatch(r.err, /using the default/);
  });

  it('--threshold moves the Ca×P threshold', () => {
    assert.equal(cli(['check', '--threshold', '80', high]).status, 0);
    const r = cli(['analyze', '--json', '--threshold', '80', high]);
    const json = JSON.parse(r.out);
    assert.equal(json.products[0].threshold, 80);
    assert.equal(json.products[0].elevated, false);
  });

  it('analyze --json follows the documented contract', () => {
    const json = JSON.parse(cli(['analyze', '--json', normal]).out);
    assert.deepEqual(Object.keys(json), ['path', 'terms', 'labs', 'products', 'diagnostics']);
    const term = json.terms.find((t: { concept: string }) => t.concept === 'calcinosis-dystrophic');
    assert.ok(term, JSON.stringify(json.terms));
    assert.deepEqual(Object.keys(term), ['text', 'start', 'end', 'line', 'character', 'concept', 'category', 'assertion']);
    assert.deepEqual(Object.keys(term.assertion).sort(), ['experiencer', 'negated', 'possible', 'temporality']);
    const ca = json.labs.find((l: { analyte: string }) => l.analyte === 'calcium');
    assert.deepEqual(Object.keys(ca), ['text', 'start', 'end', 'line', 'character', 'analyte', 'value', 'unit', 'comparator', 'conventional', 'si', 'assertion']);
    assert.equal(ca.value, 9.2);
    assert.equal(ca.unit, 'mg/dL');
    assert.deepEqual(Object.keys(json.products[0]), ['calcium', 'phosphate', 'value', 'unit', 'threshold', 'elevated']);
    assert.equal(json.products[0].unit, 'mg2/dL2');
    assert.equal(json.labs[json.products[0].calcium].analyte, 'calcium');
  });

  it('prints one JSON object per file, one per line', () => {
    const lines = cli(['analyze', '--json', high, normal]).out.split('\n');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines.map((l) => JSON.parse(l).path), [high, normal]);
  });

  it('--terms adds user terms that get assertions like built-in ones', () => {
    const note = file('terms.note', 'Patient denies calcinotic plaque. Family history: mother had violaceous nodules.\n');
    const terms = file('terms.txt', '# our clinic words\ncalcinotic plaque\tA plaque of calcinosis\nviolaceous nodules\n');
    const json = JSON.parse(cli(['analyze', '--json', '--terms', terms, note]).out);
    const plaque = json.terms.find((t: { text: string }) => t.text === 'calcinotic plaque');
    const nodules = json.terms.find((t: { text: string }) => t.text === 'violaceous nodules');
    assert.equal(plaque.assertion.negated, true);
    assert.equal(nodules.assertion.experiencer, 'other');
  });

  it('reports a missing file and a bad option clearly, with exit status 2', () => {
    const missing = cli(['check', join(dir, 'nope.note')]);
    assert.equal(missing.status, 2);
    assert.match(missing.err, /cannot read .*nope\.note/);
    const bad = cli(['check', '--fail-on', 'sometimes', high]);
    assert.equal(bad.status, 2);
    assert.match(bad.err, /--fail-on must be error, warning or never/);
  });

  it('says so instead of analysing a binary file', () => {
    const binary = file('scan.note', 'PK\u0003\u0004\u0000\u0000\u0000\u0000Ca 10.8 Phos 7.1\u0000\u0000');
    const r = cli(['check', binary]);
    assert.match(r.out, /binary/);
    assert.doesNotMatch(r.out, /ca-phos-product-elevated/);
  });
});
