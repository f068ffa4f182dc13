export { freePort, isPortFree } from './ports.js';
export { devProject, type DevProject } from './dev-project.js';
