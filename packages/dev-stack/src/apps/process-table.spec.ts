import { describe, expect, it } from 'vitest';
import {
  groupsOf,
  processTable,
  reportsSessions,
  sessionMembersIn,
  type ProcessRow,
} from './process-table.js';

const row = (pid: number, parentPid: number, groupId: number, sessionId: number): ProcessRow => ({
  pid,
  parentPid,
  groupId,
  sessionId,
});

/** A supervisor (100) leading its session, turbo (101) and one task (110, own group) with its app (111). */
const linux = [
  row(1, 0, 1, 1),
  row(50, 1, 50, 50),
  row(100, 50, 100, 100),
  row(101, 100, 100, 100),
  row(110, 101, 110, 100),
  row(111, 110, 110, 100),
  row(200, 50, 200, 50),
];
/** The same processes as macOS's ps shows them: every session is 0. */
const macos = linux.map((entry) => ({ ...entry, sessionId: 0 }));

describe('sessionMembersIn', () => {
  it('reads the session column where ps reports sessions', () => {
    expect(sessionMembersIn(linux, 100).sort()).toEqual([100, 101, 110, 111]);
  });

  it('finds the same processes from the tree where ps shows every session as 0 (macOS)', () => {
    expect(reportsSessions(macos)).toBe(false);
    expect(sessionMembersIn(macos, 100).sort()).toEqual([100, 101, 110, 111]);
  });

  it('still finds a task and its app on macOS after turbo died, through the process group noted before', () => {
    const groups = groupsOf(macos, sessionMembersIn(macos, 100));
    const orphaned = macos
      .filter((entry) => entry.pid !== 101)
      .map((entry) => (entry.pid === 110 ? { ...entry, parentPid: 1 } : entry));
    expect(sessionMembersIn(orphaned, 100)).not.toContain(110);
    expect(sessionMembersIn(orphaned, 100, groups).sort()).toEqual([100, 110, 111]);
  });

  it('takes no process for the leader whose pid was given to an unrelated process', () => {
    const recycled = [
      row(1, 0, 1, 0),
      row(50, 1, 50, 0),
      row(100, 50, 50, 0),
      row(101, 100, 50, 0),
    ];
    expect(sessionMembersIn(recycled, 100)).toEqual([]);
  });
});

describe('processTable', () => {
  it('lists this process with its parent and group, without the ps it ran', () => {
    const table = processTable();
    const own = table.find((entry) => entry.pid === process.pid);
    expect(own?.parentPid).toBe(process.ppid);
    expect(own?.groupId).toBeGreaterThan(0);
    expect(table.length).toBeGreaterThan(1);
  });
});
