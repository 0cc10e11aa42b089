// Bundles the client, the server and the CLI into dist/, one file each.
import { readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expression
 * literals (µ, ≤, – in the lab patterns). One such character makes Node hold the whole
 * bundle's source as two-byte text: 931 KB of heap for the 475 KB server bundle, for as
 * long as the server runs. A \uXXXX escape means the same character in a regular expression
 * (with or without the u flag), a string or an identifier, so every one is written that way.
 * (In the development build, the source map's columns on those few lines shift by five a character.)
 */
function asciiOnly(outfile) {
  const source = readFileSync(outfile, 'utf8');
  const ascii = source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== source) writeFileSync(outfile, ascii);
}

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];
await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b }).then(() => asciiOnly(b.outfile))));
