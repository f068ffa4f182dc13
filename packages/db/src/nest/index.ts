export { DatabaseModule } from './database.module.js';
export { DATABASE } from './database.tokens.js';
