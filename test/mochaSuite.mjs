// Runs mocha on the given globs with the spec reporter and ends with a machine-readable
// count line (`##counts {...}`) that test/runAll.mjs adds up.
// Usage: node --import tsx test/mochaSuite.mjs 'test/unit/**/*.test.ts' ...
import Mocha from 'mocha';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Node 20 has no fs.globSync: patterns here are always DIR/**/*SUFFIX.
function globSync(pattern) {
  const [base, rest] = pattern.split('/**/');
  const suffix = (rest ?? '').replace(/^\*/, '');
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true })
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(base, f));
}

const files = process.argv.slice(2).flatMap((pattern) => globSync(pattern)).sort();
const mocha = new Mocha({ reporter: 'spec', timeout: 60000 });
for (const file of files) mocha.addFile(file);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes = 0, pending = 0 } = runner.stats ?? {};
  console.log(`##counts ${JSON.stringify({ passed: passes, failed: failures, skipped: pending })}`);
  process.exitCode = failures ? 1 : 0;
});
