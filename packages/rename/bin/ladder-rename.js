#!/usr/bin/env node
// A committed shim so pnpm can link the bin before `dist` exists; the CLI itself is compiled TypeScript.
await import('../dist/cli/run.js');
