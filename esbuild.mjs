// Bundles the client, the server and the CLI into dist/, one file each.
import * as esbuild from 'esbuild';
import buildOptions from './esbuild.options.cjs';

const { bundleOptions, asciiOnly } = buildOptions;
const common = bundleOptions(process.argv.includes('--production'));

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];
await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b }).then(() => asciiOnly(b.outfile))));
