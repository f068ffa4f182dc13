export {
  createDatabase,
  pingDatabase,
  type Database,
  type DatabaseOptions,
  type Db,
} from './client.js';
export { assertDatabaseEnvironment, readDatabaseEnvironment } from './environment-stamp.js';
export { pendingMigrations, runMigrations, type MigrationOutcome } from './migrations.js';
export { REPORT_LINK_SECONDS, reportFileKeys } from './report-file-keys.js';
export { ReportsRepository, type ReportRequest } from './reports-repository.js';
export { seedDevelopmentData } from './seed.js';
export type {
  Report,
  ReportEvent,
  ReportEventKind,
  ReportResult,
  ReportStatus,
} from './schema/index.js';
