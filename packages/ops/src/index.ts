export {
  ManagementServer,
  type ManagementHandler,
  type ManagementReply,
} from './management-server.js';
export { shortReason } from './short-reason.js';
