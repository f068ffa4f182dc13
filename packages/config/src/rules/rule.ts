import type { AppEnvironment } from '../environments.js';
import type { Problem } from '../problems.js';
import type { EnvironmentValues, VariableName } from '../schema.js';

/** What a rule sees: the parsed values that passed their format check, and the raw strings behind them. */
export interface RuleContext {
  environment: AppEnvironment;
  values: Partial<EnvironmentValues>;
  raw: Partial<Record<VariableName, string>>;
  /** SECRET_KEY values that appear in committed example files, which therefore can never be secret. */
  committedSecretKeys: readonly string[];
}

export type Finding = Omit<Problem, 'rule'>;

/** A named safety rule. Every applicable rule runs, so one check reports every problem at once. */
export interface Rule {
  name: string;
  environments: readonly AppEnvironment[];
  /** One line for docs/environment.md. */
  description: string;
  check(context: RuleContext): Finding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
