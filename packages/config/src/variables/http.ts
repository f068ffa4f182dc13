import { DEPLOYED_ENVIRONMENTS } from '../environments.js';
import {
  booleanValue,
  hostListValue,
  integerValue,
  originListValue,
  trustProxyValue,
  urlValue,
} from './value-types.js';
import { defineVariable } from './variable.js';

/** How the web app is reached: its port and public address, and who may talk to it. */
export const httpVariables = {
  PORT: defineVariable(integerValue(1, 65535), {
    description: 'TCP port the web app listens on.',
    example: '3000',
    default: '3000',
    apps: ['web'],
    sensitive: false,
    configPath: 'http.port',
    group: 'http',
    exampleFiles: { development: '3000', staging: '3000', production: '3000' },
  }),
  PUBLIC_URL: defineVariable(urlValue(['http', 'https']), {
    description: 'The address users reach the app at; https in staging and production.',
    example: 'https://app.example.com',
    default: { development: 'http://localhost:3000', test: 'http://localhost:3000' },
    requiredIn: DEPLOYED_ENVIRONMENTS,
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'http.publicUrl',
    resource: 'url',
    group: 'http',
    exampleFiles: {
      development: 'http://localhost:3000',
      staging: 'https://staging.CHANGE_ME.example',
      production: 'https://app.CHANGE_ME.example',
    },
  }),
  ALLOWED_HOSTS: defineVariable(hostListValue(), {
    description:
      'Host names the web app answers to; any other Host header gets 400 (blocks DNS rebinding and host-header injection).',
    example: 'app.example.com,.example.com',
    default: { development: 'localhost,127.0.0.1,[::1]', test: 'localhost,127.0.0.1,[::1]' },
    requiredIn: DEPLOYED_ENVIRONMENTS,
    apps: ['web'],
    sensitive: false,
    configPath: 'http.allowedHosts',
    resource: 'host-list',
    group: 'http',
    exampleFiles: {
      development: 'localhost,127.0.0.1,[::1]',
      staging: 'staging.CHANGE_ME.example',
      production: 'app.CHANGE_ME.example',
    },
  }),
  CORS_ALLOWED_ORIGINS: defineVariable(originListValue(), {
    description: 'Browser origins allowed to call the API cross-origin; empty allows none.',
    example: 'https://app.example.com,https://admin.example.com',
    default: '',
    apps: ['web'],
    sensitive: false,
    configPath: 'http.corsAllowedOrigins',
    resource: 'origin-list',
    group: 'http',
    exampleFiles: {
      staging: 'https://staging.CHANGE_ME.example',
      production: 'https://app.CHANGE_ME.example',
    },
  }),
  SESSION_COOKIE_SECURE: defineVariable(booleanValue(), {
    description: 'Send session cookies over HTTPS only. Must be true in staging and production.',
    example: 'true',
    default: { development: 'false', test: 'false', staging: 'true', production: 'true' },
    apps: ['web'],
    sensitive: false,
    configPath: 'http.sessionCookieSecure',
    group: 'http',
    exampleFiles: { development: 'false', staging: 'true', production: 'true' },
  }),
  TRUST_PROXY: defineVariable(trustProxyValue(), {
    description:
      "Express 'trust proxy': how many proxy hops (or which addresses) may set X-Forwarded-*; decides client IPs and https detection.",
    example: '1',
    default: 'false',
    apps: ['web'],
    sensitive: false,
    configPath: 'http.trustProxy',
    group: 'http',
    exampleFiles: { development: 'false', staging: '1', production: '1' },
  }),
  HTTP_HEADERS_TIMEOUT_SECONDS: defineVariable(integerValue(1, 120), {
    description:
      'How long a client may take to send the request line and headers before the web app answers 408 and closes the connection (slow-header attacks).',
    example: '10',
    default: '10',
    apps: ['web'],
    sensitive: false,
    configPath: 'http.headersTimeoutSeconds',
    group: 'http',
    fingerprinted: false,
  }),
  HTTP_REQUEST_TIMEOUT_SECONDS: defineVariable(integerValue(1, 600), {
    description:
      'How long a client may take to send a whole request, body included, before the web app answers 408 and closes the connection, so no client holds a connection by trickling bytes.',
    example: '30',
    default: '30',
    apps: ['web'],
    sensitive: false,
    configPath: 'http.requestTimeoutSeconds',
    group: 'http',
    fingerprinted: false,
  }),
  HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: defineVariable(integerValue(1, 600), {
    description:
      'How long an idle keep-alive connection stays open. Keep it above the load balancer idle timeout (60 s on common ones), so the proxy, not the app, closes idle connections.',
    example: '65',
    default: '65',
    apps: ['web'],
    sensitive: false,
    configPath: 'http.keepAliveTimeoutSeconds',
    group: 'http',
    fingerprinted: false,
  }),
};
