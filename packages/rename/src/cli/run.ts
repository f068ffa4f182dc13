import { findRepositoryRoot } from '@repo/config/host';
import { renameProject } from '../rename-command.js';

const output = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  error: (line: string) => process.stderr.write(`${line}\n`),
};
const [name, ...extra] = process.argv.slice(2);
const root = findRepositoryRoot(process.cwd());
if (name === undefined || extra.length > 0 || root === undefined) {
  output.error(
    'usage: pnpm rename <new-name>   (lower-case words joined by dashes, e.g. acme-billing)',
  );
  process.exitCode = 2;
} else {
  process.exitCode = renameProject(root, name, output);
}
