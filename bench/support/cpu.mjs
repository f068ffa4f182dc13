// CPU time of a process, read from outside so the measurement adds nothing to the subject.
import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ), 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

/** User + system CPU seconds a process has used so far (Linux /proc/<pid>/stat, fields 14 and 15). */
export function cpuSeconds(pid) {
  // The command name (field 2) may hold spaces; everything after its closing parenthesis is space-separated.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
