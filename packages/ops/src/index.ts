export { ManagementServer } from './management-server.js';
export { shortReason } from './short-reason.js';
