import { booleanValue, choiceValue, pathValue, textValue, urlValue } from './value-types.js';
import { defineVariable } from './variable.js';

/** Where uploaded and generated files go. */
export const storageVariables = {
  STORAGE_BACKEND: defineVariable(choiceValue(['local', 's3'], { ignoreCase: true }), {
    description:
      'local keeps files under MEDIA_ROOT; s3 uses S3_BUCKET. Production refuses local unless acknowledged.',
    example: 's3',
    default: 'local',
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'storage.backend',
    group: 'storage',
    exampleFiles: { development: 'local', staging: 's3', production: 's3' },
  }),
  MEDIA_ROOT: defineVariable(pathValue(), {
    description:
      'Folder for files when STORAGE_BACKEND=local; relative paths start at the repository root. The images set /var/lib/ladder/media, a folder their user owns.',
    example: '/var/lib/ladder/media',
    default: '.data/media',
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'storage.mediaRoot',
    resource: 'path',
    group: 'storage',
    exampleFiles: { development: '.data/media' },
  }),
  ALLOW_LOCAL_STORAGE: defineVariable(booleanValue(), {
    description:
      'Acknowledges that MEDIA_ROOT is a persistent volume, allowing STORAGE_BACKEND=local in production (container disks are ephemeral).',
    example: 'false',
    default: 'false',
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'storage.allowLocal',
    group: 'storage',
  }),
  S3_BUCKET: defineVariable(
    textValue({
      regex: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      expected: 'an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)',
    }),
    {
      description: 'Bucket for files when STORAGE_BACKEND=s3.',
      example: 'ladder-media-production',
      apps: ['web', 'worker'],
      sensitive: false,
      configPath: 'storage.s3.bucket',
      resource: 'bucket',
      group: 'storage',
      exampleFiles: { staging: 'ladder-media-change-me', production: 'ladder-media-change-me' },
    },
  ),
  S3_REGION: defineVariable(
    textValue({ regex: /^[a-z0-9-]{2,32}$/, expected: 'a region name such as eu-west-1' }),
    {
      description: 'Region of S3_BUCKET.',
      example: 'eu-west-1',
      apps: ['web', 'worker'],
      sensitive: false,
      configPath: 'storage.s3.region',
      group: 'storage',
      exampleFiles: { staging: 'change-me', production: 'change-me' },
    },
  ),
  S3_ENDPOINT: defineVariable(urlValue(['http', 'https']), {
    description: 'Custom S3-compatible endpoint (MinIO, R2…); leave unset for AWS.',
    example: 'https://s3.eu-central-1.wasabisys.com',
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'storage.s3.endpoint',
    resource: 'url',
    group: 'storage',
  }),
};
