import { Injectable } from '@nestjs/common';

/** Counters published in each heartbeat. */
@Injectable()
export class WorkerStats {
  jobsDone = 0;
  jobsFailed = 0;
}
