// Untrusted workspaces and privacy, as specifications over the source and the data paths:
// nothing in a workspace can make the server run code or reach the network, and an internal
// error is logged without note text.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCustomTerms } from '../../../server/src/analysis/customTermsFile';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { describeInternalError } from '../../../server/src/internalError';
import { normalize } from '../../../server/src/settings';

const ROOT = join(__dirname, '..', '..', '..');

function sourcesUnder(dir: string): { path: string; code: string }[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ path: join(dir, f), code: readFileSync(join(ROOT, dir, f), 'utf8') }));
}

/** The code with comments and string/regex contents blanked, so only real calls are matched. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/`(?:\\.|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

const SERVER = sourcesUnder('server/src');
const CLIENT = sourcesUnder('client/src');

describe('robustness: untrusted workspaces and privacy', () => {
  it('the server and client never evaluate code: no eval, new Function, vm or child processes', () => {
    assert.ok(SERVER.length > 20, 'sources not found');
    for (const { path, code } of [...SERVER, ...CLIENT]) {
      const c = codeOnly(code);
      assert.doesNotMatch(c, /\beval\s*\(/, `${path} calls eval`);
      assert.doesNotMatch(c, /\bnew\s+Function\s*\(/, `${path} builds a Function`);
      assert.doesNotMatch(code, /from\s+['"](?:node:)?(?:vm|child_process|worker_threads)['"]/, `${path} imports a code-running module`);
      assert.doesNotMatch(code, /require\(\s*['"](?:node:)?(?:vm|child_process)['"]\s*\)/, `${path} requires a code-running module`);
    }
  });

  it('nothing is loaded from a computed path: every require() and import() names a literal module', () => {
    for (const { path, code } of [...SERVER, ...CLIENT]) {
      const c = code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
      for (const m of c.matchAll(/\b(require|import)\s*\(\s*([^)]*)\)/g)) {
        assert.match(m[2], /^['"][^'"]+['"]$/, `${path}: ${m[0]} loads a computed path`);
      }
    }
  });

  it('the server imports no networking module and calls no fetch', () => {
    for (const { path, code } of SERVER) {
      assert.doesNotMatch(code, /from\s+['"](?:node:)?(?:http|https|http2|net|tls|dns|dgram)['"]/, `${path} imports a networking module`);
      assert.doesNotMatch(codeOnly(code), /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/, `${path} reaches for the network`);
    }
  });

  it('the server sends no telemetry', () => {
    for (const { path, code } of SERVER) assert.doesNotMatch(codeOnly(code), /\.telemetry\.|telemetry\/event/, `${path} sends telemetry`);
  });

  it('a custom terms file is data: code in it becomes literal terms and is never run', () => {
    const hostile = [
      "require('child_process').execSync('touch /tmp/calcinosis-pwned')",
      '${process.exit(1)}',
      '__proto__\tpolluted',
      'constructor\tprototype',
      '<script>alert(1)</script>\tnot html',
      '(a+)+$',
    ].join('\n');
    const { terms } = parseCustomTerms(hostile);
    assert.deepEqual(
      terms.map((t) => t.term),
      ["require('child_process').execSync('touch /tmp/calcinosis-pwned')", '${process.exit(1)}', '__proto__', 'constructor', '<script>alert(1)</script>', '(a+)+$'],
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // Matched literally in a note, like any other term.
    const text = 'Note: ${process.exit(1)} and (a+)+$ written out.';
    const a = analyzeText(text, { customTerms: terms });
    assert.deepEqual(a.terms.toArray().filter((t) => t.custom).map((t) => t.text), ['${process.exit(1)}', '(a+)+$']);
  });

  it('settings are normalised to plain data: prototype keys and functions in workspace settings do nothing', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "severity": {"__proto__": "error", "constructor": "off"}, "referenceRanges": {"__proto__": [1, 2]}, "customTerms": [{"term": "x", "definition": {"toString": "boom"}}]}');
    const { settings, problems } = normalize(raw);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(settings.severity), Object.prototype);
    assert.ok(problems.some((p) => p.includes('severity.')));
    assert.deepEqual(settings.customTerms, [{ term: 'x', definition: undefined }]);
  });

  it('an internal error is logged with its class and code locations, never its message (which may quote the note)', () => {
    const error = new TypeError('cannot read "Ca 10.8 mg/dL, Mrs Smith, MRN 12345"');
    const line = describeInternalError('checking a note', error);
    assert.match(line, /TypeError/);
    assert.match(line, /checking a note/);
    assert.match(line, /untrusted\.test\.ts:\d+:\d+/);
    assert.doesNotMatch(line, /Smith|12345|10\.8/);
    assert.doesNotMatch(describeInternalError('x', 'Mrs Smith'), /Smith/);
  });
});
