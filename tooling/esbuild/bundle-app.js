#!/usr/bin/env node
// One ESM file per app for production images: `node dist/bundle/main.js` reads one file instead of resolving and
// compiling ~1,500 modules, which is most of a Nest app's boot. It bundles tsc's output (dist/main.js), where the
// decorator metadata Nest injects by is already emitted (esbuild emits none). Run from an app folder after tsc:
//
//   bundle-app            dist/main.js → dist/bundle/main.js
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

/** Bundles `entry` (tsc's output) into `outfile`, for Node 24, with the packages above left external. */
export async function bundleApp({ entry = 'dist/main.js', outfile = 'dist/bundle/main.js' } = {}) {
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
    plugins: [keepModuleLocations(outdir)],
    logLevel: 'warning',
  });
}

if (import.meta.main) await bundleApp();
