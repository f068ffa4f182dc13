import { spawnSync } from 'node:child_process';

export interface ProcessRow {
  pid: number;
  parentPid: number;
  groupId: number;
  /** 0 for every process on macOS, whose `ps` has no session-id keyword (its `sess` is a hidden kernel pointer). */
  sessionId: number;
}

/** Every process on the machine (`ps -A`), without the `ps` itself. */
export function processTable(): ProcessRow[] {
  // No `ps` (a bare PATH) means no processes found, never a crash.
  const listing = spawnSync(
    'ps',
    ['-A', '-o', 'pid=', '-o', 'ppid=', '-o', 'pgid=', '-o', 'sess='],
    {
      encoding: 'utf8',
    },
  );
  return (listing.stdout ?? '')
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((fields) => fields.length === 4 && fields.every(Number.isInteger))
    .map(([pid = 0, parentPid = 0, groupId = 0, sessionId = 0]) => ({
      pid,
      parentPid,
      groupId,
      sessionId,
    }))
    .filter((row) => row.pid > 0 && row.pid !== listing.pid);
}

/** Whether `ps` reports real session ids here (Linux, the BSDs), rather than 0 for everyone (macOS). */
export function reportsSessions(table: readonly ProcessRow[]): boolean {
  return table.some((row) => row.sessionId !== 0);
}

/**
 * The processes of the session led by `leader`. Where `ps` reports sessions, that is exact: turbo gives every task
 * a process group of its own, but they all stay in the session, even once turbo is gone. Where it does not (macOS),
 * the session is rebuilt from the leader's process tree plus every process in a group seen in that tree before
 * (`knownGroups`), which still finds a task's children after turbo, their parent, has gone.
 */
export function sessionMembersIn(
  table: readonly ProcessRow[],
  leader: number,
  knownGroups: ReadonlySet<number> = new Set(),
): number[] {
  if (reportsSessions(table))
    return table.filter((row) => row.sessionId === leader).map((row) => row.pid);
  // A session leader leads its own process group; a pid that does not is a recycled one, not the leader.
  const leaderAlive = table.some((row) => row.pid === leader && row.groupId === leader);
  const members = new Set<number>();
  const groups = new Set([leader, ...knownGroups]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of table) {
      if (members.has(row.pid)) continue;
      if (
        (leaderAlive && (row.pid === leader || row.parentPid === leader)) ||
        members.has(row.parentPid) ||
        groups.has(row.groupId)
      ) {
        members.add(row.pid);
        groups.add(row.groupId);
        grew = true;
      }
    }
  }
  return [...members];
}

/** The process groups of a session's members now: what `sessionMembersIn` needs to find them later. */
export function groupsOf(table: readonly ProcessRow[], members: readonly number[]): Set<number> {
  const wanted = new Set(members);
  return new Set(table.filter((row) => wanted.has(row.pid)).map((row) => row.groupId));
}
