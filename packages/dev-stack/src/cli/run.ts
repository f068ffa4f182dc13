import { setHostVariableDefault } from '@repo/config/host';

// A reader that went away (a closed terminal, a crashed parent) must not crash the runner halfway through
// stopping the apps and the services: output is best effort, cleanup is not.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

// The dev stack must outlive this process: Ctrl-C stops it and the next run reuses it. testcontainers' reaper
// would remove its containers once this process exits, so the runner manages the stack's lifecycle itself.
setHostVariableDefault('TESTCONTAINERS_RYUK_DISABLED', 'true');

const { runDevCli } = await import('./main.js');
process.exitCode = await runDevCli(process.argv.slice(2));
