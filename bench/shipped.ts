// The analysis as the server runs it. The bench itself runs under tsx, which compiles each
// source file to a module of its own and reads every imported name through a getter; the
// server is one esbuild bundle, minified, where those calls are plain function calls. Timing
// the source through tsx measured about 4 ms more per megabyte than the bundle (72 against
// 67-69 ms on 2026-11-26), time no user pays. So the throughput and edit measures call a
// bundle built exactly as the server's (the production options and the ASCII-only rewrite of
// esbuild.options.cjs, which esbuild.mjs uses too), made fresh once per run by the parent
// bench process (`buildShipped`), and loaded here.

import { buildSync, type BuildOptions } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Entry from './shippedEntry';

export const SHIPPED_BUNDLE = join(__dirname, '..', 'out', 'bench', 'analysis.cjs');

/** Set once this process has built the bundle; child processes inherit it and load that build. */
const BUILT_FOR_THIS_RUN = 'CALCINOSIS_NOTES_BENCH_BUNDLE';

/** The build script's shared options (plain CommonJS, typed here). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildOptions = require('../esbuild.options.cjs') as {
  bundleOptions(production: boolean): BuildOptions;
  asciiOnly(outfile: string): void;
};

/** Bundles bench/shippedEntry.ts as esbuild.mjs bundles the server for production. */
export function buildShipped(): void {
  process.env[BUILT_FOR_THIS_RUN] = SHIPPED_BUNDLE;
  buildSync({ ...buildOptions.bundleOptions(true), entryPoints: [join(__dirname, 'shippedEntry.ts')], outfile: SHIPPED_BUNDLE });
  buildOptions.asciiOnly(SHIPPED_BUNDLE);
}

let loaded: typeof Entry | undefined;

/**
 * The bundled analysis: the build of this bench run, or a fresh one when there is none (a
 * child started alone, which must not time a bundle left over from older source).
 */
export function shipped(): typeof Entry {
  if (!loaded) {
    if (process.env[BUILT_FOR_THIS_RUN] !== SHIPPED_BUNDLE || !existsSync(SHIPPED_BUNDLE)) buildShipped();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(SHIPPED_BUNDLE) as typeof Entry;
  }
  return loaded;
}
