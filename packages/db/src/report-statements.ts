/*
 * The two writes every job makes, each one statement: the status update and its event commit together (a
 * statement is its own transaction), and the guard `status <> 'completed'` is re-checked on the locked row, so a
 * concurrent or replayed job updates nothing and writes no event. One statement is one round trip where a
 * transaction took four (begin, update, insert, commit); written once as text and prepared once per connection
 * (named), since these run for every job and the query builder would rebuild them each time.
 *
 * A module of its own, with no import, so the bench's bare worker (`@repo/db/statements`) runs exactly these
 * statements without loading the rest of the package.
 */

/** Marks an attempt as started; `$1` is the report id. One row changed when it started. */
export const START_REPORT = {
  name: 'reports_start',
  text: `
  with started as (
    update reports set status = 'running', attempts = attempts + 1, started_at = now(), error = null
    where id = $1 and status <> 'completed'
    returning id
  )
  insert into report_events (report_id, kind) select id, 'started' from started`,
} as const;

/** Stores the result exactly once; `$1` is the report id, `$2` its result. One row changed when it applied. */
export const COMPLETE_REPORT = {
  name: 'reports_complete',
  text: `
  with completed as (
    update reports set status = 'completed', result = $2, completed_at = now(), error = null
    where id = $1 and status <> 'completed'
    returning id
  )
  insert into report_events (report_id, kind) select id, 'completed' from completed`,
} as const;
