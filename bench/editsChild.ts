// Runs the in-process edit benchmark for one corpus in a process of its own, so that the
// heap the main bench process has grown (cspell-lib's and Harper's data, every sample) does
// not add its garbage-collection pauses to our timings. Prints the EditBench as JSON.
//   tsx bench/editsChild.ts <corpus path> <name> <bytes> <edits>

import { editBench } from './inprocess';

const [path, name, bytes, count] = process.argv.slice(2);
if (!path || !name || !bytes || !count) {
  process.stderr.write('usage: editsChild.ts <corpus path> <name> <bytes> <edits>\n');
  process.exit(2);
}
process.stdout.write(JSON.stringify(editBench({ path, name, bytes: Number(bytes) }, Number(count))));
