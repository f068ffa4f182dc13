/**
 * Where a completed report's files live in storage (under the environment's prefix): the worker writes them, the
 * web app signs download links to them.
 */
export function reportFileKeys(reportId: string): { json: string; csv: string } {
  return { json: `reports/${reportId}.json`, csv: `reports/${reportId}.csv` };
}

/** How long a report's download links work, in the mail and in GET /api/reports/:id. */
export const REPORT_LINK_SECONDS = 24 * 3600;
