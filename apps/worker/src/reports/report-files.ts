import type { Report, ReportResult } from '@repo/db';

/** A spreadsheet would run a cell starting with one of these as a formula; a leading quote keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number): string {
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The report as downloadable files: the same content twice, as JSON and as a one-row CSV with a header. */
export function renderReportFiles(
  report: Pick<Report, 'id' | 'title' | 'periodDays'>,
  result: ReportResult,
): { json: string; csv: string } {
  const row = {
    id: report.id,
    title: report.title,
    periodDays: report.periodDays,
    total: result.total,
    average: result.average,
    peakDay: result.peakDay,
    peakValue: result.peakValue,
  };
  const header = Object.keys(row).map(csvCell).join(',');
  const values = Object.values(row).map(csvCell).join(',');
  return { json: `${JSON.stringify(row, null, 2)}\n`, csv: `${header}\r\n${values}\r\n` };
}
