/**
 * What kind of external resource a variable names. A variable that declares one is kept to its own environment by
 * the `resource-environment` rule without a rule of its own: give a new endpoint, bucket or address its kind and
 * it is protected. The kind says which parts of the value name a place.
 */
export const RESOURCE_KINDS = {
  url: {
    parts: 'the host and the path',
    loopback: true,
    examples: 'service connection strings, public addresses, webhook and OAuth endpoints',
  },
  'host-list': {
    parts: 'every host name',
    loopback: true,
    examples: 'host allowlists',
  },
  'origin-list': {
    parts: 'the host of every origin',
    loopback: true,
    examples: 'CORS origins',
  },
  'email-address': {
    parts: 'the domain of the address',
    loopback: true,
    examples: 'sender and reply-to addresses',
  },
  'email-list': {
    parts: 'the domain of every address or @domain entry',
    loopback: true,
    examples: 'recipient allowlists',
  },
  bucket: {
    parts: 'the bucket name',
    loopback: false,
    examples: 'object storage buckets',
  },
  name: {
    parts: 'the name',
    loopback: false,
    examples: 'key prefixes, topic and queue names',
  },
  path: {
    parts: 'the folder path',
    loopback: false,
    examples: 'mounted volumes',
  },
} as const satisfies Record<string, { parts: string; loopback: boolean; examples: string }>;

export type ResourceKind = keyof typeof RESOURCE_KINDS;
