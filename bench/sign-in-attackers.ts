import { request } from 'node:http';

/**
 * The sign-in flood's attackers, in a process of their own (`bench/sign-in-flood.ts` starts it):
 * `concurrency` wrong-password sign-ins kept in flight from `addresses` loopback addresses until
 * stdin closes, then the counts on stdout. On the measuring process's event loop, 400 attackers
 * delayed the webhook sender's own sends and reads, which is not what the platform does.
 */
const [port, concurrency, addresses] = process.argv.slice(2).map(Number);
const counts = { tried: 0, refused: 0, other: 0 };
let flooding = true;
let next = 0;

function signIn(body: string, localAddress: string) {
  return new Promise<number>((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/login',
        agent: false,
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function attacker() {
  while (flooding) {
    const n = next++;
    const a = n % (addresses ?? 200);
    const address = `127.0.${1 + ((a >> 8) % 200)}.${1 + (a % 250)}`;
    const status = await signIn(JSON.stringify({ username: `user${n % 500}`, password: `guess-${n}` }), address);
    if (status === 401) counts.tried++;
    else if (status === 429) counts.refused++;
    else counts.other++;
  }
}

const attackers = Array.from({ length: concurrency ?? 16 }, attacker);
process.stdout.write('started\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  flooding = false;
  await Promise.all(attackers);
  process.stdout.write(`${JSON.stringify(counts)}\n`);
});
