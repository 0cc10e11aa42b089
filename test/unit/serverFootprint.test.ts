// The server stays small in memory. Some of what it could cost is decided by which
// built-in APIs its code calls at all, so those are checked in the source.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('server footprint', () => {
  it('no server code formats or compares through ICU (its first use keeps about 6 MB resident)', () => {
    // Measured on Node 20: the first toLocaleString, Intl formatter or localeCompare pages in
    // 3–6 MB of locale data that stays in the server's RSS (bench: RSS after a 10 MB note).
    const icu = /\.toLocale(?:String|DateString|TimeString|UpperCase|LowerCase)\(|\bIntl\.|\.localeCompare\(/;
    const offenders = sourcesUnder(join(root, 'server', 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => icu.test(line.replace(/\/\/.*$/, '')) && !/^\s*\*/.test(line))
        .map(({ at }) => at),
    );
    assert.deepEqual(offenders, []);
  });
});
