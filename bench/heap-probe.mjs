// Preloaded into a server process by bench/restart-archived.ts (NODE_OPTIONS=--import): on SIGUSR2
// it runs a full garbage collection and prints the heap in use, so the bench reads the heap of the
// real server process as `npm start` runs it, without any change to the server.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

process.on('SIGUSR2', () => {
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  process.stdout.write(`heap-probe ${JSON.stringify({ heapUsed, rss })}\n`);
});
