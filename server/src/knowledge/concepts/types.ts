import type { Concept } from '../types';

// The five types of calcinosis cutis named in the seed's Introduction, plus the
// two extent patterns (circumscripta, universalis).
export const CALCINOSIS_TYPES: Concept[] = [
  {
    id: 'calcinosis-cutis',
    name: 'Calcinosis cutis',
    category: 'calcinosis-type',
    forms: [
      'calcinosis cutis',
      'cutaneous calcinosis',
      'calcinosis',
      'skin calcification',
      'skin calcifications',
      'cutaneous calcification',
      'cutaneous calcifications',
      'calcium deposits',
      'calcium deposit',
      'cutaneous calcium deposits',
      'calcinotic nodule',
      'calcinotic nodules',
      'calcinotic lesions',
      'soft tissue calcification',
      'soft-tissue calcification',
    ],
    definition:
      'Deposits of insoluble calcium salts in the skin and the fat beneath it. It is a finding with several mechanisms rather than one disease.',
    relevance:
      'Naming the type (dystrophic, metastatic, idiopathic, iatrogenic or calciphylaxis) decides the workup: check calcium, phosphate and their product first, then look for a connective tissue disease.',
    seedSection: 'Introduction',
    codes: [{ system: 'ICD-10-CM', code: 'L94.2', display: 'Calcinosis cutis' }],
  },
  {
    id: 'calcinosis-dystrophic',
    name: 'Dystrophic calcinosis cutis',
    category: 'calcinosis-type',
    parent: 'calcinosis-cutis',
    forms: [
      'dystrophic calcinosis',
      'dystrophic calcification',
      'dystrophic calcifications',
      'dystrophic calcinosis cutis',
    ],
    definition:
      'Calcium deposits that form in skin already damaged by disease or injury, while blood calcium and phosphate stay normal.',
    relevance:
      'The commonest type. Normal calcium and phosphate with a deposit should prompt a search for systemic sclerosis, dermatomyositis, lupus or mixed connective tissue disease.',
    seedSection: 'Pathophysiology: Dystrophic Calcification',
  },
  {
    id: 'calcinosis-metastatic',
    name: 'Metastatic calcinosis cutis',
    category: 'calcinosis-type',
    parent: 'calcinosis-cutis',
    forms: ['metastatic calcinosis', 'metastatic calcification', 'metastatic calcifications', 'metastatic calcinosis cutis'],
    definition:
      'Calcium deposits in otherwise normal skin caused by abnormally high blood calcium and/or phosphate, usually near joints.',
    relevance:
      'Deposition is expected once the calcium × phosphate product passes 70 mg²/dL². Look for kidney failure first, then hyperparathyroidism, excess vitamin D, sarcoidosis, milk-alkali syndrome and cancer.',
    seedSection: 'Pathophysiology: Metastatic Calcification',
  },
  {
    id: 'calcinosis-idiopathic',
    name: 'Idiopathic calcinosis cutis',
    category: 'calcinosis-type',
    parent: 'calcinosis-cutis',
    forms: ['idiopathic calcinosis', 'idiopathic calcification', 'idiopathic calcifications', 'idiopathic calcinosis cutis'],
    definition:
      'Calcium deposits with no tissue injury behind them and normal calcium and phosphate levels.',
    relevance:
      'A diagnosis reached after the labs come back normal and no underlying disease is found; it covers tumoral calcinosis, subepidermal calcified nodules and scrotal calcinosis.',
    seedSection: 'Pathophysiology: Idiopathic Calcification',
  },
  {
    id: 'calcinosis-iatrogenic',
    name: 'Iatrogenic calcinosis cutis',
    category: 'calcinosis-type',
    parent: 'calcinosis-cutis',
    forms: ['iatrogenic calcinosis', 'iatrogenic calcification', 'iatrogenic calcifications', 'iatrogenic calcinosis cutis'],
    definition:
      'Calcium deposits caused by a treatment that delivers calcium or phosphate into tissue, such as an extravasated calcium infusion.',
    relevance:
      'Look at venipuncture and infusion sites and at recent calcium gluconate, calcium chloride or phosphate-containing agents; diluting infusions helps prevent it.',
    seedSection: 'Pathophysiology: Iatrogenic Calcification',
  },
  {
    id: 'calciphylaxis',
    name: 'Calciphylaxis',
    category: 'calcinosis-type',
    parent: 'calcinosis-cutis',
    forms: [
      'calciphylaxis',
      'calcific uremic arteriolopathy',
      'calcific uraemic arteriolopathy',
      'calcific uremic arteriolopathies',
      'uremic calciphylaxis',
      'uraemic calciphylaxis',
      'nonuremic calciphylaxis',
      'non-uremic calciphylaxis',
      'non-uraemic calciphylaxis',
    ],
    exactForms: ['CUA'],
    definition:
      'Calcification of the walls of small and medium-sized blood vessels in the skin and fat, which starves the overlying skin of blood and leads to painful necrosis.',
    relevance:
      'Mostly seen in kidney failure and dialysis but possible with normal kidney function; urgent because of necrosis and infection. Check calcium, phosphate and PTH.',
    seedSection: 'Pearls and Other Issues',
    codes: [
      { system: 'ICD-10-CM', code: 'E83.59', display: 'Other disorders of calcium metabolism' },
      { system: 'SNOMED CT', code: '237900002', display: 'Calciphylaxis' },
    ],
  },
];
