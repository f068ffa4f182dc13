export { devProject, type DevProject } from './dev-project.js';
