import { describe, expect, it } from 'vitest';
import { nameProblem, spellingsOf } from './project-name.js';
import { rewriteText } from './rewrite.js';

const original = spellingsOf('ladder');
const acme = spellingsOf('acme-billing');

describe('rewriteText', () => {
  it.each([
    ['"name": "ladder"', '"name": "acme-billing"'],
    ['image: ghcr.io/org/ladder-web:1.0', 'image: ghcr.io/org/acme-billing-web:1.0'],
    ['POSTGRES_DB: ladder_dev', 'POSTGRES_DB: acme_billing_dev'],
    ['app_ladder_test', 'app_acme_billing_test'],
    ['LADDER_DEV_POSTGRES_VOLUME', 'ACME_BILLING_DEV_POSTGRES_VOLUME'],
    ['# Ladder: the starter', '# Acme Billing: the starter'],
    ['const ladderDb = bin;', 'const acmeBillingDb = bin;'],
    ['QUEUE_PREFIX=ladder-development', 'QUEUE_PREFIX=acme-billing-development'],
  ])('keeps the shape of %s', (before, after) => {
    expect(rewriteText(before, original, acme)).toBe(after);
  });

  it('refuses names that cannot be a package, database and image name at once', () => {
    expect(nameProblem('acme-billing')).toBeUndefined();
    expect(nameProblem('Acme')).toMatch(/not a valid name/);
    expect(nameProblem('acme_billing')).toMatch(/not a valid name/);
    expect(nameProblem('-acme')).toMatch(/not a valid name/);
  });
});
