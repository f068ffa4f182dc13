/** Postgres and Redis for development, wherever they run. */
export interface DevServices {
  databaseUrl: string;
  redisUrl: string;
  /** One line for the summary: where the services run and what happens to them on exit. */
  description: string;
  /** Stops the services, keeping their data. */
  stop(): Promise<void>;
}
