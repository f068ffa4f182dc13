import { describe, expect, it } from 'vitest';
import { reportReadyMail } from './report-ready.js';

describe('the report-ready mail', () => {
  it('carries the link in both parts and escapes every value in the HTML', () => {
    const mail = reportReadyMail({
      reportId: '<script>alert(1)</script>',
      downloadUrl: 'https://app.example.com/r?a=1&b="2"',
      expiresAt: new Date('2026-12-01T09:00:00Z'),
    });

    expect(mail.text).toContain('https://app.example.com/r?a=1&b="2"');
    expect(mail.text).toContain('Tue, 01 Dec 2026 09:00:00 GMT');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('href="https://app.example.com/r?a=1&amp;b=&quot;2&quot;"');
  });
});
