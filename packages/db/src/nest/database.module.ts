import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Config } from '@repo/config';
import { APP_CONFIG } from '@repo/config/nest';
import type { Database } from '../client.js';
import { ReportsRepository } from '../reports-repository.js';
import { connectDatabase } from './database-connect.js';
import { DATABASE } from './database.tokens.js';

/** Ends the pool after the HTTP server and the queues have stopped (shutdown hooks run in that order). */
@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

/** The database for Nest apps: connected and checked against APP_ENV before anything else starts. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: { applicationName: string }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATABASE,
          inject: [APP_CONFIG],
          useFactory: (config: Config) => connectDatabase(config, options.applicationName),
        },
        {
          provide: ReportsRepository,
          inject: [DATABASE],
          useFactory: (database: Database) => new ReportsRepository(database.db),
        },
        DatabaseCloser,
      ],
      exports: [DATABASE, ReportsRepository],
    };
  }
}
