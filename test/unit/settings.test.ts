import { strict as assert } from 'node:assert';
import { caPhosThreshold, DEFAULT_SETTINGS, normalize } from '../../server/src/settings';

describe('settings.normalize', () => {
  it('gives the defaults for no settings at all', () => {
    const { settings, problems } = normalize(undefined);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it('uses the StatPearls threshold of 70 mg²/dL² by default, with its source', () => {
    const t = caPhosThreshold(normalize({}).settings);
    assert.equal(t.value, 70);
    assert.match(t.source, /StatPearls/);
  });

  it('offers the KDOQI adult CKD threshold of 55 as a preset', () => {
    const t = caPhosThreshold(normalize({ caPhosProduct: { preset: 'kdoqi-ckd-55' } }).settings);
    assert.equal(t.value, 55);
    assert.match(t.source, /KDOQI/);
  });

  it('treats a threshold other than the preset value as custom', () => {
    const t = caPhosThreshold(normalize({ caPhosProduct: { threshold: 60 } }).settings);
    assert.equal(t.value, 60);
    assert.match(t.source, /your setting/);
  });

  it('falls back to the default, with one message each, for malformed values', () => {
    const { settings, problems } = normalize({
      caPhosProduct: { threshold: -3, preset: 'whatever' },
      languages: 'markdown',
      severity: { 'ca-phos-product-elevated': 'loud', 'no-such-code': 'error' },
      maxDocumentSize: 'big',
    });
    assert.equal(settings.caPhosThreshold, 70);
    assert.equal(settings.caPhosPreset, 'statpearls-70');
    assert.deepEqual(settings.languages, DEFAULT_SETTINGS.languages);
    assert.equal(settings.severity['ca-phos-product-elevated'], 'warning');
    assert.equal(settings.maxDocumentSize, DEFAULT_SETTINGS.maxDocumentSize);
    assert.equal(problems.length, 6);
    for (const p of problems) assert.match(p, /^calcinosisNotes\.\S+ .*using the default\.$/);
  });

  it('also states each fault without the fallback, for callers that refuse instead', () => {
    const { problems, faults } = normalize({ maxDocumentSize: 'big', hover: { detail: 'loud' } });
    assert.deepEqual(faults, [
      'calcinosisNotes.hover.detail must be "brief" or "full".',
      'calcinosisNotes.maxDocumentSize must be a number of characters, at least 1000.',
    ]);
    assert.equal(problems.length, faults.length);
    faults.forEach((f, k) => assert.equal(problems[k], `${f.slice(0, -1)}; using the default.`));
    assert.deepEqual(normalize(42).faults, ['calcinosisNotes settings are not an object.']);
  });

  it('never lets one note\'s settings leak into the defaults', () => {
    normalize({ referenceRanges: { calcium: [8, 10] }, languages: ['markdown'] });
    assert.deepEqual(DEFAULT_SETTINGS.referenceRanges, {});
    assert.deepEqual(DEFAULT_SETTINGS.languages, ['clinical-note', 'plaintext', 'markdown']);
  });

  it('accepts custom terms as strings or {term, definition}', () => {
    const { settings } = normalize({ customTerms: ['Ca-P deposit', { term: 'calcinosis score', definition: 'Our clinic score' }] });
    assert.deepEqual(settings.customTerms, [{ term: 'Ca-P deposit' }, { term: 'calcinosis score', definition: 'Our clinic score' }]);
  });

  it('rejects a non-object settings value as a whole', () => {
    const { settings, problems } = normalize(42);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 1);
  });
});
