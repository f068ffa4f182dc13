#!/usr/bin/env node
// One ESM file per app for production images: `node dist/bundle/main.js` reads one file instead of resolving and
// compiling ~1,500 modules, which is most of a Nest app's boot. It bundles tsc's output (dist/main.js), where the
// decorator metadata Nest injects by is already emitted (esbuild emits none). The tracing entry, loaded first with
// `node --import`, gets a bundle of its own beside it. Run from an app folder after tsc:
//
//   bundle-app            dist/main.js → dist/bundle/main.js
//                         dist/instrumentation.js → dist/bundle/instrumentation.js
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
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
        const fromBundle = relative(outdir, path).split(sep).join('/');
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
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
 * A workspace module imported with `import()` stays a module of its own, imported from where it lies, relative to
 * the bundle (esbuild would otherwise inline it and hoist its imports, loading them at once).
 */
function keepLazyImportsOutside(outdir) {
  return {
    name: 'keep-lazy-imports-outside',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, ({ kind, path, resolveDir }) => {
        if (kind !== 'dynamic-import' || resolveDir.split(sep).includes('node_modules'))
          return undefined;
        const fromBundle = relative(outdir, join(resolveDir, path)).split(sep).join('/');
        return {
          path: fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`,
          external: true,
        };
      });
    },
  };
}

/**
 * One ESM file for Node 24 from `entry`, with the packages above left external; `plugins` gets the bundle's
 * folder, which the plugins resolve kept paths against.
 */
async function bundle(entry, outfile, plugins) {
  const outdir = dirname(join(process.cwd(), outfile));
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    external: EXTERNAL_PACKAGES,
    banner: { js: REQUIRE_BANNER },
    plugins: plugins(outdir),
    logLevel: 'warning',
  });
}

/** Bundles `entry` (tsc's output) into `outfile`, for Node 24, with the packages above left external. */
export async function bundleApp({ entry = 'dist/main.js', outfile = 'dist/bundle/main.js' } = {}) {
  await bundle(entry, outfile, (outdir) => [builtinsThroughRequire(), keepModuleLocations(outdir)]);
}

/**
 * Bundles the tracing entry: one file to read and compile instead of the configuration package's modules one by
 * one, which was most of the time `node --import` added to a boot. It holds the configuration and the tracing
 * switch; the OpenTelemetry SDK stays in node_modules, since the entry imports it lazily (`await
 * import('./tracing-sdk.js')`, kept outside the bundle) once tracing is on and its hook is in place. The
 * OpenTelemetry API it does hold keeps its state in one global, shared with the SDK's copy.
 */
export async function bundleInstrumentation({
  entry = 'dist/instrumentation.js',
  outfile = 'dist/bundle/instrumentation.js',
} = {}) {
  await bundle(entry, outfile, (outdir) => [
    keepLazyImportsOutside(outdir),
    keepModuleLocations(outdir),
  ]);
}

if (import.meta.main) {
  await bundleApp();
  if (existsSync('dist/instrumentation.js')) await bundleInstrumentation();
}
