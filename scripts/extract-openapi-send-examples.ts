/**
 * Copies the request examples of `POST /{Phone-Number-ID}/messages` from Meta's OpenAPI file into
 * `shared/whatsapp/__fixtures__/openapi-send-examples.json`, which
 * `mock-platform/src/simulator/openapi-examples.test.ts` walks. Run by hand when the file changes:
 *   npx tsx scripts/extract-openapi-send-examples.ts [path/to/meta-business-messaging-openapi.yaml]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const source = process.argv[2] ?? '../shared/reference/meta-business-messaging-openapi-v23.0.yaml';
const doc = parse(readFileSync(source, 'utf8'));
const examples =
  doc.paths['/{Version}/{Phone-Number-ID}/messages'].post.requestBody.content['application/json'].examples;
const out = Object.fromEntries(
  Object.entries(examples).map(([name, example]) => [name, (example as { value: unknown }).value]),
);
writeFileSync(
  new URL('../shared/whatsapp/__fixtures__/openapi-send-examples.json', import.meta.url),
  `${JSON.stringify(out, null, 2)}\n`,
);
console.log(`${Object.keys(out).length} examples from ${source}`);
