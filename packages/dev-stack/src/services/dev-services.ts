/** Postgres and Redis for development, wherever they run. */
export interface DevServices {
  databaseUrl: string;
  redisUrl: string;
  /** One line for the summary: where the services run and what happens to them on exit. */
  description: string;
  /** What the summary should point out, e.g. a port that had to change. */
  notes: string[];
  /** Server processes outside Docker, so a later run can stop them if this one dies. */
  processIds(): number[];
  /** The command that stops the services from outside this process (the supervisor runs it if the runner dies). */
  stopCommand?: readonly string[];
  /** Stops the services, keeping their data. */
  stop(): Promise<void>;
}

/** Host ports the services had last time; each is reused while it is free. */
export interface PreferredPorts {
  postgres?: number;
  redis?: number;
}
