import { runDevCli } from './main.js';

// A reader that went away (a closed terminal, a crashed parent) must not crash the runner halfway through
// stopping the apps and the services: output is best effort, cleanup is not.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

process.exitCode = await runDevCli(process.argv.slice(2));
