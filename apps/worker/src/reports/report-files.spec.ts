import { describe, expect, it } from 'vitest';
import { renderReportFiles } from './report-files.js';

const result = { days: 7, total: 3500, average: 500, peakDay: 3, peakValue: 990 };

describe('renderReportFiles', () => {
  it('writes the same figures as JSON and as a CSV row under a header', () => {
    const files = renderReportFiles({ id: 'r1', title: 'Weekly', periodDays: 7 }, result);
    expect(JSON.parse(files.json)).toEqual({
      id: 'r1',
      title: 'Weekly',
      periodDays: 7,
      total: 3500,
      average: 500,
      peakDay: 3,
      peakValue: 990,
    });
    expect(files.csv).toBe(
      'id,title,periodDays,total,average,peakDay,peakValue\r\nr1,Weekly,7,3500,500,3,990\r\n',
    );
  });

  it('quotes commas and quotes, and keeps a title that looks like a formula as text', () => {
    const quoted = renderReportFiles({ id: 'r1', title: 'a, "b"', periodDays: 7 }, result);
    expect(quoted.csv.split('\r\n')[1]).toBe('r1,"a, ""b""",7,3500,500,3,990');
    const formula = renderReportFiles(
      { id: 'r1', title: '=HYPERLINK("x")', periodDays: 7 },
      result,
    );
    expect(formula.csv.split('\r\n')[1]).toBe(`r1,"'=HYPERLINK(""x"")",7,3500,500,3,990`);
  });
});
