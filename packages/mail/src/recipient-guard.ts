/**
 * Who may receive mail outside production. Without a guard (production, or development without one set) every
 * recipient gets the mail as addressed.
 */
export interface RecipientGuard {
  /** Addresses, or `@domain` for every address at exactly that domain (not its subdomains). */
  allowed: readonly string[];
  /** Where mail to anyone off the allowlist goes; without it that mail is not sent. */
  redirectTo: string | undefined;
}

export interface Routing {
  /** Delivered as addressed. */
  direct: string[];
  /** Off the allowlist: sent to the guard's redirect address instead (empty when there is none). */
  redirected: string[];
  /** Off the allowlist with no redirect address: not sent at all. */
  refused: string[];
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@')).toLowerCase();
}

export function isAllowed(address: string, guard: RecipientGuard): boolean {
  const lower = address.toLowerCase();
  return guard.allowed.some((entry) => {
    const allowed = entry.toLowerCase();
    return allowed.startsWith('@') ? domainOf(lower) === allowed : lower === allowed;
  });
}

/** Splits recipients by what the guard lets happen to them. */
export function routeRecipients(
  recipients: readonly string[],
  guard: RecipientGuard | undefined,
): Routing {
  if (guard === undefined) return { direct: [...recipients], redirected: [], refused: [] };
  const direct = recipients.filter((address) => isAllowed(address, guard));
  const others = recipients.filter((address) => !isAllowed(address, guard));
  return guard.redirectTo === undefined
    ? { direct, redirected: [], refused: others }
    : { direct, redirected: others, refused: [] };
}
