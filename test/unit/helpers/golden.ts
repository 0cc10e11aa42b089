// Golden-file assertions: compare text with a pinned Markdown file under
// test/fixtures/hover/. UPDATE_SNAPSHOTS=1 (or a missing file) writes it, for review.

import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'fixtures', 'hover');

export function golden(name: string, actual: string): void {
  const file = join(DIR, `${name}.md`);
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual + '\n');
  }
  assert.equal(actual + '\n', readFileSync(file, 'utf8'), `hover for ${name} differs from ${file}`);
}
