// Preloaded with `node --import` by report-files.mjs: the worker's Storage.put becomes a no-op, so that run
// measures the worker without its storage writes. Imported by its real path, the same module instance the
// worker's `@repo/storage` resolves to.
import { Storage } from '../../packages/storage/dist/storage.js';

Storage.prototype.put = async () => undefined;
