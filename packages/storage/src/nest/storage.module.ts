import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@repo/config';
import { APP_CONFIG } from '@repo/config/nest';
import { createStorage, localUrlSignerFor } from '../create-storage.js';
import { LocalUrlSigner } from '../local-url-signer.js';
import { Storage } from '../storage.js';

/** Closes the S3 client's connections when the app stops. */
@Injectable()
class StorageCloser implements OnApplicationShutdown {
  constructor(@Inject(Storage) private readonly storage: Storage) {}

  onApplicationShutdown(): void {
    this.storage.close();
  }
}

/**
 * The process's Storage (local disk or S3, as the config says) and the signer of local links, injected by class.
 * The web app serves local links while storage is local:
 * `app.use(LOCAL_FILES_PATH, createLocalFilesHandler(app.get(Storage), app.get(LocalUrlSigner)))`.
 */
@Global()
@Module({
  providers: [
    {
      provide: Storage,
      inject: [APP_CONFIG],
      useFactory: (config: Config) => createStorage(config),
    },
    {
      provide: LocalUrlSigner,
      inject: [APP_CONFIG],
      useFactory: (config: Config) => localUrlSignerFor(config),
    },
    StorageCloser,
  ],
  exports: [Storage, LocalUrlSigner],
})
export class StorageModule {}
