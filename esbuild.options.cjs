// How every bundle is built, in one place: esbuild.mjs builds the extension with these, and the
// bench (bench/shipped.ts) builds the analysis it times with the same production options, so
// the bench cannot drift to timing a build other than the one that ships. CommonJS, so that
// the plain-Node build script and the TypeScript bench (run by tsx) can both load it.
const { readFileSync, writeFileSync } = require('node:fs');

/** esbuild options shared by every bundle; `production` minifies and drops source maps. */
function bundleOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
  };
}

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

module.exports = { bundleOptions, asciiOnly };
