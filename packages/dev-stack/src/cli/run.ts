import { runDevCli } from './main.js';

process.exitCode = await runDevCli(process.argv.slice(2));
