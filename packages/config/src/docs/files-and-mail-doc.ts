/** The "Files and mail" section of docs/environment.md: where each environment keeps files and sends mail. */
export function renderFilesAndMailDoc(): string[] {
  return [
    '## Files and mail',
    '',
    '`@repo/storage` and `@repo/mail` read these variables; every file key is stored under the environment’s name',
    '(`staging/reports/42.csv`), so environments sharing a bucket or a folder never see each other’s files.',
    '',
    '| | development, test | staging | production |',
    '|---|---|---|---|',
    '| Files | `STORAGE_BACKEND=local` (the default): `MEDIA_ROOT/<APP_ENV>/…`, `.data/media` by default | `STORAGE_BACKEND=s3`: `S3_BUCKET` under `staging/` | `S3_BUCKET` under `production/`; local disk only with `ALLOW_LOCAL_STORAGE=true` |',
    '| Download links | `PUBLIC_URL/files/<key>?expires=…&signature=…`, an HMAC over key and expiry keyed from `SECRET_KEY`, served by the web app | S3 presigned URLs | S3 presigned URLs |',
    '| Mail | `pnpm dev` points `SMTP_URL` at the MailDev catcher it runs and prints its inbox; otherwise wherever `SMTP_URL` points, nothing without it | recipients in `EMAIL_ALLOWED_RECIPIENTS` as addressed, everyone else to `EMAIL_REDIRECT_TO` or not at all; one of the two is required with `SMTP_URL` | as addressed; `EMAIL_REDIRECT_TO` and `EMAIL_ALLOWED_RECIPIENTS` are refused |',
    '',
    'The web app serves local links whenever `STORAGE_BACKEND=local`: in development, and on a single machine whose',
    '`MEDIA_ROOT` is a persistent volume both apps share (`infra/compose`, with `ALLOW_LOCAL_STORAGE=true`). The images',
    'set `MEDIA_ROOT=/var/lib/ladder/media`, a folder their user owns on an otherwise read-only filesystem. Locally,',
    'caught mail is in the inbox the `pnpm dev` summary names (kept in `.data/mail`), files under',
    '`.data/media/development/`.',
    '',
    'S3 credentials come from the AWS SDK’s default chain (an instance or pod role, or `AWS_ACCESS_KEY_ID` and',
    '`AWS_SECRET_ACCESS_KEY`). With `S3_ENDPOINT` set (MinIO, R2…) buckets are addressed by path and requests carry',
    'checksums only where the operation requires them, which S3-compatible servers accept.',
    '',
  ];
}
