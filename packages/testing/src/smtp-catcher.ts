import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  /** The SMTP envelope: who the server was actually asked to deliver to. */
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface SmtpCatcher {
  /** `smtp://<host>:<port>`, for SMTP_URL. */
  url: string;
  inbox: CaughtMail[];
  close(): Promise<void>;
}

export interface SmtpCatcherOptions {
  /** Refuse every login, as a server with wrong credentials would. @default false */
  rejectLogins?: boolean;
  /**
   * The address to listen on and to name in `url`. An app in a container reaches the test process at its
   * network's gateway (see `networkGateway`). @default 127.0.0.1
   */
  host?: string;
}

/**
 * A real SMTP server in this process that keeps every message. A message is in `inbox` before the server
 * acknowledges it, so once `sendMail` resolves the test can look.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const host = options.host ?? '127.0.0.1';
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
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
