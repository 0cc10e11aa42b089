// Grammar tests: every test/grammar/*.note fixture is a vscode-tmgrammar-test unit
// test (`// SYNTAX TEST "text.clinical-note"` header, then `^` scope assertions).
// `npm run test:grammar` runs the tool's own CLI; this runner (used by `npm test`)
// runs the same engine through its API so it can report one count per assertion.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createRegistry } = require('vscode-tmgrammar-test/dist/common/index.js');
const { parseGrammarTestCase, runGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const grammarPath = path.join(root, 'syntaxes/clinical-note.tmLanguage.json');
const { scopeName } = JSON.parse(readFileSync(grammarPath, 'utf8'));
const registry = createRegistry([{ path: grammarPath, scopeName }]);

let passed = 0;
let failed = 0;
for (const file of readdirSync(here).filter((f) => f.endsWith('.note')).sort()) {
  const testCase = parseGrammarTestCase(readFileSync(path.join(here, file), 'utf8'));
  const total = testCase.assertions.reduce((n, a) => n + a.scopeAssertions.length, 0);
  const failures = await runGrammarTestCase(registry, testCase);
  // One assertion can fail on several tokens; count each assertion once (the one whose
  // caret range on that source line holds the failing token).
  const failedAssertions = new Set();
  for (const f of failures) {
    testCase.assertions.forEach((line, i) => {
      if (line.sourceLineNumber !== f.srcLine) return;
      line.scopeAssertions.forEach((a, j) => {
        if (f.start < a.to && a.from < f.end) failedAssertions.add(`${i}:${j}`);
      });
    });
  }
  for (const f of failures) {
    const src = testCase.source[f.srcLine];
    console.log(`  ✖ ${file}:${f.line + 1} "${src.slice(f.start, f.end)}" missing [${f.missing.join(' ')}] unexpected [${f.unexpected.join(' ')}] actual [${f.actual.join(' ')}]`);
  }
  failed += failedAssertions.size;
  passed += total - failedAssertions.size;
  console.log(`${failedAssertions.size ? '✖' : '✓'} ${file}: ${total - failedAssertions.size}/${total} assertions`);
}
console.log(`##counts ${JSON.stringify({ passed, failed })}`);
process.exitCode = failed ? 1 : 0;
