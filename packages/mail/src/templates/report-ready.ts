import escapeHtml from 'escape-html';
import type { MailContent } from '../mail-content.js';

export interface ReportReadyDetails {
  /** The report's id, shown to the reader. */
  reportId: string;
  /** The signed download link. */
  downloadUrl: string;
  /** When the link stops working. */
  expiresAt: Date;
}

/** "Your report is ready", with the signed link; every value is escaped in the HTML part. */
export function reportReadyMail(details: ReportReadyDetails): MailContent {
  const expires = details.expiresAt.toUTCString();
  const subject = `Your report ${details.reportId} is ready`;
  const text = [
    `Your report ${details.reportId} is ready.`,
    '',
    `Download it here: ${details.downloadUrl}`,
    '',
    `The link works until ${expires}; request the report again after that.`,
  ].join('\n');
  const html = [
    `<p>Your report <strong>${escapeHtml(details.reportId)}</strong> is ready.</p>`,
    `<p><a href="${escapeHtml(details.downloadUrl)}">Download the report</a></p>`,
    `<p>The link works until ${escapeHtml(expires)}; request the report again after that.</p>`,
  ].join('\n');
  return { subject, text, html };
}
