// Laboratory analytes: the names clinicians write, units, conversion facts with their
// sources, reference ranges with their sources, and LOINC codes from
// data/verified-codes.tsv only. Data, not code: adding an analyte means adding an entry.
//
// Numbers and where they come from:
//  - Conversion facts and reference ranges: data/REFERENCE.md (copied into
//    each entry's `source` with its URL) or, where that table has none, the page named in
//    the entry. An analyte without a sourced range has none.
//  - `plausible` and `inference` are NOT clinical ranges: they are our own deliberately
//    wide screening limits, used only to catch a probable unit or typing error and to
//    infer a unit that was not written when the magnitude leaves no doubt. Each entry says so.

export type AnalyteId =
  | 'calcium'
  | 'ionized-calcium'
  | 'phosphate'
  | 'albumin'
  | 'pth'
  | 'vitamin-d-25oh'
  | 'vitamin-d-1-25'
  | 'creatinine'
  | 'bun'
  | 'ck'
  | 'ldh'
  | 'ast'
  | 'alt'
  | 'aldolase'
  | 'bicarbonate'
  | 'ph'
  | 'urine-calcium-24h'
  | 'urine-phosphate-24h'
  | 'magnesium'
  | 'alkaline-phosphatase'
  | 'total-protein'
  | 'ana'
  | 'anti-dsdna'
  | 'anti-ro'
  | 'anti-la'
  | 'anti-sm'
  | 'anti-rnp'
  | 'anti-scl-70'
  | 'anti-jo-1';

export interface SourcedNumber {
  value: number;
  source: string;
  url?: string;
}

export interface ReferenceRange {
  low: number | null;
  high: number | null;
  /** UCUM code of the analyte's conventional unit. */
  unit: string;
  /** The range as the source prints it. */
  text: string;
  source: string;
  url: string;
  note?: string;
}

export interface LoincCode {
  code: string;
  display: string;
}

export interface Analyte {
  id: AnalyteId;
  /** Name shown to the clinician. */
  name: string;
  /** Short label for compact working ("Ca", "phosphate"). */
  label: string;
  kind: 'quantitative' | 'qualitative';
  /** Serum/blood concentration, or an amount excreted per 24 h. */
  measure: 'concentration' | 'excretion' | 'activity' | 'ph' | 'serology';
  /** Written forms matched in any letter case. Spaces match any run of spaces or tabs; hyphens are optional. */
  names: string[];
  /** Written forms matched only in exactly this case ("Ca": "CA" is a cancer antigen). */
  exactNames?: string[];
  /** Exact-case forms accepted only directly before a number or in a slash list ("P 4.1", "Ca/P"). */
  numberOnlyNames?: string[];
  /** UCUM code of the conventional (US) unit, and of the SI unit. Equal when the systems agree. */
  conventionalUnit: string | null;
  siUnit: string | null;
  /** Units accepted as the same quantity although UCUM keeps them apart (IU/L for U/L). */
  aliasUnits?: Record<string, string>;
  /** g/mol used to cross between mass and moles, with the source of the factor it implies. */
  molarMass?: SourcedNumber;
  /** Charge used to cross between mEq and mmol. */
  valence?: SourcedNumber;
  /** Source for a conversion that is a pure change of prefix (g/dL ↔ g/L). */
  prefixConversionSource?: string;
  /** Our screening limits in the conventional unit (not clinical ranges). */
  plausible?: [number, number];
  /**
   * Magnitudes that make an unwritten unit unambiguous: a value only inside `conventional`
   * is read in the conventional unit, only inside `si` in the SI unit; inside both it stays
   * ambiguous. Our own judgement, chosen so the two windows overlap little.
   */
  inference?: { conventional: [number, number]; si: [number, number] };
  referenceRange?: ReferenceRange;
  /** Only codes present in data/verified-codes.tsv. */
  loinc?: LoincCode[];
  /** Decimals when printing a value in the conventional unit. */
  decimals: number;
}

const README = 'Calcinosis Notes reference table (data/REFERENCE.md)';

// Calcium's conversion facts, shared by total, ionized and 24 h urine calcium.
const CALCIUM_MOLAR_MASS: SourcedNumber = {
  value: 40.08,
  source: `${README}: calcium mmol/L × 4.008 = mg/dL (atomic weight 40.078)`,
  url: 'https://cal53.calculator.city/calcium-mmol-l-to-mg-dl-calculator/',
};
const CALCIUM_VALENCE: SourcedNumber = { value: 2, source: 'Ca²⁺ carries two charges, so 1 mmol = 2 mEq (definition of the equivalent).' };
const SCREENING = 'Our own screening limit for unit or typing errors, not a clinical range.';

export const ANALYTES: readonly Analyte[] = [
  {
    id: 'calcium',
    name: 'Total calcium',
    label: 'Ca',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['calcium', 'serum calcium', 'total calcium', 'calcium total', 'calcium, total', 'calc', 'tCa', 'S-Ca', 'serum Ca', 'total Ca', 'calcium level', 'plasma calcium'],
    exactNames: ['Ca'],
    conventionalUnit: 'mg/dL',
    siUnit: 'mmol/L',
    molarMass: CALCIUM_MOLAR_MASS,
    valence: CALCIUM_VALENCE,
    plausible: [3, 20],
    inference: { conventional: [5.5, 20], si: [0.8, 4.5] },
    referenceRange: {
      low: 8.6,
      high: 10.0,
      unit: 'mg/dL',
      text: '8.6–10.0 mg/dL (adults 18–60 y)',
      source: 'ARUP Laboratories, test 0070172',
      url: 'http://ltd.aruplab.com/tests/pub/0070172',
      note: 'UCSF uses 8.8–10.3 mg/dL; prefer the reporting lab’s own range.',
    },
    loinc: [{ code: '17861-6', display: 'Calcium, Serum or Plasma (component chart name)' }],
    decimals: 1,
  },
  {
    id: 'ionized-calcium',
    name: 'Ionized calcium',
    label: 'iCa',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['ionized calcium', 'ionised calcium', 'ionized Ca', 'ionised Ca', 'free calcium', 'Ca++', 'Ca2+', 'calcium, ionized', 'calcium ionized', 'whole blood ionized calcium'],
    exactNames: ['iCa', 'iCa2+', 'iCa++'],
    conventionalUnit: 'mg/dL',
    siUnit: 'mmol/L',
    molarMass: CALCIUM_MOLAR_MASS,
    valence: CALCIUM_VALENCE,
    plausible: [1.6, 10],
    inference: { conventional: [2.8, 10], si: [0.4, 2.5] },
    referenceRange: {
      low: 4.61,
      high: 5.41,
      unit: 'mg/dL',
      text: '1.15–1.35 mmol/L',
      source: 'St Luke’s Cedar Rapids test catalogue, CAION',
      url: 'https://stlukescedarrapids.testcatalog.org/show/CAION',
      note: 'Another lab uses 1.12–1.32 mmol/L. The mg/dL limits are 1.15 and 1.35 × 4.008.',
    },
    loinc: [
      { code: '17864-0', display: 'Calcium.Ionized [Mass/Volume] In Serum Or Plasma By Ion-Selective Membrane Electrode (ISE)' },
      { code: '47596-2', display: 'Calcium.ionized [Moles/volume] in Blood by Ion-selective membrane electrode (ISE)' },
    ],
    decimals: 2,
  },
  {
    id: 'phosphate',
    name: 'Phosphate (inorganic phosphorus)',
    label: 'phosphate',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['phosphate', 'phosphorus', 'phosphorous', 'phos', 'PO4', 'serum phosphate', 'serum phosphorus', 'inorganic phosphate', 'inorganic phosphorus', 'phosphate level', 'phosphorus level', 'phosphate, serum', 'phosphorus, inorganic', 'PO4-'],
    exactNames: ['Pi', 'Phos', 'PHOS'],
    numberOnlyNames: ['P'],
    conventionalUnit: 'mg/dL',
    siUnit: 'mmol/L',
    molarMass: {
      value: 30.97,
      source: `${README}: phosphorus mmol/L × 3.097 = mg/dL; 1 mg/dL = 0.3229 mmol/L`,
      url: 'https://cal16.calculator.city/?p=127562',
    },
    plausible: [0.3, 20],
    // 4.6 mmol/L would be 14 mg/dL (extreme); 0.3–0.9 mg/dL is possible but far rarer than
    // the same number in mmol/L. Between 1.0 and 4.5 the number alone cannot tell.
    inference: { conventional: [1.0, 20], si: [0.1, 4.5] },
    referenceRange: {
      low: 2.5,
      high: 4.5,
      unit: 'mg/dL',
      text: '2.5–4.5 mg/dL (≥ 18 y)',
      source: 'Mayo Clinic Laboratories, PHOSS (via Kentucky test catalogue)',
      url: 'https://kentri.testcatalog.org/show/PHOSS',
    },
    loinc: [{ code: '2777-1', display: 'Phosphorus, Inorganic, Serum or Plasma (ARUP component chart name)' }],
    decimals: 1,
  },
  {
    id: 'albumin',
    name: 'Albumin',
    label: 'albumin',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['albumin', 'alb', 'serum albumin', 'albumin level', 'albumin, serum'],
    conventionalUnit: 'g/dL',
    siUnit: 'g/L',
    prefixConversionSource: `${README}: albumin g/L = g/dL × 10 (https://tools.gera.services/corrected-calcium)`,
    plausible: [0.8, 7],
    inference: { conventional: [0.8, 7], si: [8, 70] },
    referenceRange: {
      low: 4.0,
      high: 4.9,
      unit: 'g/dL',
      text: '4.0–4.9 g/dL (> 18 y)',
      source: 'HMC test catalogue, ALB',
      url: 'https://hmc.testcatalog.org/show/ALB',
    },
    loinc: [{ code: '1751-7', display: 'Albumin, serum or plasma (lab catalogue test "Albumin")' }],
    decimals: 1,
  },
  {
    id: 'total-protein',
    name: 'Total protein',
    label: 'total protein',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['total protein', 'total proteins', 'serum protein', 'protein, total', 'serum total protein'],
    exactNames: ['TP'],
    conventionalUnit: 'g/dL',
    siUnit: 'g/L',
    prefixConversionSource: 'UCUM prefix arithmetic: 1 g/dL = 10 g/L (the same relation the reference table gives for albumin).',
    plausible: [2, 15],
    inference: { conventional: [2, 15], si: [20, 150] },
    decimals: 1,
  },
  {
    id: 'pth',
    name: 'Parathyroid hormone (intact)',
    label: 'PTH',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['PTH', 'iPTH', 'intact PTH', 'PTH intact', 'PTH, intact', 'parathyroid hormone', 'parathormone', 'intact parathyroid hormone', 'PTH level'],
    conventionalUnit: 'pg/mL',
    siUnit: 'pmol/L',
    molarMass: {
      value: 9500,
      source: 'labtests.co.in PTH unit converter: intact PTH ≈ 9,500 g/mol, 1 pg/mL = 0.105 pmol/L',
      url: 'https://labtests.co.in/unit-converter/parathyroid-hormone-pth',
    },
    plausible: [0.5, 5000],
    // pg/mL and pmol/L overlap over most of the clinical range: never inferred.
    referenceRange: {
      low: 18,
      high: 59,
      unit: 'pg/mL',
      text: '18–59 pg/mL (current ARUP page; an older page gave 15–65 pg/mL)',
      source: 'ARUP Laboratories, test 0070346',
      url: 'https://ltd.aruplab.com/Tests/Pub/0070346',
    },
    loinc: [{ code: '2731-8', display: 'Parathyroid Hormone, Intact (ARUP component chart name)' }],
    decimals: 0,
  },
  {
    id: 'vitamin-d-25oh',
    name: '25-hydroxyvitamin D (total D2 + D3)',
    label: '25-OH vitamin D',
    kind: 'quantitative',
    measure: 'concentration',
    names: [
      '25-OH vitamin D', '25-OH vit D', '25-OH vit. D', '25-OH D', '25-OHD', '25(OH)D', '25(OH) D', '25(OH) vitamin D', '25(OH) vit D', '25(OH)D3', '25-OH-D',
      '25-hydroxyvitamin D', '25-hydroxy vitamin D', '25-hydroxy vit D', '25 hydroxy vitamin D', '25OHD', '25OH vitamin D', '25OH vit D', 'vitamin D 25-OH', 'vitamin D, 25-hydroxy',
      'vit D 25-OH', 'vitamin D', 'vit D', 'vit. D', 'vitD', 'calcidiol', 'vitamin D level', 'vitamin D total', 'total vitamin D', '25-OH vitamin D total',
    ],
    conventionalUnit: 'ng/mL',
    siUnit: 'nmol/L',
    molarMass: {
      value: 400.65,
      source: 'labtests.co.in vitamin D unit converter: 25-OH vitamin D ≈ 400.65 g/mol (1 ng/mL ≈ 2.5 nmol/L)',
      url: 'https://labtests.co.in/unit-converter/vitamin-d-total',
    },
    plausible: [1, 400],
    // ng/mL and nmol/L overlap: never inferred.
    referenceRange: {
      low: 20,
      high: 50,
      unit: 'ng/mL',
      text: '20–50 ng/mL optimum; < 10 severe deficiency; 10–19 mild to moderate deficiency; > 80 toxicity possible',
      source: 'Mayo Clinic Laboratories, 25HDN (via MU Health test catalogue)',
      url: 'https://muhealth.testcatalog.org/show/25HDN',
    },
    loinc: [{ code: '62292-8', display: '25-Hydroxyvitamin D2+25-Hydroxyvitamin D3 [Mass/volume] in Serum or Plasma' }],
    decimals: 0,
  },
  {
    id: 'vitamin-d-1-25',
    name: '1,25-dihydroxyvitamin D (calcitriol)',
    label: '1,25-(OH)₂ vitamin D',
    kind: 'quantitative',
    measure: 'concentration',
    names: [
      '1,25-(OH)2 D', '1,25-(OH)2D', '1,25(OH)2D', '1,25(OH)2 D', '1,25-(OH)2 vitamin D', '1,25(OH)2 vitamin D', '1,25-(OH)₂ D', '1,25(OH)₂D', '1,25(OH)₂ D',
      '1,25-(OH)₂D', '1,25-dihydroxyvitamin D', '1,25-dihydroxy vitamin D', '1,25 dihydroxyvitamin D', '1,25-dihydroxy vit D', '1,25 vitamin D', '1,25 vit D',
      '1,25-OH vitamin D', '1,25-OH vit D', '1,25-di-OH vitamin D', '1,25-diOH vitamin D', '1,25(OH)2D3', 'calcitriol', 'calcitriol level',
    ],
    conventionalUnit: 'pg/mL',
    siUnit: 'pmol/L',
    molarMass: {
      value: 416.7,
      source: 'Medscape reference-range text (mirrored): 1,25(OH)₂D ≈ 416.7 g/mol, 1 pg/mL = 2.4 pmol/L',
      url: 'https://daiseybloomvigor.blogspot.com/2021/12/vitamin-d-pg-ml.html',
    },
    plausible: [1, 1000],
    referenceRange: {
      low: 24.8,
      high: 81.5,
      unit: 'pg/mL',
      text: '24.8–81.5 pg/mL (> 1 y)',
      source: 'Labcorp test 021621',
      url: 'https://labcorp.com/test-menu/21621/calcitriol-125-di-oh-vitamin-d',
    },
    decimals: 1,
  },
  {
    id: 'creatinine',
    name: 'Creatinine',
    label: 'creatinine',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['creatinine', 'creat', 'serum creatinine', 'creatinine level', 'creatinine, serum', 'plasma creatinine', 'Kreatinin', 'créatinine', 'creatinina'],
    exactNames: ['Cr', 'SCr', 'sCr', 'Creat', 'CREAT'],
    conventionalUnit: 'mg/dL',
    siUnit: 'umol/L',
    molarMass: {
      value: 113.12,
      source: 'cal53 creatinine units calculator: mg/dL × 88.4 = µmol/L (creatinine 113.12 g/mol)',
      url: 'https://cal53.calculator.city/creatinine-units-calculator/',
    },
    plausible: [0.1, 30],
    inference: { conventional: [0.1, 25], si: [26, 2700] },
    loinc: [{ code: '2160-0', display: 'Creatinine, Serum or Plasma (component chart name)' }],
    decimals: 2,
  },
  {
    id: 'bun',
    name: 'Urea nitrogen (BUN)',
    label: 'BUN',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['BUN', 'blood urea nitrogen', 'urea nitrogen', 'serum urea', 'urea', 'serum urea nitrogen'],
    conventionalUnit: 'mg/dL',
    siUnit: 'mmol/L',
    molarMass: {
      // Urea carries two nitrogen atoms: 2 × 14.007 g/mol of nitrogen per mole of urea.
      value: 28.014,
      source: 'unitslab.com urea nitrogen: BUN mg/dL × 0.357 = urea mmol/L (2 N per urea, 14 g/mol each)',
      url: 'https://unitslab.com/node/98',
    },
    plausible: [1, 300],
    decimals: 0,
    loinc: [{ code: '3094-0', display: 'Urea Nitrogen, Serum or Plasma (ARUP component chart name)' }],
  },
  {
    id: 'ck',
    name: 'Creatine kinase (CK)',
    label: 'CK',
    kind: 'quantitative',
    measure: 'activity',
    names: ['CK', 'CPK', 'creatine kinase', 'creatine phosphokinase', 'creatinine kinase', 'total CK', 'CK total', 'CK, total'],
    conventionalUnit: 'U/L',
    siUnit: null,
    aliasUnits: { '[IU]/L': 'U/L' },
    plausible: [1, 500000],
    loinc: [{ code: '2157-6', display: 'Creatine Kinase, Total, Ser/Pla (ARUP component chart name)' }],
    decimals: 0,
  },
  {
    id: 'ldh',
    name: 'Lactate dehydrogenase (LDH)',
    label: 'LDH',
    kind: 'quantitative',
    measure: 'activity',
    names: ['LDH', 'lactate dehydrogenase', 'lactic dehydrogenase', 'lactic acid dehydrogenase', 'LDH total'],
    // Many labs print LDH as "LD"; upper case only, so the word "ld" is never read.
    exactNames: ['LD'],
    conventionalUnit: 'U/L',
    siUnit: null,
    aliasUnits: { '[IU]/L': 'U/L' },
    plausible: [10, 50000],
    loinc: [
      { code: '2532-0', display: 'Lactate Dehydrogenase (LDH) (Labcorp Oklahoma test name; method Lactate - Pyruvate (NAD))' },
      { code: '14804-9', display: 'Lactate Dehydrogenase (ARUP component chart name)' },
    ],
    decimals: 0,
  },
  {
    id: 'ast',
    name: 'Aspartate aminotransferase (AST, GOT)',
    label: 'AST',
    kind: 'quantitative',
    measure: 'activity',
    names: ['AST', 'SGOT', 'aspartate aminotransferase', 'aspartate transaminase', 'glutamic oxaloacetic transaminase', 'glutamic-oxaloacetic transaminase', 'serum glutamic oxaloacetic transaminase'],
    exactNames: ['GOT'],
    conventionalUnit: 'U/L',
    siUnit: null,
    aliasUnits: { '[IU]/L': 'U/L' },
    plausible: [1, 50000],
    loinc: [{ code: '1920-8', display: 'Aspartate Aminotransferase (ARUP component chart name)' }],
    decimals: 0,
  },
  {
    id: 'alt',
    name: 'Alanine aminotransferase (ALT, GPT)',
    label: 'ALT',
    kind: 'quantitative',
    measure: 'activity',
    names: ['SGPT', 'alanine aminotransferase', 'alanine transaminase', 'glutamic pyruvic transaminase', 'glutamic-pyruvic transaminase', 'serum glutamic pyruvic transaminase'],
    exactNames: ['ALT', 'Alt', 'GPT'],
    conventionalUnit: 'U/L',
    siUnit: null,
    aliasUnits: { '[IU]/L': 'U/L' },
    plausible: [1, 50000],
    loinc: [{ code: '1742-6', display: 'Alanine Aminotransferase (ARUP component chart name)' }],
    decimals: 0,
  },
  {
    id: 'aldolase',
    name: 'Aldolase',
    label: 'aldolase',
    kind: 'quantitative',
    measure: 'activity',
    names: ['aldolase', 'serum aldolase', 'aldolase level'],
    conventionalUnit: 'U/L',
    siUnit: null,
    aliasUnits: { '[IU]/L': 'U/L' },
    plausible: [0.1, 1000],
    loinc: [{ code: '1761-6', display: 'Aldolase (ARUP component chart name)' }],
    decimals: 1,
  },
  {
    id: 'bicarbonate',
    name: 'Bicarbonate (total CO₂)',
    label: 'bicarbonate',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['bicarbonate', 'bicarb', 'HCO3', 'HCO3-', 'HCO₃', 'HCO₃⁻', 'HCO3−', 'total CO2', 'serum bicarbonate', 'tCO2', 'serum CO2', 'CO2, total', 'carbon dioxide', 'total carbon dioxide'],
    exactNames: ['CO2', 'CO₂'],
    conventionalUnit: 'meq/L',
    siUnit: 'mmol/L',
    valence: { value: 1, source: 'HCO₃⁻ carries one charge, so 1 mEq = 1 mmol (definition of the equivalent).' },
    plausible: [2, 60],
    inference: { conventional: [2, 60], si: [2, 60] },
    loinc: [{ code: '2028-9', display: 'Carbon Dioxide, Serum or Plasma (ARUP component chart name)' }],
    decimals: 0,
  },
  {
    id: 'ph',
    name: 'Arterial pH',
    label: 'pH',
    kind: 'quantitative',
    measure: 'ph',
    names: ['arterial pH', 'blood pH', 'ABG pH', 'venous pH', 'serum pH'],
    exactNames: ['pH'],
    conventionalUnit: null,
    siUnit: null,
    plausible: [6.5, 8.0],
    decimals: 2,
  },
  {
    id: 'urine-calcium-24h',
    name: 'Calcium, 24-hour urine',
    label: '24 h urine calcium',
    kind: 'quantitative',
    measure: 'excretion',
    names: [
      '24h urine calcium', '24 h urine calcium', '24-hour urine calcium', '24 hour urine calcium', '24-hr urine calcium', '24hr urine calcium', '24-h urine calcium',
      '24h urinary calcium', '24-hour urinary calcium', '24 h urinary calcium', 'urine calcium', 'urinary calcium', '24h urine Ca', '24-hour urine Ca', 'urine Ca',
      'urine calcium, 24h', 'urine calcium (24h)', 'urine calcium 24h', 'urine calcium 24 h', 'calcium, 24h urine', 'calcium, 24-hour urine', 'UCa', '24h UCa', 'urinary calcium excretion', 'calcium excretion',
      '24-hour urine calcium excretion', '24 h urine excretion of calcium',
    ],
    conventionalUnit: 'mg/d',
    siUnit: 'mmol/d',
    molarMass: {
      value: 40.08,
      source: `${README}: calcium 1 mmol = 40.08 mg (the × 4.008 mmol/L → mg/dL factor; atomic weight 40.078)`,
      url: 'https://cal53.calculator.city/calcium-mmol-l-to-mg-dl-calculator/',
    },
    plausible: [1, 2000],
    inference: { conventional: [20, 2000], si: [0.5, 15] },
    referenceRange: {
      low: null,
      high: 250,
      unit: 'mg/d',
      text: 'men < 250 mg/24 h, women < 200 mg/24 h',
      source: 'Mayo Clinic Laboratories, CALU (via NRLS test catalogue)',
      url: 'https://nrls.testcatalog.org/show/CALU',
      note: 'The flag uses the men’s limit (250); for a woman the limit is 200 mg/24 h.',
    },
    loinc: [{ code: '6874-2', display: 'Calcium in 24 hour urine' }],
    decimals: 0,
  },
  {
    id: 'urine-phosphate-24h',
    name: 'Phosphorus, 24-hour urine',
    label: '24 h urine phosphate',
    kind: 'quantitative',
    measure: 'excretion',
    names: [
      '24h urine phosphate', '24 h urine phosphate', '24-hour urine phosphate', '24 hour urine phosphate', '24-hr urine phosphate', '24h urine phosphorus', '24-hour urine phosphorus',
      '24 h urine phosphorus', '24-h urine phosphate', 'urine phosphate', 'urine phosphorus', 'urinary phosphate', 'urinary phosphorus', '24h urinary phosphate', '24-hour urinary phosphate',
      'urine phos', '24h urine phos', 'urine PO4', 'urine phosphate, 24h', 'urine phosphorus (24h)', 'phosphorus, 24h urine', 'phosphorus, 24-hour urine', 'UPi', 'urinary phosphate excretion',
      '24h urine inorganic phosphate', '24-hour urine inorganic phosphate', 'urine inorganic phosphate',
    ],
    conventionalUnit: 'mg/d',
    siUnit: 'mmol/d',
    molarMass: {
      value: 30.97,
      source: `${README}: phosphorus mmol × 3.097 (30.97 g/mol)`,
      url: 'https://cal16.calculator.city/?p=127562',
    },
    plausible: [20, 5000],
    inference: { conventional: [100, 5000], si: [3, 80] },
    referenceRange: {
      low: 226,
      high: 1797,
      unit: 'mg/d',
      text: '226–1,797 mg/24 h (≥ 18 y)',
      source: 'Mayo Clinic Laboratories, POU (via St Clair Hospital test catalogue)',
      url: 'https://stclairhospitallab.testcatalog.org/show/POU',
    },
    loinc: [{ code: '2779-7', display: 'Phosphorus, 24 HR, U (Mayo order/result name)' }],
    decimals: 0,
  },
  {
    id: 'magnesium',
    name: 'Magnesium',
    label: 'magnesium',
    kind: 'quantitative',
    measure: 'concentration',
    names: ['magnesium', 'serum magnesium', 'magnesium level', 'Mg2+', 'Mg++'],
    exactNames: ['Mg', 'Mag'],
    conventionalUnit: 'mg/dL',
    siUnit: 'mmol/L',
    molarMass: {
      value: 24.305,
      source: 'labtests.co.in magnesium unit converter: Mg 24.305 g/mol, 1 mg/dL = 0.411 mmol/L, divalent (mEq/L = mmol/L × 2)',
      url: 'https://labtests.co.in/unit-converter/magnesium-mg',
    },
    valence: {
      value: 2,
      source: 'labtests.co.in magnesium unit converter: magnesium is divalent, mEq/L = mmol/L × 2',
      url: 'https://labtests.co.in/unit-converter/magnesium-mg',
    },
    plausible: [0.3, 12],
    decimals: 1,
  },
  {
    id: 'alkaline-phosphatase',
    name: 'Alkaline phosphatase',
    label: 'ALP',
    kind: 'quantitative',
    measure: 'activity',
    names: ['alkaline phosphatase', 'alk phos', 'alk. phos', 'alk phos.', 'alk phosphatase', 'ALP', 'alkphos', 'alkaline phos'],
    exactNames: ['AlkP'],
    conventionalUnit: 'U/L',
    siUnit: null,
    aliasUnits: { '[IU]/L': 'U/L' },
    plausible: [5, 10000],
    loinc: [{ code: '6768-6', display: 'Alkaline Phosphatase (ARUP component chart name)' }],
    decimals: 0,
  },
  // Autoimmune serology: qualitative results (positive/negative, titre, pattern).
  {
    id: 'ana',
    name: 'Antinuclear antibodies (ANA)',
    label: 'ANA',
    kind: 'qualitative',
    measure: 'serology',
    names: ['ANA', 'antinuclear antibody', 'antinuclear antibodies', 'anti-nuclear antibody', 'anti-nuclear antibodies', 'ANA screen', 'ANA by IFA', 'ANA IFA', 'FANA', 'ANA titer', 'ANA titre', 'antinuclear Ab', 'ANAs'],
    conventionalUnit: null,
    siUnit: null,
    loinc: [
      { code: '8061-4', display: 'ANA Direct (Labcorp result name; order and result LOINC 8061-4)' },
      { code: '42254-3', display: 'Anti-Nuclear Ab by IFA (RDL) (Labcorp result name)' },
    ],
    decimals: 0,
  },
  {
    id: 'anti-dsdna',
    name: 'Anti-double-stranded DNA antibodies',
    label: 'anti-dsDNA',
    kind: 'qualitative',
    measure: 'serology',
    names: ['anti-dsDNA', 'dsDNA', 'anti-ds-DNA', 'ds-DNA', 'anti-double-stranded DNA', 'anti-double stranded DNA', 'double-stranded DNA antibody', 'anti-DNA', 'dsDNA antibody', 'dsDNA Ab', 'anti-dsDNA Ab', 'anti-dsDNA antibodies', 'anti-dsDNA antibody'],
    conventionalUnit: '[IU]/mL',
    siUnit: null,
    loinc: [{ code: '5130-0', display: 'Anti-DNA (DS) Ab Qn (Labcorp result name; IU/mL)' }],
    decimals: 0,
  },
  {
    id: 'anti-ro',
    name: 'Anti-Ro (SS-A) antibodies',
    label: 'anti-Ro/SSA',
    kind: 'qualitative',
    measure: 'serology',
    names: ['anti-Ro', 'anti-SSA', 'anti-SS-A', 'SS-A', 'Ro/SSA', 'anti-Ro/SSA', 'SSA/Ro', 'anti-SSA/Ro', 'anti-Ro/SS-A', 'Ro/SS-A', 'anti-Ro52', 'anti-Ro60', 'Ro 52', 'Ro 60', 'anti-Ro 52', 'anti-Ro 60', 'Ro antibody', 'SSA antibody'],
    exactNames: ['Ro', 'SSA'],
    conventionalUnit: null,
    siUnit: null,
    decimals: 0,
  },
  {
    id: 'anti-la',
    name: 'Anti-La (SS-B) antibodies',
    label: 'anti-La/SSB',
    kind: 'qualitative',
    measure: 'serology',
    names: ['anti-La', 'anti-SSB', 'anti-SS-B', 'SS-B', 'La/SSB', 'anti-La/SSB', 'SSB/La', 'anti-SSB/La', 'anti-La/SS-B', 'La/SS-B', 'La antibody', 'SSB antibody'],
    exactNames: ['La', 'SSB'],
    conventionalUnit: null,
    siUnit: null,
    decimals: 0,
  },
  {
    id: 'anti-sm',
    name: 'Anti-Smith (Sm) antibodies',
    label: 'anti-Sm',
    kind: 'qualitative',
    measure: 'serology',
    names: ['anti-Sm', 'anti-Smith', 'Smith antibody', 'Smith antibodies', 'anti-Sm antibody', 'Smith Ab'],
    exactNames: ['Sm'],
    conventionalUnit: null,
    siUnit: null,
    loinc: [{ code: '11090-8', display: 'Smith Antibodies (Labcorp result name; AI)' }],
    decimals: 0,
  },
  {
    id: 'anti-rnp',
    name: 'Anti-RNP (U1-RNP) antibodies',
    label: 'anti-RNP',
    kind: 'qualitative',
    measure: 'serology',
    names: ['anti-RNP', 'RNP', 'anti-U1-RNP', 'U1-RNP', 'U1 RNP', 'anti-U1 RNP', 'anti-U1RNP', 'U1RNP', 'RNP antibody', 'RNP antibodies', 'anti-snRNP', 'anti-Sm/RNP', 'Sm/RNP'],
    conventionalUnit: null,
    siUnit: null,
    loinc: [{ code: '29374-6', display: 'RNP Antibodies (Labcorp result name; AI)' }],
    decimals: 0,
  },
  {
    id: 'anti-scl-70',
    name: 'Anti-Scl-70 (topoisomerase I) antibodies',
    label: 'anti-Scl-70',
    kind: 'qualitative',
    measure: 'serology',
    names: ['anti-Scl-70', 'Scl-70', 'Scl70', 'anti-Scl70', 'anti-topoisomerase I', 'anti-topoisomerase', 'topoisomerase I antibody', 'anti-topo I', 'anti-topo-I', 'Scl-70 antibody', 'Scl 70'],
    conventionalUnit: null,
    siUnit: null,
    decimals: 0,
  },
  {
    id: 'anti-jo-1',
    name: 'Anti-Jo-1 (histidyl-tRNA synthetase) antibodies',
    label: 'anti-Jo-1',
    kind: 'qualitative',
    measure: 'serology',
    names: ['anti-Jo-1', 'Jo-1', 'Jo1', 'anti-Jo1', 'Jo 1', 'anti-histidyl-tRNA synthetase', 'Jo-1 antibody', 'anti-Jo-1 antibody'],
    conventionalUnit: null,
    siUnit: null,
    decimals: 0,
  },
];

/**
 * Phrases that contain an analyte name but are not that analyte's value: drugs
 * (calcium carbonate), scores (coronary calcium score), products and derived values,
 * other specimens. The lab scanner matches them first and skips them.
 */
export const NOT_A_LAB_VALUE: readonly string[] = [
  'calcium carbonate', 'calcium acetate', 'calcium citrate', 'calcium gluconate', 'calcium chloride', 'calcium supplement', 'calcium supplements', 'calcium supplementation',
  'calcium channel blocker', 'calcium channel blockers', 'calcium channel', 'calcium score', 'coronary calcium', 'coronary artery calcium', 'calcium deposits', 'calcium deposit',
  'calcium phosphate', 'calcium-phosphate', 'calcium × phosphate', 'calcium x phosphate', 'calcium phosphorus product', 'calcium-phosphorus product', 'calcium phosphate product',
  'calcium-phosphate product', 'Ca x P', 'Ca×P', 'Ca x Phos', 'CaxP', 'Ca-P product', 'Ca x PO4', 'Ca × P', 'Ca × phos', 'Ca*P', 'Ca*Phos', 'calcium intake', 'dietary calcium', 'calcium-rich',
  'corrected calcium', 'corrected Ca', 'calcium (corrected)', 'calcium, corrected', 'albumin-corrected calcium', 'adjusted calcium', 'corr Ca', 'corr. Ca', 'cCa',
  'phosphate binder', 'phosphate binders', 'phosphorus binder', 'phosphate enema', 'sodium phosphate', 'potassium phosphate', 'phosphate supplement', 'phosphate supplements', 'phosphate salts',
  'albumin infusion', 'albumin 25%', 'albumin 5%', 'urine albumin', 'microalbumin', 'albumin/creatinine', 'albumin-to-creatinine', 'albumin to creatinine',
  'urine creatinine', 'creatinine clearance', 'creatinine kinase-MB', 'protein/creatinine', 'urine protein', 'urine protein/creatinine',
  'vitamin D supplement', 'vitamin D supplementation', 'vitamin D3', 'vitamin D2', 'vitamin D deficiency', 'vitamin D analog', 'vitamin D analogue', 'vitamin D analogs', 'vit D3', 'vit D2', 'vitamin D 50,000', 'vitamin D receptor',
  'CK-MB', 'CKMB', 'CK MB', 'magnesium oxide', 'magnesium sulfate', 'magnesium sulphate', 'magnesium citrate', 'magnesium hydroxide', 'sodium bicarbonate', 'bicarbonate tablets',
  'CA 19-9', 'CA 125', 'CA-125', 'CA 15-3', 'CA 27.29', 'CA 27-29', 'CA 72-4', 'CA 242',
  'CO2 laser', 'carbon dioxide laser', 'urine pH', 'pH probe', 'PTH-related peptide', 'PTHrP', 'PTH-rP', 'urea breath', 'urine urea', 'pCO2', 'PaCO2',
];

export const ANALYTE_BY_ID: ReadonlyMap<AnalyteId, Analyte> = new Map(ANALYTES.map((a) => [a.id, a]));

export function analyte(id: string): Analyte | undefined {
  return ANALYTE_BY_ID.get(id as AnalyteId);
}

const SUBSTANCE = new Map<Analyte, Readonly<{ molarMass?: number; valence?: number }>>();
/**
 * The substance facts `convert()` needs for an analyte: one frozen object per analyte, so
 * that conversions can be remembered by it (units.ts).
 */
export function substanceOf(a: Analyte): Readonly<{ molarMass?: number; valence?: number }> {
  let sub = SUBSTANCE.get(a);
  if (!sub) SUBSTANCE.set(a, (sub = Object.freeze({ molarMass: a.molarMass?.value, valence: a.valence?.value })));
  return sub;
}
