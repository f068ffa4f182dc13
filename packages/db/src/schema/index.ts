export * from './environment-stamp.js';
export * from './report-events.js';
export * from './reports.js';
