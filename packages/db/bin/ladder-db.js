#!/usr/bin/env node
// A committed shim so pnpm can link the bin before `dist` exists; the CLI itself is compiled TypeScript.
// `#cli` is `dist/cli/run.js`, or the TypeScript source under the `@repo/source` condition the tests run with.
await import('#cli');
