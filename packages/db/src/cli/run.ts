import { runDatabaseCli } from './main.js';

process.exitCode = await runDatabaseCli(process.argv.slice(2));
