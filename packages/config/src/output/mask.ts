const MASK = '****';

const SECRET_QUERY_KEYS = /pass|secret|token|key|auth|credential/i;

/**
 * A URL with its password (and any password-like query parameter) replaced by the mask, so the host and
 * database stay readable. Anything that does not parse as a URL is masked whole.
 */
export function maskUrl(value: string): string {
  if (!URL.canParse(value)) return MASK;
  const url = new URL(value);
  if (url.password) url.password = MASK;
  for (const key of [...url.searchParams.keys()]) {
    if (SECRET_QUERY_KEYS.test(key)) url.searchParams.set(key, MASK);
  }
  // Neither the password nor the query string percent-encodes an asterisk, so the mask prints as it is.
  return url.toString();
}

/** Key prefixes that say what kind of secret it is without giving any of it away. */
const KNOWN_PREFIXES = /^(?:(?:sk|rk|pk)_(?:test|live)_|whsec_)/;

/** How a secret value is shown anywhere: logs, errors, CLI output, the status page. */
export function maskSecret(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return maskUrl(value);
  const prefix = KNOWN_PREFIXES.exec(value)?.[0] ?? '';
  return `${prefix}${MASK}`;
}

/** The parts of a secret value that must never be shown: the whole value, and a URL's password decoded. */
export function secretFragments(value: string): string[] {
  const fragments = [value];
  if (URL.canParse(value)) {
    const url = new URL(value);
    if (url.password) fragments.push(url.password, decodeURIComponent(url.password));
    for (const [key, parameter] of url.searchParams) {
      if (SECRET_QUERY_KEYS.test(key) && parameter) fragments.push(parameter);
    }
  }
  return fragments;
}
