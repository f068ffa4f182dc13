#!/usr/bin/env node
// A bundle per app for production images: `node dist/bundle/main.js` reads a few files instead of resolving and
// compiling ~1,500 modules, which is most of a Nest app's boot. It bundles tsc's output (dist/main.js), where the
// decorator metadata Nest injects by is already emitted (esbuild emits none). The tracing entry, loaded first with
// `node --import`, is an entry of its own beside it. Run from an app folder after tsc:
//
//   bundle-app            dist/main.js → dist/bundle/main.js
//                         dist/instrumentation.js → dist/bundle/instrumentation.js
//                         what they share, and what they import lazily → dist/bundle/<name>-<hash>.js
//   bundle-app --external @nestjs/platform-express
//                         also leaves that package out of the app's bundle (repeatable): for a package the app
//                         never loads, which a bundled library would otherwise import at start
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

/**
 * Left out of the bundle and imported from node_modules at run time:
 * - modules the OpenTelemetry instrumentation patches when they are imported (`node --import
 *   dist/instrumentation.js`), which it cannot do to a copy inside the bundle;
 * - Nest's optional packages, which it loads only if they are installed (none of them is);
 * - pg's native binding, which pg loads only when asked to.
 */
export const EXTERNAL_PACKAGES = [
  'pg',
  'pg-native',
  'ioredis',
  'bullmq',
  'express',
  '@nestjs/microservices',
  '@nestjs/websockets',
  'class-transformer',
  'class-validator',
];

/**
 * Node builtins that bundled ES modules (Nest's) import but that are cheaper to `require`: the ES module view of
 * `http` reads every export once, and its lazy `WebSocket`, `MessageEvent` and `CloseEvent` getters then load
 * undici, about 30 ms of a boot for a client neither app uses. `require('node:http')` reads none of them.
 */
const BUILTINS_THROUGH_REQUIRE = /^(node:)?http$/;

function builtinsThroughRequire() {
  return {
    name: 'builtins-through-require',
    setup(builder) {
      builder.onResolve({ filter: BUILTINS_THROUGH_REQUIRE }, ({ path, kind }) =>
        kind === 'import-statement' || kind === 'dynamic-import'
          ? { path: path.replace(/^node:/, ''), namespace: 'builtin-through-require' }
          : undefined,
      );
      builder.onLoad({ filter: /.*/, namespace: 'builtin-through-require' }, ({ path }) => ({
        contents: `module.exports = require('node:${path}');`,
        loader: 'js',
      }));
    },
  };
}

/** `path` as a relative module specifier from the bundle's folder (`../../packages/db/dist/migrations.js`). */
function fromBundle(outdir, path) {
  const relativePath = relative(outdir, path).split(sep).join('/');
  return relativePath.startsWith('.') ? relativePath : `./${relativePath}`;
}

/** Bundled CommonJS packages call `require`, which an ES module lacks: give the bundle one. */
const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Workspace code finds files beside its own (packages/db reads its migrations from `../drizzle`) through
 * `import.meta`. Inside the bundle that would name the bundle, so each workspace file gets its own location back,
 * relative to the bundle: the image keeps the repository's layout, so the same relative path holds there.
 */
function keepModuleLocations(outdir) {
  return {
    name: 'keep-module-locations',
    setup(builder) {
      builder.onLoad({ filter: /\.js$/ }, async ({ path }) => {
        if (path.split(sep).includes('node_modules')) return undefined;
        const source = await readFile(path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const url = `new URL(${JSON.stringify(fromBundle(outdir, path))}, import.meta.url).href`;
        return {
          contents: source
            .replaceAll('import.meta.url', url)
            .replaceAll('import.meta.filename', `__fileURLToPath(${url})`)
            .replaceAll('import.meta.dirname', `__dirname(__fileURLToPath(${url}))`)
            .replace(
              /^/,
              "import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __dirname } from 'node:path';\n",
            ),
          loader: 'js',
          resolveDir: dirname(path),
        };
      });
    },
  };
}

/**
 * Workspace modules imported with `import()` that must stay modules of their own, imported from where they lie
 * (relative to the bundle) rather than bundled: the tracing SDK. Its loader hook is registered from
 * node_modules, and the hook's in-process half must be that same copy of import-in-the-middle, not a bundled one.
 */
const LOADED_IN_PLACE = [/[\\/]telemetry[\\/]dist[\\/]tracing[\\/]tracing-sdk\.js$/];

function keepLoadedInPlace(outdir) {
  return {
    name: 'keep-loaded-in-place',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, ({ kind, path, resolveDir }) => {
        const target = join(resolveDir, path);
        if (kind !== 'dynamic-import' || !LOADED_IN_PLACE.some((pattern) => pattern.test(target)))
          return undefined;
        return { path: fromBundle(outdir, target), external: true };
      });
    },
  };
}

/**
 * Bundles tsc's output for Node 24 into `outdir`: `main.js` from dist/main.js and, when the app has one, the
 * tracing entry `instrumentation.js` (loaded first with `node --import`) from dist/instrumentation.js.
 *
 * Both come from one build with code splitting, into chunks beside them:
 * - what both entries use (the configuration package, zod, the OpenTelemetry API) is one chunk, which Node
 *   compiles and evaluates once even though two entries import it;
 * - what is imported with `import()` (the storage drivers and the AWS SDK, pino-pretty, Nest's adapters) is a
 *   chunk of its own, read only when it is used, so the start reads and compiles less.
 *
 * The packages above and `external` stay out. An external package is imported when its importer is, wherever the
 * import sits: a bundled module's `import express from 'express'` is hoisted into the chunk that holds it, even
 * if that module never runs. So a package the app never uses but a bundled library can load (the worker creates
 * no HTTP app, yet Nest's core can load its Express adapter) is better left external as a whole.
 */
export async function bundleApp({ outdir = 'dist/bundle', external = [] } = {}) {
  const folder = join(process.cwd(), outdir);
  const entryPoints = { main: 'dist/main.js' };
  if (existsSync('dist/instrumentation.js'))
    entryPoints.instrumentation = 'dist/instrumentation.js';
  await rm(folder, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir,
    // Beside the entries, not in a subfolder: the paths the plugins write are relative to this folder.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    external: [...EXTERNAL_PACKAGES, ...external],
    banner: { js: REQUIRE_BANNER },
    plugins: [builtinsThroughRequire(), keepLoadedInPlace(folder), keepModuleLocations(folder)],
    logLevel: 'warning',
  });
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { external: { type: 'string', multiple: true } } });
  await bundleApp({ external: values.external });
}
