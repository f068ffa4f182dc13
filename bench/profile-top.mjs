// Prints the functions with the most self time in a V8 CPU profile (`node --cpu-prof`), so a benchmark's
// remaining cost can be read without a browser:
//
//   node profile-top.mjs /tmp/prof/CPU.….cpuprofile [count]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { REPOSITORY_ROOT } from '@repo/testing';

const [file, count = '25'] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: node profile-top.mjs FILE.cpuprofile [count]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Each sample names the node that was on top of the stack; time deltas say how long it stayed there.
const selfMicroseconds = new Map();
profile.samples.forEach((nodeId, index) => {
  selfMicroseconds.set(
    nodeId,
    (selfMicroseconds.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0),
  );
});

const where = ({ url, lineNumber }) => {
  if (url === '') return '';
  const path = url.startsWith('file://') ? relative(REPOSITORY_ROOT, new URL(url).pathname) : url;
  // Keep what follows the last node_modules: the package and file, not pnpm's store path.
  const short = path.includes('node_modules/')
    ? path.slice(path.lastIndexOf('node_modules/') + 13)
    : path;
  return `${short}:${lineNumber + 1}`;
};

const byFunction = new Map();
let total = 0;
for (const node of profile.nodes) {
  const micros = selfMicroseconds.get(node.id) ?? 0;
  total += micros;
  const { functionName } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${where(node.callFrame)}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
}

const idle = [...byFunction]
  .filter(([key]) => key.startsWith('(idle)'))
  .reduce((sum, [, micros]) => sum + micros, 0);
const busy = total - idle;
process.stdout.write(
  `busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s sampled\n`,
);
for (const [key, micros] of [...byFunction]
  .filter(([key]) => !key.startsWith('(idle)'))
  .sort((left, right) => right[1] - left[1])
  .slice(0, Number(count)))
  process.stdout.write(`${((micros / busy) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
