// Note section headers, as data. `findSections` (analysis/sections.ts) compiles
// these once into a single line-start pattern. Matching ignores case and allows
// any run of whitespace between words. Longer phrases win over shorter ones, so
// "Past medical history" is never read as "Medical history" + something.

export type SectionKind =
  | 'chief-complaint'
  | 'hpi'
  | 'pmh'
  | 'psh'
  | 'family-history'
  | 'social-history'
  | 'medications'
  | 'allergies'
  | 'ros'
  | 'exam'
  | 'labs'
  | 'imaging'
  | 'pathology'
  | 'assessment'
  | 'plan'
  | 'assessment-plan'
  | 'hospital-course'
  | 'other';

export interface SectionHeader {
  kind: SectionKind;
  /** Header phrases as written in notes (case is ignored). */
  phrases: string[];
  /**
   * Short, ambiguous headers ("A", "P") that count only when the header is a
   * line of its own, or when the text after the colon does not start with a
   * number (so the phosphate value "P: 5.1" is not read as a Plan header).
   */
  strict?: boolean;
}

export const SECTION_HEADERS: readonly SectionHeader[] = [
  { kind: 'chief-complaint', phrases: ['chief complaint', 'chief complaints', 'cc', 'presenting complaint', 'reason for visit', 'reason for referral', 'reason for consultation', 'reason for admission'] },
  {
    kind: 'hpi',
    phrases: ['hpi', 'history of present illness', 'history of the present illness', 'history of presenting illness', 'present illness', 'interval history', 'history', 'subjective', 'clinical history', 'patient history'],
  },
  { kind: 'pmh', phrases: ['pmh', 'pmhx', 'past medical history', 'medical history', 'past history', 'previous medical history', 'past medical and surgical history', 'pmh/psh', 'problem list', 'active problems'] },
  { kind: 'psh', phrases: ['psh', 'pshx', 'past surgical history', 'surgical history', 'previous surgeries', 'prior surgeries', 'operations'] },
  { kind: 'family-history', phrases: ['family history', 'fh', 'fhx', 'family hx', 'family medical history'] },
  { kind: 'social-history', phrases: ['social history', 'sh', 'shx', 'social hx', 'habits'] },
  {
    kind: 'medications',
    phrases: ['medications', 'medication', 'meds', 'current medications', 'current meds', 'home medications', 'medications on admission', 'admission medications', 'outpatient medications', 'discharge medications', 'medication list'],
  },
  { kind: 'allergies', phrases: ['allergies', 'allergy', 'drug allergies', 'allergies and intolerances'] },
  { kind: 'ros', phrases: ['ros', 'review of systems', 'systems review'] },
  {
    kind: 'exam',
    phrases: ['exam', 'examination', 'physical exam', 'physical examination', 'pe', 'on examination', 'o/e', 'skin exam', 'skin examination', 'dermatologic exam', 'objective', 'vital signs', 'vitals'],
  },
  { kind: 'labs', phrases: ['labs', 'lab', 'laboratory', 'laboratory data', 'laboratory results', 'laboratory studies', 'laboratory findings', 'lab results', 'lab data', 'results', 'investigations', 'bloods', 'serology'] },
  { kind: 'imaging', phrases: ['imaging', 'radiology', 'radiographs', 'x-ray', 'x-rays', 'ultrasound', 'ct', 'mri', 'imaging studies', 'findings'] },
  { kind: 'pathology', phrases: ['pathology', 'histology', 'histopathology', 'biopsy', 'skin biopsy', 'biopsy results', 'pathology report', 'final diagnosis', 'microscopic description', 'gross description'] },
  {
    kind: 'assessment',
    phrases: ['assessment', 'impression', 'impressions', 'clinical impression', 'diagnosis', 'diagnoses', 'working diagnosis', 'differential diagnosis', 'ddx', 'discharge diagnosis', 'discharge diagnoses', 'admission diagnosis', 'admitting diagnosis', 'pre-op diagnosis', 'post-op diagnosis', 'preoperative diagnosis', 'postoperative diagnosis', 'summary'],
  },
  { kind: 'assessment', phrases: ['a'], strict: true },
  { kind: 'plan', phrases: ['plan', 'recommendations', 'recommendation', 'treatment plan', 'management', 'follow-up', 'follow up', 'disposition', 'discharge instructions', 'discharge plan', 'instructions'] },
  { kind: 'plan', phrases: ['p'], strict: true },
  { kind: 'assessment-plan', phrases: ['assessment and plan', 'assessment & plan', 'assessment/plan', 'impression and plan', 'impression/plan', 'a&p', 'a/p', 'a+p'] },
  { kind: 'hospital-course', phrases: ['hospital course', 'course in hospital', 'clinical course', 'course', 'hospital course by problem', 'brief hospital course'] },
  { kind: 'other', phrases: ['discharge summary', 'discharge condition', 'condition on discharge', 'procedure', 'procedures', 'indication', 'indications', 'comparison', 'technique', 'addendum'] },
];
