// `npm test`: every suite that runs offline, one after the other, then one closing
// line "N passed, N failed" that counts them all.
//
// Each suite is a command whose last `##counts {"passed":…,"failed":…,"skipped":…}`
// line is added up; a suite that dies without one counts as one failure.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const node = process.execPath;
const suites = [
  { name: 'typecheck (tsc --noEmit, strict)', cmd: node, args: ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'], single: true },
  {
    name: 'unit and protocol tests (mocha)',
    cmd: node,
    args: ['--import', 'tsx', 'test/mochaSuite.mjs', 'test/unit/**/*.test.ts', 'test/protocol/**/*.test.ts'],
  },
  { name: 'grammar tests (vscode-tmgrammar-test)', cmd: node, args: ['test/grammar/run.mjs'], optionalFile: 'test/grammar/run.mjs' },
  { name: 'Neovim as an LSP client', cmd: node, args: ['test/neovim/run.mjs'], optionalFile: 'test/neovim/run.mjs' },
  { name: 'end to end in code-server (real VS Code)', cmd: node, args: ['test/e2e/run.mjs'], optionalFile: 'test/e2e/run.mjs' },
];

function runSuite(suite) {
  return new Promise((resolve) => {
    console.log(`\n=== ${suite.name} ===`);
    const child = spawn(suite.cmd, suite.args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let counts;
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('##counts ')) counts = JSON.parse(line.slice(9));
        else process.stdout.write(line + '\n');
      }
    });
    child.on('close', (code) => {
      if (buffer) process.stdout.write(buffer + '\n');
      if (suite.single) counts = code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
      if (!counts) counts = { passed: 0, failed: 1, note: `exited with ${code} without a count` };
      else if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1, note: `exited with ${code}` };
      resolve(counts);
    });
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
for (const suite of suites) {
  if (suite.optionalFile && !existsSync(suite.optionalFile)) continue;
  const c = await runSuite(suite);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped ?? 0;
  summary.push(`  ${suite.name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}${c.note ? ` (${c.note})` : ''}`);
}
console.log('\nSummary:\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed ? 1 : 0;
