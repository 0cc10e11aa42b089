import type { Concept } from '../types';

// Subtypes of idiopathic calcinosis named in the seed, the two extent patterns
// (circumscripta, universalis), and digital calcinosis.
export const CALCINOSIS_SUBTYPES: Concept[] = [
  {
    id: 'tumoral-calcinosis',
    name: 'Tumoral calcinosis',
    category: 'calcinosis-subtype',
    parent: 'calcinosis-idiopathic',
    forms: [
      'tumoral calcinosis',
      'tumoural calcinosis',
      'tumoral calcinoses',
      'normophosphatemic tumoral calcinosis',
      'normophosphataemic tumoral calcinosis',
      'teutschlaender disease',
      'teutschländer disease',
      'lipocalcinogranulomatosis',
    ],
    definition:
      'Large, lobulated calcified masses that build up in the soft tissue around big joints such as the hip, shoulder and elbow. They may sit under the skin or within muscle.',
    relevance:
      'Filed under idiopathic calcinosis when calcium and phosphate are normal; a raised phosphate points to the familial form. Image the joint and check phosphate before planning excision.',
    seedSection: 'Pathophysiology: Idiopathic Calcification',
  },
  {
    id: 'familial-tumoral-calcinosis',
    name: 'Familial tumoral calcinosis',
    category: 'calcinosis-subtype',
    parent: 'tumoral-calcinosis',
    forms: [
      'familial tumoral calcinosis',
      'familial tumoural calcinosis',
      'hereditary tumoral calcinosis',
      'hyperphosphatemic familial tumoral calcinosis',
      'hyperphosphataemic familial tumoral calcinosis',
      'hyperphosphatemic tumoral calcinosis',
      'hyperphosphataemic tumoral calcinosis',
    ],
    exactForms: ['HFTC'],
    definition:
      'An inherited form of tumoral calcinosis in which the kidney\'s proximal tubule takes back too much phosphate. Otherwise healthy teenagers develop calcified masses around major joints.',
    relevance:
      'Think of it in a healthy adolescent with periarticular masses. Measure serum and 24-hour urine phosphate; family history matters.',
    seedSection: 'Pathophysiology: Idiopathic Calcification',
  },
  {
    id: 'subepidermal-calcified-nodule',
    name: 'Subepidermal calcified nodule (Winer nodular calcinosis)',
    category: 'calcinosis-subtype',
    parent: 'calcinosis-idiopathic',
    forms: [
      'subepidermal calcified nodule',
      'subepidermal calcified nodules',
      'subepidermal calcinosis',
      'subepidermal calcinotic nodule',
      'subepidermal calcinotic nodules',
      'subepidermal nodular calcinosis',
      "winer's nodule",
      'winer nodule',
      'winers nodule',
      "winer's nodules",
      "winer's nodular calcinosis",
      'winer nodular calcinosis',
      "winer's calcified nodule",
      'winder nodular calcinosis',
      "winder's nodular calcinosis",
      'winder nodule',
      "winder's nodule",
      'solitary congenital nodular calcification',
      'congenital calcified nodule',
    ],
    definition:
      'A single hard, white to yellow papule or small nodule of calcium just under the epidermis, seen in children and sometimes present from birth. The face is the usual site, with the head and limbs next.',
    relevance:
      'An idiopathic type: calcium and phosphate are normal and no underlying disease is expected. Excision is diagnostic and curative; the seed spells the eponym "Winder".',
    seedSection: 'Pathophysiology: Idiopathic Calcification',
  },
  {
    id: 'scrotal-calcinosis',
    name: 'Scrotal calcinosis',
    category: 'calcinosis-subtype',
    parent: 'calcinosis-idiopathic',
    forms: [
      'scrotal calcinosis',
      'idiopathic scrotal calcinosis',
      'scrotal calcinosis cutis',
      'calcinosis of the scrotum',
      'calcinosis of scrotum',
      'scrotal calcification',
      'scrotal calcifications',
      'scrotal calcinoses',
    ],
    definition:
      'Multiple firm calcified nodules and masses in the skin of the scrotum. Whether they arise on their own or from calcified epidermal cysts is still debated.',
    relevance:
      'Usually symptom-free but may itch or discharge white chalky material. Labs are normal; surgical excision is the usual treatment.',
    seedSection: 'Pathophysiology: Idiopathic Calcification',
  },
  {
    id: 'calcinosis-circumscripta',
    name: 'Calcinosis circumscripta',
    category: 'calcinosis-subtype',
    parent: 'calcinosis-cutis',
    forms: [
      'calcinosis circumscripta',
      'calcinosis cutis circumscripta',
      'circumscribed calcinosis',
      'localized calcinosis',
      'localised calcinosis',
      'localized calcinosis cutis',
      'localised calcinosis cutis',
    ],
    definition:
      'Calcinosis confined to one limb or to the area around a joint, as opposed to widespread deposits.',
    relevance:
      'The localized pattern typical of limited systemic sclerosis. Small, localized deposits are the best candidates for surgery or laser.',
    seedSection: 'Introduction',
  },
  {
    id: 'calcinosis-universalis',
    name: 'Calcinosis universalis',
    category: 'calcinosis-subtype',
    parent: 'calcinosis-cutis',
    forms: [
      'calcinosis universalis',
      'calcinosis cutis universalis',
      'universal calcinosis',
      'generalized calcinosis',
      'generalised calcinosis',
      'diffuse calcinosis',
      'widespread calcinosis',
    ],
    definition:
      'Widespread calcinosis affecting the subcutaneous tissue as well as the fibrous coverings of muscles and tendons.',
    relevance:
      'Points to dermatomyositis (especially juvenile) or lupus. Generalized disease needs medical rather than surgical treatment.',
    seedSection: 'Introduction',
  },
  {
    id: 'digital-calcinosis',
    name: 'Digital calcinosis',
    category: 'calcinosis-subtype',
    parent: 'calcinosis-cutis',
    forms: [
      'digital calcinosis',
      'digital calcification',
      'digital calcifications',
      'fingertip calcinosis',
      'acral calcinosis',
      'calcinosis of the fingers',
      'calcinosis of the digits',
    ],
    definition: 'Calcium deposits in the fingers, often in the finger pads and around the nails.',
    relevance:
      'Classic in limited systemic sclerosis (CREST) and dermatomyositis. Intravenous immunoglobulin and CO2 laser have both been reported to help lesions on the digits.',
    seedSection: 'Treatment / Management: Other Treatments',
  },
];
