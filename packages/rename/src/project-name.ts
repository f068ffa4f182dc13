/** The spellings a project name takes across the repository. */
export interface NameSpellings {
  /** Package, image, queue and compose names: `acme-billing`. */
  kebab: string;
  /** Database and other identifiers without dashes: `acme_billing`. */
  snake: string;
  /** Environment variable names: `ACME_BILLING`. */
  upper: string;
  /** Prose and titles: `Acme Billing`. */
  title: string;
  /** Code identifiers: `acmeBilling`. */
  camel: string;
}

const VALID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Undefined when `name` can be a project name, else why not. */
export function nameProblem(name: string): string | undefined {
  if (!VALID.test(name))
    return `"${name}" is not a valid name: use lower-case letters and digits, words joined by single dashes (e.g. acme-billing)`;
  if (name.length > 40) return `"${name}" is longer than 40 characters`;
  return undefined;
}

export function spellingsOf(name: string): NameSpellings {
  const words = name.split('-');
  const capitalised = words.map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`);
  return {
    kebab: name,
    snake: words.join('_'),
    upper: words.join('_').toUpperCase(),
    title: capitalised.join(' '),
    camel: `${words[0] ?? ''}${capitalised.slice(1).join('')}`,
  };
}
