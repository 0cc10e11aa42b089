// Loads the analysis and the features (dist/noteFeatures.js) when the first note needs them.

import type * as NoteFeatures from './noteFeatures';
import { timed } from './timing';

/**
 * The analysis bundle could not be loaded: a broken install, or server.js copied without
 * noteFeatures.js. Said once, plainly, instead of an internal error on every keystroke.
 */
export class FeaturesUnavailable extends Error {
  constructor(cause: unknown) {
    // The error's code (MODULE_NOT_FOUND) or class (SyntaxError), never its message: loading
    // reads no note, but the message of an error thrown while loading is not ours to vouch for.
    const code = (cause as { code?: unknown })?.code;
    const why = typeof code === 'string' ? code : cause instanceof Error ? cause.constructor.name : typeof cause;
    super(
      `Calcinosis Notes cannot analyse notes: its analysis (noteFeatures.js, which must sit beside server.js) ` +
        `could not be loaded (${why}). Reinstall the extension, or rebuild with npm run build.`,
    );
  }
}

/**
 * The analysis and the features, loaded when the first note needs them. Loading them builds
 * the knowledge tables, the lab-name and section regexes and the assertion tables: 25–30 ms, most of
 * the difference between our cold start and a bare vscode-languageserver process's. An editor
 * waits for the `initialize` answer before it sends anything, so that answer goes first.
 * They are a bundle of their own, dist/noteFeatures.js beside dist/server.js (esbuild.mjs),
 * so that starting the server does not even parse them. (One bundle with this require inside
 * it would also load them lazily, but esbuild then wraps every module for deferred
 * initialisation, and the whole analysis of 1 MB ran 3 ms slower that way.)
 */
let loadedFeatures: typeof NoteFeatures | undefined;
export function noteFeatures(): typeof NoteFeatures {
  if (loadedFeatures) return loadedFeatures;
  try {
    return (loadedFeatures = timed('load-note-features', () => require('./noteFeatures') as typeof NoteFeatures));
  } catch (error) {
    throw new FeaturesUnavailable(error);
  }
}

