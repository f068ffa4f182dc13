export { startComposeStack, type ComposeStack } from './compose-stack.js';
export { createDatabaseNamed, createTestDatabase } from './databases.js';
export { freePort } from './free-port.js';
export { freshCopy, processesUnder, removeCopy, runnerPid } from './fresh-copy.js';
export { isolatedEnvironment, testSecretKey } from './isolated-environment.js';
export { RunningProcess, startProcess, type ProcessExit } from './processes.js';
export { COMPOSE_FOLDER, REPOSITORY_ROOT } from './repository.js';
export { runOnStackNetwork } from './stack-container.js';
export { waitFor } from './wait-for.js';
