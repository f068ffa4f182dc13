export { createMailer, recipientGuardFor } from './create-mailer.js';
export type { MailContent } from './mail-content.js';
export { Mailer, ORIGINAL_RECIPIENTS_HEADER, type MailMessage, type MailResult } from './mailer.js';
export {
  isAllowed,
  routeRecipients,
  type RecipientGuard,
  type Routing,
} from './recipient-guard.js';
export { reportReadyMail, type ReportReadyDetails } from './templates/report-ready.js';
