export {
  createStorage,
  localUrlSignerFor,
  type StorageConfig,
  type StorageOptions,
} from './create-storage.js';
export { createLocalFilesHandler, type LocalFilesHandler } from './local-files-handler.js';
export { LOCAL_FILES_PATH, LocalUrlSigner, type SignatureCheck } from './local-url-signer.js';
export { FileNotFoundError, Storage, type PutOptions, type SignedUrlOptions } from './storage.js';
