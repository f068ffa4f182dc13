import { parseArgs } from 'node:util';
import {
  ConfigError,
  EnvironmentMismatchError,
  isDeployed,
  loadConfig,
  maskUrl,
  type Config,
} from '@repo/config';
import { createDatabase, pingDatabase, type Database } from '../client.js';
import { assertDatabaseEnvironment, readDatabaseEnvironment } from '../environment-stamp.js';
import { pendingMigrations, runMigrations } from '../migrations.js';
import { resetDatabase } from '../reset.js';
import { seedDevelopmentData } from '../seed.js';
import { confirmOnTerminal, localDefaultEnvironment } from '@repo/config/host';
import { confirmProduction } from './confirm-production.js';

const USAGE = `usage: ladder-db <migrate|seed|reset|status> [--env <environment>] [--yes-production] [--yes]
  migrate   apply pending migrations; stamps a fresh database with APP_ENV (production needs confirmation)
  seed      load fake data (development only)
  reset     drop every table (development and test only; asks first unless --yes)
  status    show the environment stamp and pending migrations`;

export interface Output {
  out(line: string): void;
  error(line: string): void;
}

const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

interface Flags {
  'yes-production': boolean;
  yes: boolean;
}

/** Runs one database command and returns the exit code: 0 done, 1 refused or failed, 2 misused. */
export async function runDatabaseCli(
  argv: readonly string[],
  output: Output = processOutput,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        env: { type: 'string' },
        'yes-production': { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    output.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (
    command === undefined ||
    extra.length > 0 ||
    !['migrate', 'seed', 'reset', 'status'].includes(command)
  ) {
    output.error(USAGE);
    return 2;
  }

  let config: Config;
  // Locally, a command without --env or APP_ENV means the dev stack (whose URLs pnpm dev records in
  // .env.development.local); CI must say what it means.
  const appEnv = parsed.values.env ?? localDefaultEnvironment();
  try {
    config = loadConfig(appEnv === undefined ? {} : { appEnv });
  } catch (error) {
    if (error instanceof ConfigError) {
      output.error(error.message);
      return 1;
    }
    throw error;
  }

  const database = createDatabase(config.database.url, {
    applicationName: `ladder-db ${command}`,
    max: 3,
  });
  try {
    output.error(`${command}: APP_ENV=${config.appEnv}, database ${maskUrl(config.database.url)}`);
    return await commands[command as keyof typeof commands](
      config,
      database,
      parsed.values,
      output,
    );
  } catch (error) {
    if (error instanceof EnvironmentMismatchError) {
      output.error(error.message);
      return 1;
    }
    // A query that failed because the server is not there says so, instead of quoting the query.
    output.error(
      (await reachability(config, database)) ?? `${command} failed: ${(error as Error).message}`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

/** Undefined when Postgres answers; otherwise what is wrong, in words, instead of a failed query. */
async function reachability(config: Config, database: Database): Promise<string | undefined> {
  try {
    await pingDatabase(database.db);
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? error;
    const reason = (cause as { code?: string }).code ?? (cause as Error).message;
    const address = new URL(config.database.url).host;
    const hint =
      config.appEnv === 'development'
        ? ' Is pnpm dev running? It starts Postgres and records its address in .env.development.local.'
        : '';
    return `cannot reach Postgres at ${address} (${reason}).${hint}`;
  }
}

const commands = {
  async migrate(config: Config, database: Database, flags: Flags, output: Output): Promise<number> {
    if (
      config.appEnv === 'production' &&
      !(await confirmProduction('apply migrations', flags['yes-production']))
    ) {
      output.error(
        'Refusing to migrate production without confirmation: run it interactively, or pass --yes-production.',
      );
      return 1;
    }
    const outcome = await runMigrations(database, config.appEnv);
    output.out(
      outcome.applied.length === 0
        ? 'migrations: already up to date'
        : `migrations: applied ${outcome.applied.length} (${outcome.applied.join(', ')})`,
    );
    if (outcome.stamped) output.out(`database stamped as ${config.appEnv}`);
    return 0;
  },

  async seed(config: Config, database: Database, _flags: Flags, output: Output): Promise<number> {
    if (config.appEnv !== 'development') {
      output.error(`Refusing to seed APP_ENV=${config.appEnv}: fake data is for development only.`);
      return 1;
    }
    await assertDatabaseEnvironment(database.db, config.appEnv);
    const pending = await pendingMigrations(database.db);
    if (pending.length > 0) {
      output.error(
        `The database has pending migrations (${pending.join(', ')}): run pnpm db:migrate first.`,
      );
      return 1;
    }
    const created = await seedDevelopmentData(database.db);
    output.out(
      created === 0
        ? 'seed: data already present, nothing to do'
        : `seed: created ${created} sample reports`,
    );
    return 0;
  },

  async reset(config: Config, database: Database, flags: Flags, output: Output): Promise<number> {
    if (isDeployed(config.appEnv)) {
      output.error(
        `Refusing to reset APP_ENV=${config.appEnv}: destructive commands are never allowed in staging or production.`,
      );
      return 1;
    }
    await assertDatabaseEnvironment(database.db, config.appEnv);
    if (
      !(await confirmOnTerminal(
        `Drop every table of the ${config.appEnv} database ${maskUrl(config.database.url)}?`,
        flags.yes,
      ))
    ) {
      output.error(
        'Not confirmed: nothing was dropped (pass --yes when running without a terminal).',
      );
      return 1;
    }
    await resetDatabase(database.db);
    output.out('reset: every table dropped; run pnpm db:migrate to start again');
    return 0;
  },

  async status(
    _config: Config,
    database: Database,
    _flags: Flags,
    output: Output,
  ): Promise<number> {
    output.out(
      `environment stamp: ${(await readDatabaseEnvironment(database.db)) ?? '(none: never migrated)'}`,
    );
    const pending = await pendingMigrations(database.db);
    output.out(
      pending.length === 0 ? 'migrations: up to date' : `migrations pending: ${pending.join(', ')}`,
    );
    return 0;
  },
};
