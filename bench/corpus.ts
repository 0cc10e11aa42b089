// Benchmark corpora: long, realistic calcinosis notes built from our own example notes
// (examples/*.note) and a hospital course written for the benchmark: daily progress
// paragraphs, lab lines with dates and units, negations, section headers and plans.
// Deterministic (seeded), so every run and every machine measures the same text.
// Nothing here is copied from the seed article.

import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const CORPUS_DIR = join(__dirname, 'corpora');

export const SIZES: { name: string; bytes: number }[] = [
  { name: '10 KB', bytes: 10 * 1024 },
  { name: '100 KB', bytes: 100 * 1024 },
  { name: '1 MB', bytes: 1024 * 1024 },
  { name: '10 MB', bytes: 10 * 1024 * 1024 },
];

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROGRESS = [
  'Forearm nodules unchanged in size; the right index finger lesion drained chalky material overnight.',
  'Patient denies fever or chills. No new skin ulceration. Pain controlled on current regimen.',
  'Tender violaceous plaque on the left thigh noted this morning; calciphylaxis is a concern and dermatology was asked to see her.',
  'No evidence of infection at the biopsy site. Dressing changed, wound edges clean.',
  'Raynaud phenomenon flared with the cold room; hands warmed, nifedipine continued.',
  'Family history reviewed again: her sister has dermatomyositis, her mother had lupus.',
  'Renal team adjusted dialysis bath calcium; sevelamer started in place of calcium carbonate.',
  'Plain radiographs of the hands show periarticular calcific deposits, stable compared with prior films.',
  'Skin biopsy with von Kossa stain shows dermal calcium deposits without vascular involvement.',
  'Possible early calcinosis universalis given the new deposits on the trunk; will review with rheumatology.',
  'History of tumoral calcinosis in childhood per outside records, no recurrence since.',
  'She reports less pain with the diltiazem; no headache or ankle swelling.',
  'Denies muscle weakness, dysphagia or shortness of breath. Exam: no retiform purpura.',
  'If the nodules ulcerate, plan surgical excision of the largest forearm deposit.',
  'Secondary hyperparathyroidism on cinacalcet; PTH trending down.',
  'Sodium thiosulfate infusion given after dialysis, tolerated without nausea.',
  'Systemic sclerosis with limited cutaneous involvement, CREST features, stable.',
  'Ruled out sarcoidosis; ACE level and chest imaging normal.',
  'Milk-alkali syndrome unlikely: no antacid use, bicarbonate normal.',
  'Iatrogenic calcinosis at a prior IV site on the left hand, resolving.',
];

const LAB_LINES: ((r: () => number) => string)[] = [
  (r) => `Ca ${(8.4 + r() * 3).toFixed(1)} mg/dL, Phos ${(3 + r() * 5).toFixed(1)} mg/dL, albumin ${(2.6 + r() * 1.6).toFixed(1)} g/dL`,
  (r) => `PTH ${Math.round(60 + r() * 600)} pg/mL, 25-OH vitamin D ${Math.round(10 + r() * 30)} ng/mL`,
  (r) => `Creatinine ${(1 + r() * 5).toFixed(1)} mg/dL, BUN ${Math.round(15 + r() * 60)} mg/dL`,
  (r) => `Calcium ${(2.1 + r() * 0.7).toFixed(2)} mmol/L, phosphate ${(0.9 + r() * 1.6).toFixed(2)} mmol/L`,
  () => 'ANA positive 1:640 speckled, anti-Scl-70 negative',
  (r) => `Magnesium ${(1.6 + r()).toFixed(1)} mg/dL, alkaline phosphatase ${Math.round(60 + r() * 200)} U/L`,
  (r) => `CK ${Math.round(40 + r() * 400)} U/L, aldolase ${(3 + r() * 8).toFixed(1)} U/L`,
];

const ASSESSMENT = [
  'Calcinosis cutis, likely mixed dystrophic and metastatic, in a patient with systemic sclerosis and CKD.',
  'Elevated calcium × phosphate product; continue binder and low-phosphate diet.',
  'No signs of calciphylaxis today. Rule out calcinosis universalis if new deposits appear.',
];

const PLAN = [
  '- Repeat calcium, phosphate, albumin and PTH in 1 week.',
  '- Continue diltiazem 2 mg/kg/d; reassess in 3 months.',
  '- Wound care to the draining finger lesion, daily dressing.',
  '- Nephrology to review phosphate binder and dialysate calcium.',
  '- Consider intralesional corticosteroid for the largest nodule.',
];

function examples(): string[] {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.note'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

/** One hospital day: a dated progress paragraph, a lab block, assessment and plan. */
function hospitalDay(r: () => number, day: number): string {
  const month = 1 + (Math.floor(day / 28) % 12);
  const dom = 1 + (day % 28);
  const date = `${String(month).padStart(2, '0')}/${String(dom).padStart(2, '0')}/2026`;
  const out: string[] = [];
  out.push(`HOSPITAL DAY ${day}:`);
  const n = 2 + Math.floor(r() * 3);
  const progress: string[] = [];
  for (let i = 0; i < n; i++) progress.push(pick(r, PROGRESS));
  out.push(progress.join(' '));
  out.push('');
  out.push(`Labs ${date}:`);
  const labs = 2 + Math.floor(r() * 3);
  for (let i = 0; i < labs; i++) out.push(pick(r, LAB_LINES)(r));
  out.push('');
  out.push('Assessment:');
  out.push(pick(r, ASSESSMENT));
  out.push('');
  out.push('Plan:');
  const plans = 1 + Math.floor(r() * 3);
  for (let i = 0; i < plans; i++) out.push(pick(r, PLAN));
  if (r() < 0.1) out.push('- Follow up in *** weeks.');
  out.push('');
  return out.join('\n') + '\n';
}

/** A note of about `bytes` UTF-8 bytes (cut at a line break just under it). */
export function generateNote(bytes: number, seed = 42): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  const ex = examples();
  for (const e of ex) {
    parts.push(e.trimEnd() + '\n\nHospital course:\n\n');
    size += Buffer.byteLength(parts[parts.length - 1]);
  }
  let day = 1;
  while (size < bytes) {
    const d = hospitalDay(r, day++);
    parts.push(d);
    size += Buffer.byteLength(d);
  }
  let text = parts.join('').slice(0, bytes);
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.length - (Buffer.byteLength(text) - bytes));
  return text.slice(0, text.lastIndexOf('\n') + 1);
}

/**
 * A note just under the size the server analyses by default (maxDocumentSize, 5,000,000
 * characters; a character is at least one byte): edits are also timed on it, the longest note
 * a user types in without changing a setting.
 */
export const AT_DEFAULT_LIMIT: { name: string; bytes: number } = { name: '4.8 MB', bytes: 4_800_000 };

/** Writes one corpus (once; it is deterministic) and returns its path. */
export function ensureCorpus(s: { name: string; bytes: number }): { name: string; bytes: number; path: string } {
  mkdirSync(CORPUS_DIR, { recursive: true });
  const path = join(CORPUS_DIR, `note-${s.bytes}.note`);
  if (!existsSync(path) || Math.abs(statSync(path).size - s.bytes) > 512) writeFileSync(path, generateNote(s.bytes));
  return { ...s, path };
}

/** Writes the corpora (once; they are deterministic) and returns their paths. */
export function ensureCorpora(): { name: string; bytes: number; path: string }[] {
  return SIZES.map(ensureCorpus);
}

if (require.main === module) {
  for (const c of ensureCorpora()) console.log(`${c.name.padEnd(7)} ${statSync(c.path).size} bytes  ${c.path}`);
}
