import { readdirSync, readFileSync } from 'node:fs';

const DIR = new URL('../../../shared/whatsapp/__fixtures__/', import.meta.url);

/** Meta's example payloads (from its OpenAPI file) whose file name starts with `prefix`: [name, text]. */
export function whatsappFixtures(prefix: string): (readonly [string, string])[] {
  return readdirSync(DIR)
    .filter((name) => name.startsWith(prefix))
    .map((name) => [name, readFileSync(new URL(name, DIR), 'utf8')] as const);
}
