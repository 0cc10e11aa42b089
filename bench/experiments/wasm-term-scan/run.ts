// Times scan.c, built to WebAssembly, against the term matcher it ports, on the 1 MB bench
// note: both find the built-in vocabulary's forms in the same text, warm, 30 runs after 10.
// An experiment for the decision in docs/performance-plan.md, not part of the extension.
// Run through run.sh, which builds scan.wasm and bundles this file.

import { readFileSync } from 'node:fs';
import { isWordCode, slotOf } from '../../../server/src/analysis/termMatcher';
import { matcherFor } from '../../../server/src/analysis/vocabulary';

const text = readFileSync('bench/corpora/note-1048576.note', 'utf8');
// The matcher's tables are private: this experiment reads them as they are (after one scan
// has built them).
const m: any = matcherFor([]);
m.scanInto('x', 0, 1);
m.releaseFound();

// One open-addressing table for every transition on an ASCII word (the matcher's own) and on
// an ASCII punctuation mark below the root (the matcher keeps those in a map per node).
const size: number = m.tParent.length * 2;
const mask = size - 1;
const tParent = new Int32Array(size);
const tHash = new Int32Array(size);
const tChild = new Int32Array(size);
const keyOff = new Int32Array(size);
const keyLen = new Int32Array(size);
const keyBytes: number[] = [];
const put = (node: number, h: number, key: string, to: number) => {
  let s = slotOf(node, h, mask);
  while (tParent[s] !== 0) s = (s + 1) & mask;
  tParent[s] = node + 1;
  tHash[s] = h;
  tChild[s] = to;
  keyOff[s] = keyBytes.length;
  keyLen[s] = key.length;
  for (const ch of key) keyBytes.push(ch.charCodeAt(0));
};
for (let s = 0; s < m.tParent.length; s++) if (m.tParent[s] !== 0) put(m.tParent[s] - 1, m.tHash[s], m.tKey[s], m.tChild[s]);
m.otherChildren.forEach((map: Map<string, number> | undefined, node: number) =>
  map?.forEach((to, key) => {
    if (node > 0 && key.length === 1 && key.charCodeAt(0) < 128) put(node, key.charCodeAt(0), key, to);
  }),
);

// The concept at each node, as a number; -2 where the node's forms have case or lab-context
// rules, whose entries are flattened into the rule arrays (in order, as accept() reads them).
const conceptIds = new Map<string, number>();
const conceptNames: string[] = [];
const idOf = (c: string) => {
  let k = conceptIds.get(c);
  if (k === undefined) conceptIds.set(c, (k = conceptNames.push(c) - 1));
  return k;
};
const nodes: number = m.entries.length;
const entryConcept = new Int32Array(nodes).fill(-1);
const ruleFrom = new Int32Array(nodes + 1);
const ruleConcept: number[] = [];
const ruleLab: number[] = [];
const ruleExactFrom: number[] = [];
const ruleExactCount: number[] = [];
const exactOff: number[] = [];
const exactLen: number[] = [];
const exactUnits: number[] = [];
let ruledNodes = 0;
m.entries.forEach((e: string | { concept: string; exact?: string[]; labContext?: boolean }[] | undefined, node: number) => {
  ruleFrom[node] = ruleConcept.length;
  if (typeof e === 'string') entryConcept[node] = idOf(e);
  else if (e) {
    ruledNodes++;
    entryConcept[node] = -2;
    for (const entry of e) {
      ruleConcept.push(idOf(entry.concept));
      ruleLab.push(entry.labContext ? 1 : 0);
      ruleExactFrom.push(entry.exact ? exactOff.length : -1);
      ruleExactCount.push(entry.exact ? entry.exact.length : 0);
      for (const word of entry.exact ?? []) {
        exactOff.push(exactUnits.length);
        exactLen.push(word.length);
        for (let c = 0; c < word.length; c++) exactUnits.push(word.charCodeAt(c));
      }
    }
  }
});
ruleFrom[nodes] = ruleConcept.length;
const rules = [ruleFrom, Int32Array.from(ruleConcept), Int32Array.from(ruleLab), Int32Array.from(ruleExactFrom), Int32Array.from(ruleExactCount), Int32Array.from(exactOff), Int32Array.from(exactLen), Uint16Array.from(exactUnits)];
// Letters beyond ASCII, as the matcher's isWordCode has them.
const wordUnit = new Uint8Array(65536);
for (let c = 128; c < 65536; c++) wordUnit[c] = isWordCode(c, String.fromCharCode(c), 0) ? 1 : 0;

// WebAssembly memory: the text (two bytes a code unit), the tables, the matches found. (The
// project's TypeScript settings have no WebAssembly types: the global is read untyped.)
const WA: any = (globalThis as { WebAssembly?: unknown }).WebAssembly;
const memory = new WA.Memory({ initial: 256 });
let top = 65536 * 2; // above the C program's own data and stack
const alloc = (bytes: number) => {
  const p = top;
  top += (bytes + 7) & ~7;
  while (top > memory.buffer.byteLength) memory.grow(16);
  return p;
};
const copyIn = (a: Int32Array | Uint16Array | Uint8Array) => {
  const p = alloc(a.byteLength);
  new Uint8Array(memory.buffer, p, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return p;
};
const pText = alloc(text.length * 2);
const tables = [m.rootHashBits, tParent, tHash, tChild, keyOff, keyLen, Uint8Array.from(keyBytes), m.hasChildren, entryConcept, m.rootPunct, wordUnit].map(copyIn);
const ruleTables = rules.map(copyIn);
const pStarts = alloc(text.length * 4);
const pEnds = alloc(text.length * 4);
const pConcepts = alloc(text.length * 4);
const wasm = new WA.Instance(new WA.Module(readFileSync(process.env.WASM!)), { env: { memory } });
wasm.exports.setup(pText, text.length, ...tables, mask, pStarts, pEnds, pConcepts, ...ruleTables);

const js: number[] = [];
const compiled: number[] = [];
const copy: number[] = [];
for (let r = 0; r < 40; r++) {
  let t = performance.now();
  m.scanInto(text, 0, text.length);
  js.push(performance.now() - t);
  t = performance.now();
  Buffer.from(memory.buffer, pText, text.length * 2).write(text, 'utf16le');
  copy.push(performance.now() - t);
  t = performance.now();
  const found: number = wasm.exports.scan(0, text.length);
  compiled.push(performance.now() - t);
  if (r === 39) {
    // Every match of the matcher, found the same by the port?
    const starts = new Int32Array(memory.buffer, pStarts, found);
    const ends = new Int32Array(memory.buffer, pEnds, found);
    const concepts = new Int32Array(memory.buffer, pConcepts, found);
    let same = 0;
    for (let a = 0, b = 0; a < m.found && b < found; ) {
      if (m.foundStarts[a] === starts[b]) {
        if (m.foundEnds[a] === ends[b] && m.foundConcepts[a] === conceptNames[concepts[b]!]) same++;
        a++;
        b++;
      } else if (m.foundStarts[a] < starts[b]!) a++;
      else b++;
    }
    console.log(`matches: the matcher ${m.found}, the port ${found}, of them the same ${same} (${ruledNodes} nodes with case or lab-context rules)`);
  }
  m.releaseFound();
}
const median = (x: number[]) => x.slice(10).sort((p, q) => p - q)[15]!.toFixed(2);
console.log(`1 MB term scan, median: the matcher (JavaScript) ${median(js)} ms; the port (WebAssembly) ${median(compiled)} ms, after ${median(copy)} ms to copy the text in`);
