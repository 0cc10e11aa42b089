// Order sets and plan templates, as data. This file is the single source of truth:
// snippets/calcinosis.code-snippets is generated from it (`npm run build:snippets`),
// the completion provider offers each entry as a snippet completion, and the client's
// "Insert Workup Order Set…" quick pick lists them.
//
// Body lines use VS Code snippet syntax: `${1|a,b|}` is a choice, `${2:text}` a
// placeholder with a default, `$0` the final cursor. A field the clinician must
// decide is a placeholder whose default is the visible marker `***`, so a field
// tabbed past stays visible in the note and is reported as `unfilled-field`.
//
// Clinical content follows StatPearls "Calcinosis Cutis" (Le & Bedocs, 2019); each
// entry names the section it draws on. Doses are the ones that article reports, not
// a prescribing reference: the clinician confirms every dose.

export type OrderSetKind = 'workup' | 'treatment' | 'measures' | 'plan' | 'assessment';

export interface OrderSet {
  /** Stable kebab-case id. */
  id: string;
  /** What the clinician types; unique, starts with `cc-`. */
  prefix: string;
  /** Short title shown in the quick pick and the completion list. */
  label: string;
  /** One or two sentences: what the set inserts and when to use it. */
  description: string;
  kind: OrderSetKind;
  /** Snippet body, one string per line, VS Code snippet syntax. */
  body: string[];
  /**
   * Concept ids the server's analysis must recognise once the snippet is inserted
   * with every first choice / default taken and each `***` replaced by the matching
   * entry of `fills` (a test checks this, keeping snippets and knowledge in step).
   */
  expects: string[];
  /** Plausible values for the `***` fields, in the order they appear in the expanded text. */
  fills: string[];
  /**
   * For a choice tab stop: the concept id each option must produce when chosen, in
   * option order ('' for an option that names no concept). Checked by the same test.
   */
  choiceExpects?: Record<number, string[]>;
  /** Section of the seed article the content comes from. */
  seedSection: string;
}

/** The marker for a field that must be filled in (the smart-phrase convention). */
export const FIELD = '***';

const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

export const ORDER_SETS: readonly OrderSet[] = [
  // ---------------------------------------------------------------- workup
  {
    id: 'workup-full',
    prefix: 'cc-workup',
    label: 'Calcinosis cutis: full workup',
    description:
      'Complete first-line workup for calcinosis cutis of unknown type: blood and urine tests for calcium–phosphate metabolism, kidney function, muscle enzymes and autoimmune serology, then imaging and a skin biopsy.',
    kind: 'workup',
    body: [
      `Workup for calcinosis cutis (${TODAY}), suspected type: \${1|not yet determined,dystrophic,metastatic,idiopathic,iatrogenic,calciphylaxis|}`,
      'Labs:',
      '- CBC',
      '- BMP with creatinine and BUN (urea)',
      '- Calcium, phosphate, albumin, total protein (corrected calcium and Ca×P product)',
      '- PTH',
      '- 25-OH vitamin D',
      '- 24-hour urine calcium and 24-hour urine phosphate',
      '- Muscle enzymes: CK, LDH, AST, ALT, aldolase',
      '- ANA, anti-dsDNA, ENA panel (Ro/SSA, La/SSB, Sm, RNP, Scl-70, Jo-1)',
      '- Bicarbonate and arterial pH (milk-alkali syndrome)',
      'Imaging:',
      '- Plain radiographs of ${2:***}',
      '- Skin ultrasound of ${3:***}',
      '- Bone scintigraphy, CT or MRI to map the extent: ${4|bone scintigraphy,CT,MRI,not needed now|}',
      'Pathology:',
      '- Skin biopsy of ${5:***} with H&E and von Kossa stain',
      '$0',
    ],
    expects: [
      'calcinosis-cutis', 'cbc', 'bmp', 'creatinine', 'bun', 'calcium', 'phosphate', 'albumin', 'total-protein',
      'calcium-phosphate-product', 'pth', 'vitamin-d-25oh', 'urine-calcium-24h', 'urine-phosphate-24h', 'ck', 'ldh', 'ast',
      'alt', 'aldolase', 'ana', 'anti-dsdna', 'anti-ena', 'anti-ro', 'anti-la', 'anti-sm', 'anti-rnp', 'anti-scl-70',
      'anti-jo-1', 'bicarbonate', 'ph', 'milk-alkali-syndrome', 'plain-radiograph', 'skin-ultrasound', 'bone-scintigraphy',
      'computed-tomography', 'magnetic-resonance-imaging', 'skin-biopsy', 'hematoxylin-eosin', 'von-kossa-stain',
    ],
    fills: ['both forearms', 'left elbow', 'left elbow nodule'],
    seedSection: 'Evaluation',
  },
  {
    id: 'workup-dystrophic',
    prefix: 'cc-workup-dystrophic',
    label: 'Workup: dystrophic calcinosis (connective tissue disease)',
    description:
      'Focused workup when calcium and phosphate are expected to be normal and a connective tissue disease is suspected: muscle enzymes for dermatomyositis, serology for lupus and systemic sclerosis, biopsy.',
    kind: 'workup',
    body: [
      `Workup for suspected dystrophic calcinosis cutis (${TODAY})`,
      'Suspected underlying disease: ${1|systemic sclerosis (limited / CREST),dermatomyositis,systemic lupus erythematosus,mixed connective tissue disease,not yet identified|}',
      'Labs:',
      '- Calcium, phosphate, albumin (expected normal in dystrophic calcinosis)',
      '- CBC',
      '- Muscle enzymes: CK, LDH, AST, ALT, aldolase',
      '- ANA, anti-dsDNA, ENA panel (Ro/SSA, La/SSB, Sm, RNP, Scl-70, Jo-1)',
      'Imaging:',
      '- Plain radiographs of ${2:***}',
      'Pathology:',
      '- Skin biopsy of ${3:***} with von Kossa stain',
      '$0',
    ],
    expects: [
      'calcinosis-dystrophic', 'systemic-sclerosis', 'calcium', 'phosphate', 'albumin', 'cbc', 'ck', 'ldh', 'ast', 'alt',
      'aldolase', 'ana', 'anti-dsdna', 'anti-ena', 'anti-ro', 'anti-la', 'anti-sm', 'anti-rnp', 'anti-scl-70', 'anti-jo-1',
      'plain-radiograph', 'skin-biopsy', 'von-kossa-stain',
    ],
    choiceExpects: { 1: ['systemic-sclerosis', 'dermatomyositis', 'systemic-lupus-erythematosus', 'mixed-connective-tissue-disease', ''] },
    fills: ['both hands', 'right index finger nodule'],
    seedSection: 'Evaluation; Pathophysiology: Dystrophic Calcification',
  },
  {
    id: 'workup-metastatic',
    prefix: 'cc-workup-metastatic',
    label: 'Workup: metastatic calcinosis (calcium–phosphate metabolism, kidney)',
    description:
      'Focused workup when calcium or phosphate may be abnormal: kidney function, PTH, vitamin D, urine excretion and acid–base status, to find kidney failure, hyperparathyroidism, excess vitamin D or milk-alkali syndrome.',
    kind: 'workup',
    body: [
      `Workup for suspected metastatic calcinosis cutis (${TODAY})`,
      'Labs:',
      '- Calcium, phosphate, albumin, total protein (Ca×P product; deposition expected above 70 mg²/dL²)',
      '- BMP with creatinine and BUN (urea)',
      '- PTH',
      '- 25-OH vitamin D',
      '- 24-hour urine calcium and 24-hour urine phosphate',
      '- Bicarbonate and arterial pH (milk-alkali syndrome)',
      '- CBC (malignancy screen)',
      'History: calcium-containing antacids or supplements: ${1|none,yes: ***|}; vitamin D supplements: ${2|none,yes: ***|}',
      'Imaging:',
      '- Plain radiographs of ${3:***} (periarticular deposits)',
      '$0',
    ],
    expects: [
      'calcinosis-metastatic', 'calcium', 'phosphate', 'albumin', 'total-protein', 'calcium-phosphate-product', 'bmp',
      'creatinine', 'bun', 'pth', 'vitamin-d-25oh', 'urine-calcium-24h', 'urine-phosphate-24h', 'bicarbonate', 'ph',
      'milk-alkali-syndrome', 'cbc', 'malignancy', 'calcium-containing-antacids', 'plain-radiograph',
    ],
    fills: ['both knees'],
    seedSection: 'Evaluation; Pathophysiology: Metastatic Calcification',
  },
  {
    id: 'workup-calciphylaxis',
    prefix: 'cc-workup-calciphylaxis',
    label: 'Workup: calciphylaxis',
    description:
      'Focused workup for painful necrotic skin lesions from calcified small and medium vessels, usually in kidney failure or on dialysis: kidney function, calcium, phosphate, PTH, biopsy.',
    kind: 'workup',
    body: [
      `Workup for suspected calciphylaxis (${TODAY})`,
      'Kidney status: ${1|on hemodialysis,on peritoneal dialysis,chronic kidney disease not on dialysis,normal kidney function|}',
      'Lesions: ${2:***}',
      'Labs:',
      '- BMP with creatinine and BUN (urea)',
      '- Calcium, phosphate, albumin (Ca×P product)',
      '- PTH',
      '- 25-OH vitamin D',
      '- CBC',
      'Imaging:',
      '- Plain radiographs of ${3:***} (vascular calcification)',
      'Pathology:',
      '- Skin biopsy of ${4:***} with von Kossa stain',
      '$0',
    ],
    expects: [
      'calciphylaxis', 'hemodialysis', 'bmp', 'creatinine', 'bun', 'calcium', 'phosphate', 'albumin',
      'calcium-phosphate-product', 'pth', 'vitamin-d-25oh', 'cbc', 'plain-radiograph', 'vascular-calcification', 'skin-biopsy',
      'von-kossa-stain',
    ],
    choiceExpects: { 1: ['hemodialysis', 'peritoneal-dialysis', 'chronic-kidney-disease', ''] },
    fills: ['tender retiform purpura with central eschar on the left flank', 'pelvis and thighs', 'left flank lesion edge'],
    seedSection: 'Pearls and Other Issues; Evaluation',
  },
  {
    id: 'workup-idiopathic',
    prefix: 'cc-workup-idiopathic',
    label: 'Workup: idiopathic calcinosis (tumoral, subepidermal nodule, scrotal)',
    description:
      'Focused workup when no tissue damage and no metabolic cause is expected: confirm normal calcium and phosphate, look at kidney phosphate handling, image the periarticular masses.',
    kind: 'workup',
    body: [
      `Workup for suspected idiopathic calcinosis cutis (${TODAY})`,
      'Suspected form: ${1|tumoral calcinosis,subepidermal calcified nodule,scrotal calcinosis|}',
      'Family history of similar lesions: ${2|none,yes: ***|}',
      'Labs:',
      '- Calcium, phosphate, albumin (expected normal)',
      '- BMP with creatinine and BUN (urea)',
      '- PTH',
      '- 25-OH vitamin D',
      '- 24-hour urine calcium and 24-hour urine phosphate',
      'Imaging:',
      '- Plain radiographs of ${3:***}',
      'Pathology:',
      '- Skin biopsy of ${4:***} with von Kossa stain',
      '$0',
    ],
    expects: [
      'calcinosis-idiopathic', 'tumoral-calcinosis', 'calcium', 'phosphate', 'albumin', 'bmp', 'creatinine', 'bun', 'pth',
      'vitamin-d-25oh', 'urine-calcium-24h', 'urine-phosphate-24h', 'plain-radiograph', 'skin-biopsy', 'von-kossa-stain',
    ],
    choiceExpects: { 1: ['tumoral-calcinosis', 'subepidermal-calcified-nodule', 'scrotal-calcinosis'] },
    fills: ['both hips', 'right hip mass'],
    seedSection: 'Pathophysiology: Idiopathic Calcification; Evaluation',
  },
  {
    id: 'workup-iatrogenic',
    prefix: 'cc-workup-iatrogenic',
    label: 'Workup: iatrogenic calcinosis',
    description:
      'Focused workup for deposits at infusion or electrode sites after a calcium- or phosphate-containing agent: document the exposure and site, check calcium and phosphate.',
    kind: 'workup',
    body: [
      `Workup for suspected iatrogenic calcinosis cutis (${TODAY})`,
      'Exposure: ${1|IV calcium gluconate,IV calcium chloride,phosphate-containing agent,EEG electrode paste with calcium chloride,tumor lysis syndrome,after organ transplant|} on ${2:***}',
      'Site: ${3:***} (venipuncture / infusion site: ${4|yes,no|})',
      'Labs:',
      '- Calcium, phosphate, albumin',
      '- BMP with creatinine and BUN (urea)',
      'Imaging:',
      '- Plain radiographs of ${5:***}',
      '$0',
    ],
    expects: [
      'calcinosis-iatrogenic', 'calcium-gluconate', 'venipuncture-site', 'calcium', 'phosphate', 'albumin', 'bmp', 'creatinine',
      'bun', 'plain-radiograph',
    ],
    choiceExpects: {
      1: ['calcium-gluconate', 'calcium-chloride', 'phosphate-containing-agent', 'eeg-electrode-paste', 'tumor-lysis-syndrome', 'organ-transplant'],
    },
    fills: ['2024-03-02', 'dorsum of the right hand', 'right hand'],
    seedSection: 'Pathophysiology: Iatrogenic Calcification',
  },

  // ------------------------------------------------------------- treatment
  {
    id: 'tx-diltiazem',
    prefix: 'cc-tx-diltiazem',
    label: 'Treatment: diltiazem',
    description: 'Diltiazem at the high weight-based doses reported for calcinosis cutis (2–4 mg/kg/day); the most commonly used drug.',
    kind: 'treatment',
    body: [
      'Diltiazem ${1|2,3,4|} mg/kg/day PO for calcinosis cutis; weight ${2:***} kg, total ${3:***} mg/day in ${4|2,3,4|} divided doses. ${5|Start,Continue,Increase dose|}.',
      '$0',
    ],
    expects: ['diltiazem', 'calcinosis-cutis'],
    fills: ['60', '180'],
    seedSection: 'Treatment / Management: Diltiazem',
  },
  {
    id: 'tx-warfarin',
    prefix: 'cc-tx-warfarin',
    label: 'Treatment: low-dose warfarin',
    description: 'Warfarin 1 mg/day, reported to help small lesions.',
    kind: 'treatment',
    body: ['Warfarin 1 mg PO daily (low dose) for ${1|small calcinosis cutis lesions,calcinosis cutis|}. INR monitoring: ${2:***}.', '$0'],
    expects: ['warfarin', 'calcinosis-cutis'],
    fills: ['every 4 weeks'],
    seedSection: 'Treatment / Management: Warfarin',
  },
  {
    id: 'tx-bisphosphonate',
    prefix: 'cc-tx-bisphosphonate',
    label: 'Treatment: bisphosphonate (etidronate, alendronate, pamidronate)',
    description:
      'A bisphosphonate at a reported dose: etidronate 800 mg/day, alendronate 70 mg/week or pamidronate 90 mg/week; best results in dermatomyositis and systemic sclerosis.',
    kind: 'treatment',
    body: [
      '${1|Alendronate 70 mg PO weekly,Etidronate 800 mg PO daily,Pamidronate 90 mg IV weekly|} for calcinosis cutis.',
      'Monitor calcium, phosphate and magnesium (risk of low levels); dental review for osteonecrosis of the jaw: ${2|done,referred,***|}.',
      '$0',
    ],
    expects: ['alendronate', 'calcinosis-cutis', 'calcium', 'phosphate', 'magnesium', 'osteonecrosis-of-the-jaw'],
    choiceExpects: { 1: ['alendronate', 'etidronate', 'pamidronate'] },
    fills: [],
    seedSection: 'Treatment / Management: Bisphosphonates',
  },
  {
    id: 'tx-minocycline',
    prefix: 'cc-tx-minocycline',
    label: 'Treatment: minocycline',
    description: 'Minocycline 50–100 mg/day, reported effective in systemic sclerosis.',
    kind: 'treatment',
    body: ['Minocycline ${1|50,100|} mg PO daily for calcinosis cutis. Duration: ${2:***}.', '$0'],
    expects: ['minocycline', 'calcinosis-cutis'],
    fills: ['3 months, then reassess'],
    seedSection: 'Treatment / Management: Minocycline',
  },
  {
    id: 'tx-ceftriaxone',
    prefix: 'cc-tx-ceftriaxone',
    label: 'Treatment: ceftriaxone course',
    description: 'Ceftriaxone 2 g/day for 20 days, reported for small lesions and best in morphea profunda.',
    kind: 'treatment',
    body: ['Ceftriaxone 2 g ${1|IV,IM|} daily for 20 days for calcinosis cutis; start date ${2:***}.', '$0'],
    expects: ['ceftriaxone', 'calcinosis-cutis'],
    fills: ['2024-04-01'],
    seedSection: 'Treatment / Management: Ceftriaxone',
  },
  {
    id: 'tx-aluminum-hydroxide',
    prefix: 'cc-tx-aluminum',
    label: 'Treatment: aluminum hydroxide',
    description: 'Aluminum hydroxide, a phosphate binder, at a reported dose of 1.8, 2.24 or 2.4 g/day (dermatomyositis, lupus).',
    kind: 'treatment',
    body: ['Aluminum hydroxide ${1|2.4,2.24,1.8|} g/day PO in divided doses with meals for calcinosis cutis.', '$0'],
    expects: ['aluminum-hydroxide', 'calcinosis-cutis'],
    fills: [],
    seedSection: 'Treatment / Management: Aluminum Hydroxide',
  },
  {
    id: 'tx-probenecid',
    prefix: 'cc-tx-probenecid',
    label: 'Treatment: probenecid',
    description: 'Probenecid 1.5 g/day, which raises kidney phosphate excretion; response reported in juvenile dermatomyositis.',
    kind: 'treatment',
    body: ['Probenecid 1.5 g/day PO in ${1|2,3|} divided doses for calcinosis cutis.', '$0'],
    expects: ['probenecid', 'calcinosis-cutis'],
    fills: [],
    seedSection: 'Treatment / Management: Probenecid',
  },
  {
    id: 'tx-sodium-thiosulfate',
    prefix: 'cc-tx-thiosulfate',
    label: 'Treatment: sodium thiosulfate (topical, intralesional, IV)',
    description:
      'Sodium thiosulfate, which makes calcium more soluble: topical with zinc oxide for ulcerated dystrophic lesions, intralesional injection, or IV (calciphylaxis; more adverse effects).',
    kind: 'treatment',
    body: [
      '${1|Topical sodium thiosulfate (compounded with zinc oxide),Intralesional sodium thiosulfate,IV sodium thiosulfate|} to ${2:***}; dose and frequency: ${3:***}.',
      '$0',
    ],
    expects: ['topical-sodium-thiosulfate', 'zinc-oxide'],
    choiceExpects: { 1: ['topical-sodium-thiosulfate', 'intralesional-sodium-thiosulfate', 'intravenous-sodium-thiosulfate'] },
    fills: ['ulcerated nodules on the right elbow', 'applied twice daily'],
    seedSection: 'Treatment / Management: Topical Sodium Thiosulfate',
  },
  {
    id: 'tx-colchicine',
    prefix: 'cc-tx-colchicine',
    label: 'Treatment: colchicine',
    description: 'Colchicine for its anti-inflammatory effect; the seed article gives no dose, so the dose is a field to fill.',
    kind: 'treatment',
    body: ['Colchicine ${1:***} mg PO ${2|daily,twice daily|} for inflammation around calcinosis cutis.', '$0'],
    expects: ['colchicine', 'calcinosis-cutis'],
    fills: ['0.6'],
    seedSection: 'Treatment / Management: Other Treatments',
  },
  {
    id: 'tx-ivig',
    prefix: 'cc-tx-ivig',
    label: 'Treatment: IVIG 2 g/kg',
    description: 'Intravenous immunoglobulin 2 g/kg per course, reported for digital calcinosis in CREST syndrome and dermatomyositis.',
    kind: 'treatment',
    body: [
      'IVIG 2 g/kg per course (weight ${1:***} kg, total ${2:***} g) given over ${3|2,3,4,5|} days, repeated ${4|every 4 weeks,***|}, for calcinosis cutis.',
      '$0',
    ],
    expects: ['ivig', 'calcinosis-cutis'],
    fills: ['55', '110'],
    seedSection: 'Treatment / Management: Other Treatments',
  },
  {
    id: 'tx-intralesional-steroid',
    prefix: 'cc-tx-il-steroid',
    label: 'Treatment: intralesional corticosteroid',
    description: 'Intralesional corticosteroid injection into calcinosis lesions, reported in limited systemic sclerosis.',
    kind: 'treatment',
    body: ['Intralesional corticosteroid injection: agent and concentration ${1:***}, volume ${2:***} mL into ${3:***}.', '$0'],
    expects: ['intralesional-corticosteroids'],
    fills: ['triamcinolone acetonide 10 mg/mL', '0.5', 'left thumb nodule'],
    seedSection: 'Treatment / Management: Other Treatments',
  },
  {
    id: 'tx-eswl',
    prefix: 'cc-tx-eswl',
    label: 'Treatment: extracorporeal shockwave lithotripsy',
    description: 'Extracorporeal shockwave lithotripsy (ESWL) of calcinosis deposits.',
    kind: 'treatment',
    body: ['Extracorporeal shockwave lithotripsy (ESWL) to ${1:***}: ${2|referral placed,discussed with patient,scheduled|}.', '$0'],
    expects: ['eswl'],
    fills: ['right elbow deposits'],
    seedSection: 'Treatment / Management: Other Treatments',
  },
  {
    id: 'tx-surgery',
    prefix: 'cc-tx-surgery',
    label: 'Treatment: surgical excision or curettage',
    description: 'Surgical excision (the most common procedure) or curettage; best for small, localized lesions.',
    kind: 'treatment',
    body: ['${1|Surgical excision,Curettage|} of ${2:***}: ${3|referral placed,discussed with patient,scheduled|}.', '$0'],
    expects: ['surgical-excision'],
    choiceExpects: { 1: ['surgical-excision', 'curettage'] },
    fills: ['solitary calcified nodule on the left knee'],
    seedSection: 'Treatment / Management; Other Treatments',
  },
  {
    id: 'tx-co2-laser',
    prefix: 'cc-tx-laser',
    label: 'Treatment: CO2 laser',
    description: 'Carbon dioxide laser ablation, reported effective for small lesions and lesions on the digits.',
    kind: 'treatment',
    body: ['CO2 laser ablation of ${1:***}: ${2|referral placed,discussed with patient,scheduled|}.', '$0'],
    expects: ['co2-laser'],
    fills: ['small lesions on the right index finger'],
    seedSection: 'Treatment / Management; Other Treatments',
  },
  {
    id: 'measures-general',
    prefix: 'cc-measures',
    label: 'General measures',
    description: 'Measures that protect the skin and help blood flow to the extremities: avoid trauma, stop smoking, avoid cold, reduce stress.',
    kind: 'measures',
    body: [
      'General measures for calcinosis cutis:',
      '- Avoid trauma to affected areas (${1:***})',
      '- Smoking cessation: ${2|counselled,non-smoker,referred to cessation program|}',
      '- Avoid cold exposure; keep hands and feet warm',
      '- Stress reduction discussed',
      '$0',
    ],
    expects: ['trauma-avoidance', 'smoking-cessation', 'cold-avoidance', 'stress-reduction'],
    fills: ['elbows and fingertips'],
    seedSection: 'Treatment / Management',
  },
  {
    id: 'plan-by-size',
    prefix: 'cc-plan',
    label: 'Treatment plan by lesion size and extent',
    description:
      'A plan that pairs general measures with the options reported for the lesion size: warfarin, ceftriaxone, IVIG, excision or CO2 laser for small lesions; diltiazem, bisphosphonates, probenecid, aluminum hydroxide or excision/curettage for larger or generalized disease.',
    kind: 'plan',
    body: [
      'Plan for calcinosis cutis (${1|small and localized,large or generalized|} lesions at ${2:***}):',
      '- General measures: avoid trauma, smoking cessation, avoid cold, reduce stress',
      '- Medical: ${3|diltiazem,bisphosphonate,probenecid,aluminum hydroxide,warfarin,ceftriaxone,IVIG|} (dose: ${4:***})',
      '- Procedural: ${5|none for now,surgical excision,curettage,CO2 laser|}',
      '- Follow-up in ${6|4 weeks,3 months,6 months|}',
      '$0',
    ],
    expects: ['calcinosis-cutis', 'trauma-avoidance', 'smoking-cessation', 'cold-avoidance', 'stress-reduction', 'diltiazem'],
    choiceExpects: {
      3: ['diltiazem', 'bisphosphonates', 'probenecid', 'aluminum-hydroxide', 'warfarin', 'ceftriaxone', 'ivig'],
      5: ['', 'surgical-excision', 'curettage', 'co2-laser'],
    },
    fills: ['both forearms', '2 mg/kg/day'],
    seedSection: 'Treatment / Management',
  },
  {
    id: 'assessment',
    prefix: 'cc-assessment',
    label: 'Assessment of calcinosis cutis',
    description: 'Assessment statement: the type of calcinosis cutis, its extent and sites, supporting findings and the Ca×P product.',
    kind: 'assessment',
    body: [
      'Assessment: ${1|dystrophic calcinosis cutis,metastatic calcinosis cutis,idiopathic calcinosis cutis,iatrogenic calcinosis cutis,calciphylaxis|}, ${2|localized (calcinosis circumscripta),diffuse (calcinosis universalis)|}, at ${3:***}.',
      'Supporting findings: ${4:***}',
      'Calcium × phosphate product: ${5:***} mg²/dL²; underlying condition: ${6:***}',
      '$0',
    ],
    expects: ['calcinosis-dystrophic', 'calcinosis-circumscripta', 'calcium-phosphate-product', 'limited-systemic-sclerosis'],
    choiceExpects: {
      1: ['calcinosis-dystrophic', 'calcinosis-metastatic', 'calcinosis-idiopathic', 'calcinosis-iatrogenic', 'calciphylaxis'],
      2: ['calcinosis-circumscripta', 'calcinosis-universalis'],
    },
    fills: ['fingertips and elbows', 'firm white nodules with chalky discharge', '32', 'limited systemic sclerosis'],
    seedSection: 'Introduction',
  },
];
