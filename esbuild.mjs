// Bundles the client, the server and the CLI into dist/, one file each, except that the
// server's analysis and features are a second file beside it (see `noteFeatures()` in
// server/src/noteFeaturesLoader.ts): the server loads them when the first note needs them.
import * as esbuild from 'esbuild';
import buildOptions from './esbuild.options.cjs';

const { bundleOptions, asciiOnly } = buildOptions;
const common = bundleOptions(process.argv.includes('--production'));

/** Leaves server.ts's require('./noteFeatures') for Node to resolve, to dist/noteFeatures.js. */
const noteFeaturesBeside = {
  name: 'note-features-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/noteFeatures$/ }, () => ({ path: './noteFeatures.js', external: true }));
  },
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [noteFeaturesBeside] },
  { entryPoints: ['server/src/noteFeatures.ts'], outfile: 'dist/noteFeatures.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];
await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b }).then(() => asciiOnly(b.outfile))));
