export { QueueModule } from './queue.module.js';
export { RedisModule } from './redis.module.js';
export { REDIS } from './redis.tokens.js';
