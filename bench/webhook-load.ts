import { performance } from 'node:perf_hooks';
import { textWebhook } from '../mock-platform/src/testing/webhooks.ts';
import { signBody } from '../mock-platform/src/whatsapp/signature.ts';
import { stringifyLikeMeta } from '../shared/whatsapp/escape-json.ts';

/**
 * Background load for `bench/agent-actions.ts`, in a process of its own so its sends do not delay
 * the measured agent's requests on the measuring process's event loop: signed webhooks at
 * `perSecond`, open loop (each send is scheduled at its time, whatever the answers do), from
 * `customers` customers whose conversations agents already hold, until stdin closes or
 * `maxSeconds` pass. Prints `started`, then on stop one JSON line: offered, answered 200, failed,
 * achieved rate and the acknowledgement latencies' p50/p99.
 *
 * argv: url secret perSecond customers maxSeconds firstNumber
 */
const [url = '', secret = '', ...numbers] = process.argv.slice(2);
const [perSecond = 500, customers = 200, maxSeconds = 120, first = 0] = numbers.map(Number);

const latencies: number[] = [];
let failed = 0;
let sent = 0;
let running = true;
const inFlight = new Set<Promise<void>>();

function send(n: number) {
  const from = `3460020${String(n % customers).padStart(4, '0')}`;
  const id = `wamid.load-${first + n}`;
  const body = stringifyLikeMeta(textWebhook({ wamid: id, from, name: 'Bench', text: `Mensaje ${n}` }));
  const started = performance.now();
  const request = fetch(`${url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(secret, body) },
    body,
  })
    .then(async (response) => {
      await response.arrayBuffer();
      if (response.status === 200) latencies.push(performance.now() - started);
      else failed++;
    })
    .catch(() => {
      failed++;
    })
    .finally(() => inFlight.delete(request));
  inFlight.add(request);
}

const started = performance.now();
const stopAt = started + maxSeconds * 1000;
process.stdin.resume();
process.stdin.on('end', () => {
  running = false;
});
process.stdout.write('started\n');
while (running && performance.now() < stopAt) {
  const due = started + (sent * 1000) / perSecond;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  // Behind schedule (a busy loop): send what is due now, as a real sender's queue would.
  while (running && started + (sent * 1000) / perSecond <= performance.now()) send(sent++);
}
const seconds = (performance.now() - started) / 1000;
await Promise.all(inFlight);
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({ sent, ok: latencies.length, failed, seconds, offeredPerSecond: sent / seconds, p50Ms: at(50), p99Ms: at(99) })}\n`,
);
process.exit(0);
