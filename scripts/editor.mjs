// `npm run editor`: VS Code in the browser (code-server 4.100.3) with Calcinosis Notes installed
// and the examples/ folder open, for people without VS Code. Listens on 127.0.0.1 only.
// Options: --port N (default: 8080 when free, else any free port). Stop with Ctrl+C.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildVsix, ensureCodeServer, freePort, PrerequisiteError, ROOT, startCodeServer, VSIX } from './codeServer.mjs';

const portArg = process.argv.indexOf('--port');
const wanted = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;

function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

try {
  console.log('Preparing code-server (the first run installs it, a few minutes)…');
  const bin = ensureCodeServer();
  console.log('Building the extension…');
  buildVsix({ log: () => {} });
  const port = wanted ?? ((await isFree(8080)) ? 8080 : await freePort());
  const server = await startCodeServer({ bin, vsix: VSIX, folder: join(ROOT, 'examples'), port });
  console.log(`\nCalcinosis Notes is running in VS Code for the browser:\n\n  ${server.folderUrl}\n`);
  console.log('Open that address in a browser on this machine and open calcinosis-follow-up.note.');
  console.log('The examples/ folder of this repository is open: edits you save change those files.');
  console.log('Stop with Ctrl+C.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
} catch (error) {
  console.error(error instanceof PrerequisiteError ? error.message : `npm run editor failed: ${error.message}`);
  process.exitCode = 1;
}
