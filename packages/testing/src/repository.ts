import { fileURLToPath } from 'node:url';

/** The checkout this package lives in (compiled code sits in packages/testing/dist). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const COMPOSE_FOLDER = fileURLToPath(new URL('../../../infra/compose/', import.meta.url));
