import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyzeText } from '../../server/src/analysis/analyze';
import { findUnfilledMarkers } from '../../server/src/analysis/unfilledFields';
import { CONCEPTS } from '../../server/src/knowledge/concepts';
import { FIELD, ORDER_SETS, type OrderSet } from '../../server/src/knowledge/orderSets';
import { SNIPPET_FILE, renderSnippetFile } from '../../scripts/build-snippets';
import { KNOWN_VARIABLES, allNodes, expandSnippet, parseSnippet } from './helpers/snippetSyntax';

// Specification of the order sets and plan snippets (server/src/knowledge/orderSets.ts)
// and of the generated snippets/calcinosis.code-snippets.

const VARIABLES = { CURRENT_YEAR: '2024', CURRENT_MONTH: '05', CURRENT_DATE: '14' };

/** VS Code joins body lines with line breaks. */
function source(set: OrderSet): string {
  return set.body.join('\n');
}

/** The note text after inserting the snippet, taking each default (or the chosen options) and filling each *** in turn. */
function filled(set: OrderSet, choose: Record<number, number> = {}): string {
  const text = expandSnippet(source(set), { variables: VARIABLES, choose });
  let i = 0;
  return text.replace(/\*\*\*/g, () => set.fills[i++] ?? FIELD);
}

const conceptIds = new Set(CONCEPTS.map((c) => c.id));

describe('order sets: snippet file', () => {
  it('snippets/calcinosis.code-snippets is what `npm run build:snippets` generates from orderSets.ts', () => {
    const committed = fs.readFileSync(SNIPPET_FILE, 'utf8');
    assert.equal(committed, renderSnippetFile(), 'snippet file out of date: run npm run build:snippets');
  });

  it('holds one entry per order set with its prefix, description and body', () => {
    const json = JSON.parse(renderSnippetFile().replace(/^\/\/.*\n/gm, '')) as Record<string, { prefix: string; description: string; body: string[] }>;
    assert.equal(Object.keys(json).length, ORDER_SETS.length);
    for (const set of ORDER_SETS) assert.deepEqual(json[set.label], { prefix: set.prefix, description: set.description, body: set.body });
  });
});

describe('order sets: shape', () => {
  it('has the full workup, five focused workups, the treatments, general measures, a plan and an assessment', () => {
    const prefixes = ORDER_SETS.map((s) => s.prefix);
    for (const p of [
      'cc-workup',
      'cc-workup-dystrophic',
      'cc-workup-metastatic',
      'cc-workup-calciphylaxis',
      'cc-workup-idiopathic',
      'cc-workup-iatrogenic',
      'cc-tx-diltiazem',
      'cc-tx-warfarin',
      'cc-tx-bisphosphonate',
      'cc-tx-minocycline',
      'cc-tx-ceftriaxone',
      'cc-tx-aluminum',
      'cc-tx-probenecid',
      'cc-tx-thiosulfate',
      'cc-tx-colchicine',
      'cc-tx-ivig',
      'cc-tx-il-steroid',
      'cc-tx-eswl',
      'cc-tx-surgery',
      'cc-tx-laser',
      'cc-measures',
      'cc-plan',
      'cc-assessment',
    ]) {
      assert.ok(prefixes.includes(p), `missing ${p}`);
    }
  });

  it('gives every entry a unique id, label and prefix; prefixes are short kebab-case starting with cc-', () => {
    for (const key of ['id', 'label', 'prefix'] as const) {
      const values = ORDER_SETS.map((s) => s[key]);
      assert.equal(new Set(values).size, values.length, `duplicate ${key}`);
    }
    for (const set of ORDER_SETS) {
      assert.match(set.prefix, /^cc-[a-z0-9]+(?:-[a-z0-9]+)*$/, set.prefix);
      assert.ok(set.prefix.length <= 24, `${set.prefix} is too long to type`);
    }
  });

  it('gives every entry a description (a sentence) and the seed section it draws on', () => {
    for (const set of ORDER_SETS) {
      assert.ok(set.description.length >= 30, `${set.id}: description too short`);
      assert.match(set.description, /[.)]$/, `${set.id}: description should end like a sentence`);
      assert.ok(set.seedSection.trim(), `${set.id}: seedSection`);
    }
  });
});

describe('order sets: snippet syntax', () => {
  for (const set of ORDER_SETS) {
    it(`${set.prefix}: body is valid snippet syntax with numbered stops, visible required fields and a final $0`, () => {
      const nodes = allNodes(parseSnippet(source(set)));
      const stops = new Set<number>();
      for (const node of nodes) {
        if (node.type === 'tabstop' || node.type === 'placeholder' || node.type === 'choice') stops.add(node.index);
        // A bare stop would leave an empty field silently; every decision has a default or choices.
        if (node.type === 'tabstop') assert.equal(node.index, 0, `${set.prefix}: $${node.index} has no default`);
        if (node.type === 'variable') assert.ok(KNOWN_VARIABLES.has(node.name), `${set.prefix}: unknown variable ${node.name}`);
      }
      const numbered = [...stops].filter((i) => i > 0).sort((a, b) => a - b);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${set.prefix}: tab stops must be numbered 1..n without gaps`);
      assert.equal(set.body[set.body.length - 1], '$0', `${set.prefix}: the cursor ends after the inserted text`);
      // *** only as a placeholder default or a choice option: never plain text the user cannot tab to.
      const bareMarker = nodes.some((n) => n.type === 'text' && n.value.includes(FIELD) && !isPlaceholderDefault(nodes, n));
      assert.equal(bareMarker, false, `${set.prefix}: *** must be a tab stop's default`);
    });
  }

  it('uses choice lists and defaults wherever a clinician decides: every set has at least one stop', () => {
    for (const set of ORDER_SETS) {
      const stops = allNodes(parseSnippet(source(set))).filter((n) => n.type === 'placeholder' || n.type === 'choice');
      assert.ok(stops.length >= 1, `${set.prefix}: no tab stop`);
    }
  });
});

/** True when the text node is the whole content of a placeholder (its default). */
function isPlaceholderDefault(nodes: ReturnType<typeof allNodes>, text: ReturnType<typeof allNodes>[number]): boolean {
  return nodes.some((n) => n.type === 'placeholder' && n.children.includes(text));
}

describe('order sets: inserted and filled, the server recognises what they name', () => {
  it('lists expected concept ids that exist in the knowledge base', () => {
    for (const set of ORDER_SETS) {
      for (const id of set.expects) assert.ok(conceptIds.has(id), `${set.prefix}: unknown concept ${id}`);
      if (set.kind !== 'plan' && set.kind !== 'measures') assert.ok(set.expects.length > 0, `${set.prefix}: no expected concepts`);
    }
  });

  it('has exactly one fill per *** in the default expansion', () => {
    for (const set of ORDER_SETS) {
      const markers = findUnfilledMarkers(expandSnippet(source(set), { variables: VARIABLES }));
      assert.equal(markers.length, set.fills.length, `${set.prefix}: ${markers.length} markers, ${set.fills.length} fills`);
    }
  });

  for (const set of ORDER_SETS) {
    it(`${set.prefix}: analysis finds ${set.expects.length} expected concepts, and the *** markers until they are filled`, () => {
      const unfilled = analyzeText(expandSnippet(source(set), { variables: VARIABLES }));
      assert.equal(unfilled.findings.filter((f) => f.code === 'unfilled-field').length, set.fills.length);

      const analysis = analyzeText(filled(set));
      const found = new Set(analysis.terms.toArray().map((t) => t.concept));
      const missing = set.expects.filter((id) => !found.has(id));
      assert.deepEqual(missing, [], `${set.prefix}: not recognised after insertion`);
      assert.deepEqual(
        analysis.findings.filter((f) => f.code === 'unfilled-field'),
        [],
        `${set.prefix}: a filled snippet leaves no unfilled field`,
      );
    });
  }

  it('reads no lab value and raises no finding in an inserted order set (orders are not results)', () => {
    for (const set of ORDER_SETS) {
      const text = filled(set);
      const analysis = analyzeText(text);
      assert.deepEqual(analysis.labs.map((l) => `${l.analyte}=${l.value}`), [], `${set.prefix}: lab values read from the orders`);
      assert.deepEqual(analysis.findings.map((f) => `${f.code}: ${text.slice(f.start, f.end)}`), [], `${set.prefix}: findings`);
    }
  });

  const withChoices = ORDER_SETS.filter((s) => s.choiceExpects);
  for (const set of withChoices) {
    it(`${set.prefix}: each option of its clinical choice lists is recognised when chosen`, () => {
      const nodes = allNodes(parseSnippet(source(set)));
      for (const [stop, ids] of Object.entries(set.choiceExpects!)) {
        const choice = nodes.find((n) => n.type === 'choice' && n.index === Number(stop));
        assert.ok(choice && choice.type === 'choice', `${set.prefix}: $${stop} is not a choice`);
        assert.equal(ids.length, choice.options.length, `${set.prefix}: $${stop} has ${choice.options.length} options`);
        ids.forEach((id, option) => {
          if (!id) return;
          assert.ok(conceptIds.has(id), `unknown concept ${id}`);
          const text = filled(set, { [stop]: option });
          const found = analyzeText(text).terms.toArray().map((t) => t.concept);
          assert.ok(found.includes(id), `${set.prefix}: choosing "${choice.options[option]}" should be read as ${id}`);
        });
      }
    });
  }
});

describe('order sets: clinical content from the seed', () => {
  const byPrefix = new Map(ORDER_SETS.map((s) => [s.prefix, s]));

  it('the full workup orders every test of the seed\'s Evaluation section', () => {
    const expects = new Set(byPrefix.get('cc-workup')!.expects);
    for (const id of [
      'cbc', 'bmp', 'creatinine', 'bun', 'calcium', 'phosphate', 'albumin', 'total-protein', 'pth', 'vitamin-d-25oh',
      'urine-calcium-24h', 'urine-phosphate-24h', 'ck', 'ldh', 'ast', 'alt', 'aldolase', 'ana', 'anti-dsdna', 'anti-ena',
      'anti-ro', 'anti-la', 'anti-sm', 'anti-rnp', 'anti-scl-70', 'anti-jo-1', 'bicarbonate', 'ph',
    ]) {
      assert.ok(expects.has(id), `full workup does not expect ${id}`);
    }
    const body = source(byPrefix.get('cc-workup')!);
    for (const words of [/radiograph/i, /ultrasound/i, /scintigraphy/i, /\bCT\b/, /\bMRI\b/, /biopsy/i, /von Kossa/i]) assert.match(body, words);
  });

  const doses: Array<[string, RegExp[]]> = [
    ['cc-tx-diltiazem', [/\$\{1\|2,3,4\|\} mg\/kg\/day/]],
    ['cc-tx-warfarin', [/Warfarin 1 mg PO daily/]],
    ['cc-tx-bisphosphonate', [/Etidronate 800 mg PO daily/, /Alendronate 70 mg PO weekly/, /Pamidronate 90 mg IV weekly/]],
    ['cc-tx-minocycline', [/\$\{1\|50,100\|\} mg PO daily/]],
    ['cc-tx-ceftriaxone', [/Ceftriaxone 2 g .* daily for 20 days/]],
    ['cc-tx-aluminum', [/\$\{1\|2\.4,2\.24,1\.8\|\} g\/day/]],
    ['cc-tx-probenecid', [/Probenecid 1\.5 g\/day/]],
    ['cc-tx-thiosulfate', [/Topical sodium thiosulfate \(compounded with zinc oxide\)/, /Intralesional sodium thiosulfate/, /IV sodium thiosulfate/]],
    ['cc-tx-ivig', [/IVIG 2 g\/kg/]],
  ];
  for (const [prefix, patterns] of doses) {
    it(`${prefix} carries the seed's dose or routes as choices`, () => {
      const body = source(byPrefix.get(prefix)!);
      for (const p of patterns) assert.match(body, p);
    });
  }

  it('the assessment offers the five types as its first choice, and extent as its second', () => {
    const set = byPrefix.get('cc-assessment')!;
    assert.deepEqual(set.choiceExpects?.[1], [
      'calcinosis-dystrophic',
      'calcinosis-metastatic',
      'calcinosis-idiopathic',
      'calcinosis-iatrogenic',
      'calciphylaxis',
    ]);
    assert.deepEqual(set.choiceExpects?.[2], ['calcinosis-circumscripta', 'calcinosis-universalis']);
  });
});
