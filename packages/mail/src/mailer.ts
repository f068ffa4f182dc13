import type { Transporter } from 'nodemailer';
import type { MailContent } from './mail-content.js';
import { routeRecipients, type RecipientGuard } from './recipient-guard.js';

export interface MailMessage extends MailContent {
  /** Plain addresses (no display names). */
  to: string | readonly string[];
}

/** What happened to one message; nothing here ever carries SMTP credentials. */
export type MailResult =
  | { status: 'skipped'; reason: string }
  | { status: 'sent'; direct: string[]; redirected: string[]; refused: string[] };

const PLAIN_ADDRESS = /^[^\s@<>,"]+@[^\s@<>,"]+$/;

/** Header naming the recipients a redirected mail was meant for. */
export const ORIGINAL_RECIPIENTS_HEADER = 'X-Ladder-Original-To';

/**
 * Sends mail from EMAIL_FROM through one SMTP transport, through the recipient guard outside production. A
 * mailer without a transport (SMTP_URL unset) sends nothing and says so.
 */
export class Mailer {
  constructor(
    private readonly transport: Transporter | undefined,
    private readonly from: string,
    private readonly guard: RecipientGuard | undefined,
  ) {}

  async send(message: MailMessage): Promise<MailResult> {
    if (this.transport === undefined) return { status: 'skipped', reason: 'SMTP_URL is unset' };
    const recipients = typeof message.to === 'string' ? [message.to] : [...message.to];
    const malformed = recipients.filter((address) => !PLAIN_ADDRESS.test(address));
    if (malformed.length > 0 || recipients.length === 0) {
      throw new Error(
        `recipients must be plain addresses such as ann@example.com: ${JSON.stringify(malformed)}`,
      );
    }
    const routing = routeRecipients(recipients, this.guard);
    const content = { from: this.from, text: message.text, html: message.html };
    if (routing.direct.length > 0) {
      await this.transport.sendMail({ ...content, to: routing.direct, subject: message.subject });
    }
    if (routing.redirected.length > 0 && this.guard?.redirectTo !== undefined) {
      // One copy to the redirect address; the original recipients appear only as text, never in the envelope.
      await this.transport.sendMail({
        ...content,
        to: this.guard.redirectTo,
        subject: `[to ${routing.redirected.join(', ')}] ${message.subject}`,
        headers: { [ORIGINAL_RECIPIENTS_HEADER]: routing.redirected.join(', ') },
      });
    }
    return { status: 'sent', ...routing };
  }

  /** Closes the transport's connections; call once on shutdown. */
  close(): void {
    this.transport?.close();
  }
}
