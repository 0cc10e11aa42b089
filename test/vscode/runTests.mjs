// `npm run test:vscode`: the extension-host suite (test/vscode/suite/) inside real VS Code
// desktop, downloaded by @vscode/test-electron — so it needs a network connection to the VS Code
// download site, and on Linux a display (run it under `xvfb-run -a npm run test:vscode`).
// It runs twice: on the oldest VS Code that package.json's engines.vscode allows and on stable.
// Each run gets its own --user-data-dir and --extensions-dir and --disable-extensions, so only
// this extension is loaded. VSCODE_VERSIONS="1.100.0,stable" overrides the versions.
// `--build-only` bundles the suite and loads its entry point without starting VS Code.
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'out', 'vscode-suite');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const minimum = manifest.engines.vscode.replace(/^[\^~>=]+/, '');
const versions = (process.env.VSCODE_VERSIONS ?? `${minimum},stable`).split(',').map((v) => v.trim()).filter(Boolean);

// The suite is TypeScript (type-checked with the rest by `npm run typecheck`); bundle it for the
// extension host, keeping `vscode` (given by the host) and mocha (from node_modules) external.
rmSync(OUT, { recursive: true, force: true });
const suiteDir = join(ROOT, 'test', 'vscode', 'suite');
await esbuild.build({
  entryPoints: readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => join(suiteDir, f)),
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

if (process.argv.includes('--build-only')) {
  // Checks that the suite bundles and that its entry point loads (no VS Code needed).
  const { createRequire } = await import('node:module');
  const entry = createRequire(import.meta.url)(join(OUT, 'index.js'));
  if (typeof entry.run !== 'function') throw new Error('test/vscode/suite/index.ts does not export run()');
  console.log(`built ${readdirSync(OUT).filter((f) => f.endsWith('.js')).join(', ')} in ${OUT}`);
  process.exit(0);
}

let failed = 0;
for (const version of versions) {
  const home = mkdtempSync(join(tmpdir(), 'calcinosis-vscode-test-'));
  const workspace = join(home, 'examples');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  console.log(`\n=== VS Code ${version} ===`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(OUT, 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(home, 'user-data')}`,
        `--extensions-dir=${join(home, 'extensions')}`,
      ],
      extensionTestsEnv: { CALCINOSIS_WORKSPACE: workspace },
    });
  } catch (error) {
    failed++;
    console.error(`VS Code ${version}: ${error instanceof Error ? error.message : error}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
