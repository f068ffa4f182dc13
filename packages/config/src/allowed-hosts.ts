/**
 * A matcher for ALLOWED_HOSTS: exact names (case-insensitive), `.example.com` for the domain and its subdomains,
 * `*` for anything. IPv6 entries may be written with or without brackets. The web app's Host check and the
 * `public-url-allowed` rule both need exactly this reading.
 */
export function hostMatcher(allowed: readonly string[]): (hostname: string) => boolean {
  const entries = allowed.map((entry) => entry.toLowerCase().replace(/^\[|\]$/g, ''));
  if (entries.includes('*')) return () => true;
  return (hostname) => {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return entries.some((entry) =>
      entry.startsWith('.') ? host === entry.slice(1) || host.endsWith(entry) : host === entry,
    );
  };
}
