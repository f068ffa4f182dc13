import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  /** The SMTP envelope: who the server was actually asked to deliver to. */
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface SmtpCatcher {
  url: string;
  inbox: CaughtMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server in this process that keeps every message. A message is in `inbox` before the server
 * acknowledges it, so once `sendMail` resolves the test can look.
 */
export async function startSmtpCatcher(
  options: { rejectLogins?: boolean } = {},
): Promise<SmtpCatcher> {
  const inbox: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      if (options.rejectLogins) callback(new Error('Invalid username or password'));
      else callback(null, { user: 'anyone' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          inbox.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), parsed });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
