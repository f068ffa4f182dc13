import { join } from 'node:path';
import { MailDev } from 'maildev';
import { choosePort } from '../service-ports.js';

/** MailDev's own defaults, used while they are free so a bookmarked inbox keeps working. */
const PREFERRED_PORTS = { smtp: 1025, inbox: 1080 };

export interface MailCatcher {
  /** SMTP_URL for both apps: every mail they send lands in the catcher. */
  smtpUrl: string;
  /** The inbox in a browser. */
  inboxUrl: string;
  stop(): Promise<void>;
}

/**
 * MailDev in this process, on loopback only: it catches every mail the apps send in development and shows it in a
 * browser. Mail is kept under .data/mail, so the inbox survives a restart of pnpm dev (pnpm dev:reset empties it).
 * In-process rather than a container, so it runs the same with or without Docker.
 */
export async function startMailCatcher(root: string): Promise<MailCatcher> {
  // No note when a port moves: the summary prints the inbox wherever it is, and SMTP_URL follows by itself.
  const smtp = await choosePort('the mail catcher', PREFERRED_PORTS.smtp, []);
  const inbox = await choosePort('the mail inbox', PREFERRED_PORTS.inbox, []);
  const catcher = new MailDev({
    smtp,
    web: inbox,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    mailDirectory: mailFolder(root),
    silent: true,
    verbose: false,
  });
  await catcher.start();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    inboxUrl: `http://localhost:${inbox}`,
    stop: () => catcher.stop(),
  };
}

/** Where the caught mail is kept. */
export function mailFolder(root: string): string {
  return join(root, '.data', 'mail');
}
