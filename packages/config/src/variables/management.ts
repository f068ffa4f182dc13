import { integerValue } from './value-types.js';
import { defineVariable } from './variable.js';

/**
 * The ops surface (liveness, readiness, worker status, the status page, later metrics) listens on its own port
 * in each app, like Spring Boot's `management.server.port`: probes and operators reach it, the public Service and
 * the Ingress never do. Two variables, because in development both apps share one host.
 */
export const managementVariables = {
  MANAGEMENT_PORT: defineVariable(integerValue(1, 65535), {
    description:
      "TCP port of the web app's management server (health, readiness, workers, status page); never the public port, and never behind the Ingress.",
    example: '9464',
    default: '9464',
    apps: ['web'],
    sensitive: false,
    configPath: 'management.port',
    group: 'management',
    exampleFiles: { development: '9464', staging: '9464', production: '9464' },
  }),
  WORKER_MANAGEMENT_PORT: defineVariable(integerValue(1, 65535), {
    description:
      "TCP port of the worker's management server (health, readiness); differs from MANAGEMENT_PORT so both apps fit on one host in development.",
    example: '9465',
    default: '9465',
    apps: ['worker'],
    sensitive: false,
    configPath: 'management.workerPort',
    group: 'management',
    exampleFiles: { development: '9465', staging: '9465', production: '9465' },
  }),
};
