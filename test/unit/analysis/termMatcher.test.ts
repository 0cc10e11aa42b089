import { strict as assert } from 'node:assert';
import { TermMatcher, tokenizeForm } from '../../../server/src/analysis/termMatcher';

function matcher(): TermMatcher {
  const m = new TermMatcher();
  m.add('calcinosis', 'calcinosis-cutis');
  m.add('calcinosis cutis', 'calcinosis-cutis');
  m.add('calcinosis universalis', 'calcinosis-universalis');
  m.add('PTH', 'pth', { exactCase: true });
  m.add('CK', 'ck', { exactCase: true });
  m.add('P', 'phosphate', { exactCase: true, labContext: true });
  m.add("Winer's nodule", 'winer-nodule');
  m.add('anti-dsDNA', 'anti-dsdna');
  return m;
}

const found = (text: string) => matcher().findAll(text).map((m) => [m.concept, text.slice(m.start, m.end)]);

describe('TermMatcher', () => {
  it('prefers the longest form starting at a position', () => {
    assert.deepEqual(found('Calcinosis cutis of the forearm'), [['calcinosis-cutis', 'Calcinosis cutis']]);
    assert.deepEqual(found('calcinosis universalis'), [['calcinosis-universalis', 'calcinosis universalis']]);
  });

  it('matches a phrase broken over a line or by several spaces', () => {
    assert.deepEqual(found('diffuse calcinosis\n   universalis'), [['calcinosis-universalis', 'calcinosis\n   universalis']]);
    assert.deepEqual(found('calcinosis \u00a0 cutis'), [['calcinosis-cutis', 'calcinosis \u00a0 cutis']]);
  });

  it('does not match across a blank line, which ends a paragraph', () => {
    assert.deepEqual(found('Assessment: calcinosis\n\nUniversalis is not seen.'), [['calcinosis-cutis', 'calcinosis']]);
    assert.deepEqual(found('calcinosis\r\n  \r\nuniversalis'), [['calcinosis-cutis', 'calcinosis']]);
    assert.deepEqual(found('calcinosis\r\runiversalis'), [['calcinosis-cutis', 'calcinosis']]);
    assert.deepEqual(found('calcinosis\r\nuniversalis'), [['calcinosis-universalis', 'calcinosis\r\nuniversalis']]);
  });

  it('does not match across sentence punctuation', () => {
    assert.deepEqual(found('no calcinosis. Universalis'), [['calcinosis-cutis', 'calcinosis']]);
  });

  it('only matches whole words: PTH is not found in iPTH, CK not in CKD', () => {
    assert.deepEqual(found('iPTH 80, CKD stage 4'), []);
    assert.deepEqual(found('PTH 80, CK 200'), [['pth', 'PTH'], ['ck', 'CK']]);
  });

  it('applies case rules from the data', () => {
    assert.deepEqual(found('pth and Pth'), []);
  });

  it('counts a bare P only in a lab context (a number follows)', () => {
    assert.deepEqual(found('P 7.1 mg/dL'), [['phosphate', 'P']]);
    assert.deepEqual(found('P: 7.1'), [['phosphate', 'P']]);
    assert.deepEqual(found('P wave inversion; Plan P.'), []);
  });

  it('folds typographic apostrophes and keeps hyphenated forms whole', () => {
    assert.deepEqual(found('Winer’s nodule; anti-dsDNA negative'), [['winer-nodule', 'Winer’s nodule'], ['anti-dsdna', 'anti-dsDNA']]);
  });

  it('reports UTF-16 offsets after astral characters', () => {
    const text = '😀😀 calcinosis';
    const [m] = matcher().findAll(text);
    assert.equal(m.start, 5);
    assert.equal(text.slice(m.start, m.end), 'calcinosis');
  });

  it('treats user words literally, so regex syntax in a term is harmless', () => {
    const m = new TermMatcher();
    m.add('(a+)+$', 'evil');
    const text = 'a'.repeat(50000) + '!';
    assert.deepEqual(m.findAll(text), []);
    assert.deepEqual(m.findAll('x (a+)+$ y').length, 1);
  });

  it('never takes a word for another word with the same hash (words are looked up by hash, then compared)', () => {
    // "c0" and "an" have the same lower-case hash (99·31 + 48 = 97·31 + 110 = 3117).
    const m = new TermMatcher();
    m.add('c0 deposit', 'first-word');
    m.add('calcinosis c0', 'later-word');
    assert.deepEqual(m.findAll('an deposit; calcinosis an'), []);
    assert.deepEqual(
      m.findAll('C0 deposit; calcinosis c0').map((x) => x.concept),
      ['first-word', 'later-word'],
    );
  });

  it('finds forms added after a scan, with every form added before', () => {
    const m = matcher();
    const text = "calcinosis cutis, Winer’s nodule, PTH 80, anti‐dsDNA, calcinosis scrotal, µ-deposit, P 4.1";
    const before = m.findAll(text).map((x) => x.concept);
    assert.deepEqual(before, ['calcinosis-cutis', 'winer-nodule', 'pth', 'anti-dsdna', 'calcinosis-cutis', 'phosphate']);
    // Extends an existing path, starts a new one on punctuation, and adds a second concept
    // to a form that already ends at a node (the preferred one wins there).
    m.add('calcinosis scrotal', 'scrotal-calcinosis');
    m.add('µ-deposit', 'micro-deposit');
    m.add('calcinosis', 'user-calcinosis', { preferred: true });
    assert.deepEqual(m.findAll(text).map((x) => x.concept), [
      'calcinosis-cutis', 'winer-nodule', 'pth', 'anti-dsdna', 'scrotal-calcinosis', 'micro-deposit', 'phosphate',
    ]);
    assert.deepEqual(m.findAll('calcinosis of the elbow').map((x) => x.concept), ['user-calcinosis']);
    // A form beginning with an ASCII mark, added after those scans.
    m.add('+ve deposit', 'positive-deposit');
    assert.deepEqual(m.findAll('biopsy +ve deposit').map((x) => x.concept), ['positive-deposit']);
  });

  it('tokenizes forms into words and punctuation', () => {
    assert.deepEqual(tokenizeForm('25-OH vitamin D'), ['25', '-', 'OH', 'vitamin', 'D']);
  });
});
