import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@repo/config';
import { APP_CONFIG } from '@repo/config/nest';
import { createMailer } from '../create-mailer.js';
import { Mailer } from '../mailer.js';

/** Closes the SMTP connections when the app stops. */
@Injectable()
class MailerCloser implements OnApplicationShutdown {
  constructor(@Inject(Mailer) private readonly mailer: Mailer) {}

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}

/** The process's Mailer (SMTP_URL, EMAIL_FROM and this environment's recipient guard), injected by class. */
@Global()
@Module({
  providers: [
    { provide: Mailer, inject: [APP_CONFIG], useFactory: (config: Config) => createMailer(config) },
    MailerCloser,
  ],
  exports: [Mailer],
})
export class MailModule {}
