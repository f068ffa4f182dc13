// Loaded first (`node --import`) into a subject started with WRITES set (see options.mjs): counts the writes it
// makes to each socket, by the peer's port (5432 Postgres, 6379 Redis), and stores them as JSON at exit in the
// file the bench names. One write is one system call, so commands a client pipelines count once.
import { writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { hostVariable } from '@repo/config/host';

const file = hostVariable('BENCH_WRITES_FILE');
const writes = {};
const writeGeneric = Socket.prototype._writeGeneric;
Socket.prototype._writeGeneric = function countedWrite(...args) {
  const peer = String(this.remotePort ?? 'unconnected');
  writes[peer] = (writes[peer] ?? 0) + 1;
  return writeGeneric.apply(this, args);
};
process.on('exit', () => {
  if (file !== undefined) writeFileSync(file, `${JSON.stringify(writes)}\n`);
});
