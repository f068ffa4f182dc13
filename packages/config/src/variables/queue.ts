import { APP_ENVIRONMENTS } from '../environments.js';
import { integerValue, textValue, urlValue } from './value-types.js';
import { defineVariable } from './variable.js';

/** Redis and the BullMQ queues that live in it. */
export const queueVariables = {
  REDIS_URL: defineVariable(urlValue(['redis', 'rediss']), {
    description:
      'Redis connection string for queues, heartbeats and rate limits (maxmemory-policy must be noeviction).',
    example: 'rediss://:****@cache.internal:6379/0',
    requiredIn: APP_ENVIRONMENTS,
    apps: ['web', 'worker'],
    sensitive: true,
    configPath: 'redis.url',
    resource: 'url',
    group: 'queue',
    exampleFiles: {
      development: 'redis://localhost:6379/0',
      staging: 'rediss://:CHANGE_ME@CHANGE_ME.internal:6379/0',
      production: 'rediss://:CHANGE_ME@CHANGE_ME.internal:6379/0',
    },
  }),
  QUEUE_PREFIX: defineVariable(
    textValue({
      regex: /^[A-Za-z0-9][A-Za-z0-9:_-]{0,63}$/,
      expected: 'letters, digits, ":", "_" or "-" (64 at most)',
    }),
    {
      description:
        'Prefix of every Redis key the queues use; it must not name another environment.',
      example: 'ladder-production',
      default: {
        development: 'ladder-development',
        test: 'ladder-test',
        staging: 'ladder-staging',
        production: 'ladder-production',
      },
      apps: ['web', 'worker'],
      sensitive: false,
      configPath: 'queue.prefix',
      resource: 'name',
      group: 'queue',
      exampleFiles: {
        development: 'ladder-development',
        staging: 'ladder-staging',
        production: 'ladder-production',
      },
    },
  ),
  WORKER_CONCURRENCY: defineVariable(integerValue(1, 256), {
    description: 'How many jobs one worker process runs at the same time.',
    example: '5',
    default: '5',
    apps: ['worker'],
    sensitive: false,
    configPath: 'queue.workerConcurrency',
    group: 'queue',
    exampleFiles: { development: '5', staging: '5', production: '5' },
  }),
};
