import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONCEPTS } from '../../../server/src/knowledge/concepts';
import { CATEGORY_LABELS, type Concept } from '../../../server/src/knowledge/types';

// Specification of the built-in knowledge base: shape, size, uniqueness of surface
// forms, codes traceable to data/verified-codes.tsv, and the seed's doses.

const REPO = path.resolve(__dirname, '../../..');

/** Rows of data/verified-codes.tsv keyed as "system\tcode\tdisplay". */
function verifiedCodeKeys(): Set<string> {
  const text = fs.readFileSync(path.join(REPO, 'data/verified-codes.tsv'), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  const iSystem = header.indexOf('system');
  const iCode = header.indexOf('code');
  const iDisplay = header.indexOf('display');
  assert.ok(iSystem >= 0 && iCode >= 0 && iDisplay >= 0, 'TSV header names system, code and display');
  const keys = new Set<string>();
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    keys.add(`${cols[iSystem]}\t${cols[iCode]}\t${cols[iDisplay]}`);
  }
  return keys;
}

/**
 * How the term matcher compares forms: whitespace between words is free, and a
 * punctuation character is a word of its own, so "h&e" and "h & e" are the same form.
 */
function normalize(form: string): string {
  return form
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\s*([^\p{L}\p{N}\p{M}\s])\s*/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function allForms(c: Concept): string[] {
  return [...c.forms, ...(c.exactForms ?? []), ...(c.labContextForms ?? [])];
}

function sentenceCount(text: string): number {
  return (text.trim().match(/[.!?](?=\s|$)/g) ?? []).length;
}

const byId = new Map(CONCEPTS.map((c) => [c.id, c]));

describe('knowledge base: concepts', () => {
  it('has at least 150 concepts and 500 surface forms', () => {
    assert.ok(CONCEPTS.length >= 150, `only ${CONCEPTS.length} concepts`);
    const forms = CONCEPTS.reduce((n, c) => n + allForms(c).length, 0);
    assert.ok(forms >= 500, `only ${forms} surface forms`);
  });

  it('gives every concept a unique kebab-case id', () => {
    const seen = new Set<string>();
    for (const c of CONCEPTS) {
      assert.match(c.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `id ${c.id} is not kebab-case`);
      assert.ok(!seen.has(c.id), `duplicate id ${c.id}`);
      seen.add(c.id);
    }
  });

  it('gives every concept a name, a valid category, a 1–3 sentence definition and a relevance', () => {
    for (const c of CONCEPTS) {
      assert.ok(c.name.trim().length > 0, `${c.id}: empty name`);
      assert.ok(c.category in CATEGORY_LABELS, `${c.id}: unknown category ${c.category}`);
      const n = sentenceCount(c.definition);
      assert.ok(n >= 1 && n <= 3, `${c.id}: definition has ${n} sentences`);
      assert.ok(c.relevance.trim().length > 0, `${c.id}: empty relevance`);
      if (c.seedSection !== undefined) assert.ok(c.seedSection.trim().length > 0, `${c.id}: empty seedSection`);
    }
  });

  it('lists at least one case-insensitive form per concept, lower-cased unless a proper noun needs capitals', () => {
    for (const c of CONCEPTS) {
      assert.ok(c.forms.length > 0, `${c.id}: no forms`);
      for (const f of allForms(c)) assert.equal(f, f.trim(), `${c.id}: form "${f}" has outer whitespace`);
      for (const f of c.forms) {
        assert.ok(f.length > 0, `${c.id}: empty form`);
        // Capitals are allowed only at the start of a word (eponyms such as "Winer's").
        assert.doesNotMatch(f, /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}/u, `${c.id}: form "${f}" looks like an abbreviation; put it in exactForms`);
      }
    }
  });

  it('never repeats a surface form within or across concepts', () => {
    const insensitive = new Map<string, string>();
    for (const c of CONCEPTS) {
      for (const f of c.forms) {
        const key = normalize(f).toLowerCase();
        assert.ok(!insensitive.has(key), `form "${f}" of ${c.id} repeats one of ${insensitive.get(key)}`);
        insensitive.set(key, c.id);
      }
    }
    const exact = new Map<string, string>();
    for (const c of CONCEPTS) {
      for (const f of [...(c.exactForms ?? []), ...(c.labContextForms ?? [])]) {
        const key = normalize(f);
        assert.ok(!exact.has(key), `exact form "${f}" of ${c.id} repeats one of ${exact.get(key)}`);
        exact.set(key, c.id);
        // A case-insensitive form with the same words would already match it.
        const shadow = insensitive.get(key.toLowerCase());
        assert.equal(shadow, undefined, `exact form "${f}" of ${c.id} is also a case-insensitive form of ${shadow}`);
      }
    }
  });

  it('keeps ambiguous abbreviations case-sensitive or out of the vocabulary', () => {
    const forms = CONCEPTS.flatMap((c) => c.forms.map((f) => normalize(f).toLowerCase()));
    for (const risky of ['dm', 'ca', 'p', 'k', 'ra', 'pct', 'pas', 'ph', 'ct', 'mri', 'sle', 'ssc', 'pth', 'ck', 'ckd']) {
      assert.ok(!forms.includes(risky), `"${risky}" must not be a case-insensitive form`);
    }
    const exact = CONCEPTS.flatMap((c) => c.exactForms ?? []);
    assert.ok(!exact.includes('DM'), 'plain "DM" is also diabetes');
    assert.ok(!exact.includes('CA') && !exact.includes('Ca'), '"CA"/"Ca" must never be an exact form (cancer, CA 19-9)');
    const calcium = byId.get('calcium')!;
    assert.deepEqual(calcium.labContextForms?.includes('Ca'), true, 'calcium "Ca" counts only next to a number');
    for (const id of ['phosphate', 'potassium']) {
      const c = byId.get(id)!;
      assert.ok(c.labContextForms && c.labContextForms.length > 0, `${id} has its one-letter symbol as a lab-context form`);
    }
    for (const [id, abbr] of [
      ['systemic-sclerosis', 'SSc'],
      ['systemic-lupus-erythematosus', 'SLE'],
      ['mixed-connective-tissue-disease', 'MCTD'],
      ['pth', 'PTH'],
      ['ck', 'CK'],
      ['chronic-kidney-disease', 'CKD'],
      ['end-stage-renal-disease', 'ESRD'],
      ['limited-systemic-sclerosis', 'CREST'],
      ['computed-tomography', 'CT'],
      ['magnetic-resonance-imaging', 'MRI'],
      ['ldh', 'LDH'],
      ['calciphylaxis', 'CUA'],
      ['juvenile-dermatomyositis', 'JDM'],
    ] as const) {
      assert.ok(byId.get(id)?.exactForms?.includes(abbr), `${id} has exact form ${abbr}`);
    }
  });

  it('uses only codes listed in data/verified-codes.tsv, copied exactly', () => {
    const keys = verifiedCodeKeys();
    for (const c of CONCEPTS) {
      for (const code of c.codes ?? []) {
        assert.ok(keys.has(`${code.system}\t${code.code}\t${code.display}`), `${c.id}: ${code.system} ${code.code} "${code.display}" is not in verified-codes.tsv`);
      }
    }
  });

  it('does not attach clinical-drug RxNorm codes or the D3-only vitamin D code to ingredient or total concepts', () => {
    for (const c of CONCEPTS) {
      if (c.category === 'treatment') assert.ok(!(c.codes ?? []).some((k) => k.system === 'RxNorm'), `${c.id} carries a product-level RxNorm code`);
    }
    const vitD = byId.get('vitamin-d-25oh')!;
    assert.deepEqual(vitD.codes?.map((k) => k.code), ['62292-8']);
    assert.deepEqual(byId.get('ldh')!.codes?.map((k) => k.code).sort(), ['14804-9', '2532-0']);
  });

  it('points every parent at an existing concept, without cycles', () => {
    for (const c of CONCEPTS) {
      if (c.parent === undefined) continue;
      assert.ok(byId.has(c.parent), `${c.id}: parent ${c.parent} does not exist`);
      const seen = new Set([c.id]);
      for (let p: string | undefined = c.parent; p; p = byId.get(p)?.parent) {
        assert.ok(!seen.has(p), `${c.id}: parent cycle through ${p}`);
        seen.add(p);
      }
    }
  });

  it('records the dose the seed gives for each treatment it names', () => {
    const doses: [string, RegExp][] = [
      ['diltiazem', /2.*4 mg\/kg/],
      ['warfarin', /1 mg/],
      ['etidronate', /800 mg/],
      ['alendronate', /70 mg/],
      ['pamidronate', /90 mg/],
      ['minocycline', /50.*100 mg/],
      ['ceftriaxone', /2 g.*20 days/],
      ['aluminum-hydroxide', /1\.8.*2\.4 g/],
      ['probenecid', /1\.5 g/],
      ['ivig', /2 g\/kg/],
    ];
    for (const [id, dose] of doses) {
      const c = byId.get(id);
      assert.ok(c, `treatment ${id} exists`);
      assert.equal(c.category, 'treatment');
      assert.match(c.dose ?? '', dose, `${id} dose`);
      assert.match(c.seedSection ?? '', /^Treatment \/ Management/, `${id} cites its treatment section`);
    }
    for (const c of CONCEPTS) {
      if (c.dose !== undefined) assert.equal(c.category, 'treatment', `${c.id} has a dose but is not a treatment`);
    }
  });

  it('names the lab-test concepts the lab-value extractor uses as analytes', () => {
    const ids = [
      'calcium', 'ionized-calcium', 'phosphate', 'albumin', 'pth', 'vitamin-d-25oh', 'vitamin-d-1-25',
      'creatinine', 'bun', 'ck', 'ldh', 'ast', 'alt', 'aldolase', 'bicarbonate', 'ph',
      'urine-calcium-24h', 'urine-phosphate-24h', 'magnesium', 'alkaline-phosphatase', 'ana',
      'anti-dsdna', 'anti-ro', 'anti-la', 'anti-sm', 'anti-rnp', 'anti-scl-70', 'anti-jo-1',
      'total-protein', 'cbc', 'bmp',
    ];
    for (const id of ids) assert.equal(byId.get(id)?.category, 'lab-test', `lab-test ${id}`);
  });

  it('covers the five types, the idiopathic subtypes and the extent patterns of the seed', () => {
    for (const id of ['calcinosis-dystrophic', 'calcinosis-metastatic', 'calcinosis-idiopathic', 'calcinosis-iatrogenic', 'calciphylaxis']) {
      assert.equal(byId.get(id)?.category, 'calcinosis-type', id);
    }
    for (const id of ['tumoral-calcinosis', 'familial-tumoral-calcinosis', 'subepidermal-calcified-nodule', 'scrotal-calcinosis']) {
      assert.equal(byId.get(id)?.category, 'calcinosis-subtype', id);
    }
    for (const id of ['calcinosis-circumscripta', 'calcinosis-universalis']) {
      assert.equal(byId.get(id)?.category, 'calcinosis-subtype', id);
    }
  });

  it('recognises the seed\'s spellings alongside the correct ones', () => {
    const conceptOf = new Map<string, string>();
    for (const c of CONCEPTS) for (const f of c.forms) conceptOf.set(normalize(f).toLowerCase(), c.id);
    const expect: [string, string][] = [
      ["winer's nodule", 'subepidermal-calcified-nodule'],
      ['winder nodular calcinosis', 'subepidermal-calcified-nodule'],
      ['subepidermal calcified nodules', 'subepidermal-calcified-nodule'],
      ['elastic pseudoxanthoma', 'pseudoxanthoma-elasticum'],
      ['pruritis', 'pruritus'],
      ['aluminium hydroxide', 'aluminum-hydroxide'],
      ['oesophageal dysmotility', 'esophageal-dysmotility'],
      ['tumour lysis syndrome', 'tumor-lysis-syndrome'],
      ['anti-dsdna', 'anti-dsdna'],
      ['anti dsdna', 'anti-dsdna'],
      ['dsdna', 'anti-dsdna'],
      ['kossa stain', 'von-kossa-stain'],
      ['cardizem', 'diltiazem'],
      ['fosamax', 'alendronate'],
      ['aredia', 'pamidronate'],
      ['rocephin', 'ceftriaxone'],
      ['minocin', 'minocycline'],
      ['coumadin', 'warfarin'],
      ['benemid', 'probenecid'],
      ['colcrys', 'colchicine'],
      ['calcium-phosphate product', 'calcium-phosphate-product'],
      ['hypercalcaemia', 'hypercalcemia'],
    ];
    for (const [form, id] of expect) assert.equal(conceptOf.get(normalize(form)), id, form);
  });
});
