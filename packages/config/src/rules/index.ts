import { consistencyRules } from './consistency-rules.js';
import { deployedRules } from './deployed-rules.js';
import { emailRules } from './email-rules.js';
import { everyEnvironmentRules } from './every-environment-rules.js';
import { productionRules } from './production-rules.js';
import { resourceRules } from './resource-rules.js';
import type { Rule } from './rule.js';
import { secretKeyRules } from './secret-key-rules.js';
import { telemetryRules } from './telemetry-rules.js';

export type { Rule } from './rule.js';

/** Every safety rule, in the order problems are reported. */
export const SAFETY_RULES: readonly Rule[] = [
  ...everyEnvironmentRules,
  ...deployedRules,
  ...secretKeyRules,
  ...resourceRules,
  ...consistencyRules,
  ...productionRules,
  ...telemetryRules,
  ...emailRules,
];
