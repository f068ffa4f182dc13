// How long a `pnpm bench` run measures. More rounds give steadier medians on a noisy machine.
//
//   ROUNDS=9 pnpm bench           rounds per comparison (default 5)
//   SECONDS=10 pnpm bench         seconds of load per round in web-health (default 5)
//   JOBS=2000 pnpm bench          jobs per round in worker-jobs (default 1000)
//   PROFILE=/tmp/profiles pnpm bench   CPU profiles of the long-running subjects (node --cpu-prof)
//   WRITES=/tmp/writes pnpm bench      socket writes of the long-running subjects, by peer port (5432, 6379)
//   TELEMETRY=1 pnpm bench        web-health also measures the web app with tracing on against tracing off
import { hostVariable } from '@repo/config/host';

export const ROUNDS = Number(hostVariable('ROUNDS') ?? 5);
export const SECONDS = Number(hostVariable('SECONDS') ?? 5);
export const JOBS = Number(hostVariable('JOBS') ?? 1000);
export const TELEMETRY = hostVariable('TELEMETRY') === '1';
