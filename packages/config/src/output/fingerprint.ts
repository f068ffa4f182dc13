import { createHash, createHmac } from 'node:crypto';
import type { ConfigFingerprint } from '../config-object.js';
import { variableEntry, VARIABLE_NAMES, type EnvironmentValues } from '../schema.js';
import { maskSecret } from './mask.js';

const LENGTH = 12;

function canonical(entries: [string, unknown][]): string {
  return JSON.stringify(entries.sort(([left], [right]) => left.localeCompare(right)));
}

/** The variables the fingerprint covers: those both apps read, minus build identity and operational knobs. */
export const FINGERPRINTED_VARIABLES = VARIABLE_NAMES.filter((name) => {
  const entry = variableEntry(name);
  return (
    entry.fingerprinted !== false && entry.apps.includes('web') && entry.apps.includes('worker')
  );
});

/**
 * Two processes that read the same source get the same fingerprint, whatever order or file the values came from.
 * Secrets are hashed apart, with an HMAC keyed by SECRET_KEY, so a published fingerprint cannot be used to guess
 * a short password offline.
 */
export function fingerprintOf(values: Partial<EnvironmentValues>): ConfigFingerprint {
  const visible: [string, unknown][] = [];
  const secret: [string, unknown][] = [];
  for (const name of FINGERPRINTED_VARIABLES) {
    const entry = variableEntry(name);
    const value = values[name];
    if (entry.sensitive && typeof value === 'string') {
      visible.push([name, maskSecret(value)]);
      secret.push([name, value]);
    } else {
      visible.push([name, value ?? null]);
    }
  }
  return {
    config: createHash('sha256').update(canonical(visible)).digest('hex').slice(0, LENGTH),
    secrets: createHmac('sha256', values.SECRET_KEY ?? '')
      .update(canonical(secret))
      .digest('hex')
      .slice(0, LENGTH),
  };
}

/** `config/secrets`, the form shown in heartbeats, readiness details and the status page. */
export function formatFingerprint(fingerprint: ConfigFingerprint): string {
  return `${fingerprint.config}/${fingerprint.secrets}`;
}
