import { strict as assert } from 'node:assert';
import { findSections, sectionAt } from '../../../server/src/analysis/sections';

const NOTE = [
  'Chief complaint: hard white papules on the fingertips',
  '',
  'HPI: 52-year-old woman with limited systemic sclerosis and chalky nodules on both index fingers.',
  'PMH: Raynaud phenomenon, GERD',
  'Family history:',
  'Mother with dermatomyositis.',
  'SOCIAL HISTORY: non-smoker',
  'Meds: nifedipine 30 mg daily',
  'Allergies: none known',
  'Exam',
  'Firm calcified nodules over the right second digit.',
  'Labs: calcium 9.4 mg/dL, phosphate 3.1 mg/dL',
  'X-ray: stippled calcification in the soft tissue of the digits',
  'Biopsy: basophilic deposits, von Kossa positive',
  'A&P: dystrophic calcinosis cutis',
  '## Plan',
  'Start diltiazem; review in 3 months.',
].join('\n');

describe('findSections', () => {
  const sections = findSections(NOTE);
  const kinds = sections.map((s) => s.kind);

  it('recognises common headers with a colon, on a line of their own, and as Markdown headings', () => {
    assert.deepEqual(kinds, [
      'chief-complaint',
      'hpi',
      'pmh',
      'family-history',
      'social-history',
      'medications',
      'allergies',
      'exam',
      'labs',
      'imaging',
      'pathology',
      'assessment-plan',
      'plan',
    ]);
  });

  it('gives each section the header as written and offsets that tile the note', () => {
    const fh = sections[3];
    assert.equal(fh.title, 'Family history');
    assert.equal(NOTE.slice(fh.start, fh.start + 14), 'Family history');
    assert.equal(fh.end, sections[4].start);
    assert.equal(sections[sections.length - 1].end, NOTE.length);
    const pmh = sections[2];
    assert.equal(NOTE.slice(pmh.contentStart, pmh.contentStart + 8), 'Raynaud ');
    const md = sections[sections.length - 1];
    assert.equal(md.title, 'Plan');
    assert.equal(NOTE[md.start], '#');
  });

  it('finds the section around an offset', () => {
    const at = NOTE.indexOf('dermatomyositis');
    assert.equal(sectionAt(sections, at)?.kind, 'family-history');
    assert.equal(sectionAt(sections, NOTE.indexOf('diltiazem'))?.kind, 'plan');
  });

  it('does not take a phosphate value "P: 4.1" for a Plan header, but takes "P: start ..."', () => {
    assert.deepEqual(findSections('Ca: 10.4\nP: 4.1 mg/dL'), []);
    assert.deepEqual(findSections('A: calcinosis cutis\nP: start sodium thiosulfate').map((s) => s.kind), ['assessment', 'plan']);
  });

  it('does not read prose that starts with a header word as a header', () => {
    assert.deepEqual(findSections('Exam shows calcified nodules on both elbows.'), []);
    assert.deepEqual(findSections('History of calcinosis in the left hand since 2015.'), []);
  });

  it('prefers the longest header phrase and accepts upper or mixed case', () => {
    const s = findSections('PAST MEDICAL HISTORY: dermatomyositis\nPast Surgical History: excision of nodule');
    assert.deepEqual(s.map((x) => x.kind), ['pmh', 'psh']);
    assert.equal(s[0].title, 'PAST MEDICAL HISTORY');
  });

  it('opens an "other" section at an unknown ALL-CAPS header, so the previous section ends there', () => {
    const text = 'FAMILY HISTORY:\nSister with lupus.\nPROCEDURE NOTE:\nExcision of calcified nodule.';
    const s = findSections(text);
    assert.deepEqual(s.map((x) => x.kind), ['family-history', 'other']);
    assert.equal(sectionAt(s, text.indexOf('Excision'))?.kind, 'other');
  });

  it('finds an ALL-CAPS header hidden after a run of spaces in a flattened report', () => {
    const text = 'HPI:  Pain in the fingers.    PAST MEDICAL HISTORY:  Scleroderma.';
    const s = findSections(text);
    assert.deepEqual(s.map((x) => x.kind), ['hpi', 'pmh']);
    assert.equal(s[1].start, text.indexOf('PAST'));
  });
});

describe('findSections: a dated header', () => {
  it('recognises "Labs 03/14/2026:" and "Labs (3/14):" as the labs section', () => {
    const kinds = findSections('Exam: normal.\nLabs 03/14/2026:\nCa 10.8\nLabs (3/14):\nPhos 7.1\n').map((s) => s.kind);
    assert.deepEqual(kinds, ['exam', 'labs', 'labs']);
  });
  it('does not take a lab value for a dated header', () => {
    assert.deepEqual(findSections('Lab 12 units today\n').map((s) => s.kind), []);
  });
});
