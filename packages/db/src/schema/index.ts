export * from './environment-stamp.js';
export * from './report-events.js';
export * from './report-outbox.js';
export * from './reports.js';
