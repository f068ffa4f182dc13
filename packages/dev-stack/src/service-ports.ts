import { freePort, isPortFree } from '@repo/testing/ports';

/**
 * The host port for a service: the one it had last time while that is free, else a free one (with a note saying
 * so, since a database GUI pointed at the old port must follow).
 */
export async function choosePort(
  service: string,
  preferred: number | undefined,
  notes: string[],
): Promise<number> {
  if (preferred !== undefined && (await isPortFree(preferred))) return preferred;
  const port = await freePort();
  if (preferred !== undefined)
    notes.push(`${service} port ${preferred} was busy, so ${service} now listens on ${port}.`);
  return port;
}
