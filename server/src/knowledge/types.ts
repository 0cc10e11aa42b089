// The shape of one clinical concept. Knowledge is data: adding a concept means
// adding an entry, never code.

export type ConceptCategory =
  | 'calcinosis-type'
  | 'calcinosis-subtype'
  | 'associated-disease'
  | 'cause'
  | 'lab-test'
  | 'histology'
  | 'imaging'
  | 'procedure'
  | 'treatment'
  | 'complication'
  | 'anatomy';

export const CATEGORY_LABELS: Record<ConceptCategory, string> = {
  'calcinosis-type': 'Calcinosis type',
  'calcinosis-subtype': 'Calcinosis subtype',
  'associated-disease': 'Associated disease',
  cause: 'Cause',
  'lab-test': 'Laboratory test',
  histology: 'Histology or stain',
  imaging: 'Imaging',
  procedure: 'Procedure',
  treatment: 'Treatment',
  complication: 'Complication',
  anatomy: 'Anatomy',
};

export type CodeSystem = 'ICD-10-CM' | 'SNOMED CT' | 'LOINC' | 'RxNorm';

/** A code copied from data/verified-codes.tsv (a test enforces that it is there). */
export interface ConceptCode {
  system: CodeSystem;
  code: string;
  display: string;
}

export interface Concept {
  /** Stable kebab-case id; never renamed once shipped (other tools read it from the JSON output). */
  id: string;
  /** Preferred name. */
  name: string;
  category: ConceptCategory;
  /**
   * Surface forms matched case-insensitively, on word boundaries, with any run of
   * whitespace (including a line break) allowed between words. Include the preferred name.
   */
  forms: string[];
  /** Surface forms matched only with exactly this case (e.g. abbreviations like "SSc"). */
  exactForms?: string[];
  /** Forms that count only in a lab context (next to a number), e.g. a bare "P". */
  labContextForms?: string[];
  /** 1–3 sentences in our own words. */
  definition: string;
  /** Why it matters for calcinosis: which type it points to, what to check next. */
  relevance: string;
  /** Section of the seed article (StatPearls "Calcinosis Cutis", 2019) the facts come from. */
  seedSection?: string;
  /** Dose as given in the seed, for treatments. */
  dose?: string;
  /** Id of a broader concept (a subtype's type). */
  parent?: string;
  codes?: ConceptCode[];
}
