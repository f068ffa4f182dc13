export { REPORT_JOB_OPTIONS, REPORTS_QUEUE, type ReportJobData } from './queues.js';
export { createRedis } from './redis-connection.js';
export { claimRedisEnvironment, readRedisEnvironment } from './redis-environment-stamp.js';
export {
  HEARTBEAT_INTERVAL_MS,
  liveWorkers,
  publishHeartbeat,
  removeHeartbeat,
  type WorkerHeartbeat,
} from './worker-heartbeats.js';
