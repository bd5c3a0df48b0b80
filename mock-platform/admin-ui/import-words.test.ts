import { describe, expect, it } from 'vitest';
import { testPlatform } from '../src/testing/harness.ts';
import { importWords } from './import-words.ts';

type Item = { ref: string; name: string };

async function admin() {
  const t = await testPlatform();
  const token = await t.login('admin', 'loro-admin');
  return (method: string, path: string, body?: unknown) =>
    t.call(method, `/api/admin/${path}`, { token, ...(body !== undefined ? { body } : {}) });
}

describe('an import report’s server-written text in the UI’s language', () => {
  it.each([
    ['row 3', 'fila 3'],
    ['skill Billing', 'habilidad Billing'],
    ['agent ana (Ana Agent)', 'agente ana (Ana Agent)'],
    ['role Agents (2 channels)', 'rol Agents (2 canales)'],
    ['routing queue VIP (order 1)', 'cola de enrutamiento VIP (orden 1)'],
    ['canned response Hello (/hola, es, all channels)', 'respuesta predefinida Hello (/hola, es, todos los canales)'],
    [
      'Templates were not compared: WhatsApp could not be reached',
      'Las plantillas no se compararon: no se pudo contactar con WhatsApp',
    ],
  ])('%j → %j, and English stays as written', (english, spanish) => {
    expect(importWords(english, 'es')).toBe(spanish);
    expect(importWords(english, 'en')).toBe(english);
  });

  it('says every row name and template note of a real configuration dry run in Spanish', async () => {
    const call = await admin();
    const file = (await call('GET', 'configuration')).body;
    file.templates.push(
      { name: 'winter_sale', language: 'es', category: 'MARKETING', status: 'APPROVED' },
      { name: 'winter_sale', language: 'es', category: 'MARKETING', status: 'APPROVED', wabaId: '100000000000999' },
    );
    const dry = await call('POST', 'configuration/import', { configuration: file });
    expect(dry.status).toBe(200);
    const items = dry.body.items as Item[];
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect([item.name, importWords(item.name, 'es')]).not.toContain(undefined);
    const untranslated = items.filter((item) => importWords(item.name, 'es') === item.name).map((item) => item.name);
    expect(untranslated).toEqual([]);
    expect(dry.body.notes.map((note: string) => importWords(note, 'es'))).toEqual([
      'La plantilla winter_sale (es) no está en ninguna cuenta de WhatsApp conectada: créela en WhatsApp Manager (Meta la revisa); las importaciones nunca crean plantillas',
      'La plantilla winter_sale (es) no está en la cuenta de WhatsApp 100000000000999: créela en WhatsApp Manager (Meta la revisa); las importaciones nunca crean plantillas',
    ]);
  });

  it('says the rows and users of a real CSV dry run in Spanish', async () => {
    const call = await admin();
    const csv = String((await call('GET', 'csv/users')).body);
    const dry = await call('POST', 'csv/users', { csv });
    expect(dry.status).toBe(200);
    const items = dry.body.items as Item[];
    expect(items.map((item) => importWords(item.name, 'es'))).toContain('agente ana (Ana Agent)');
    for (const item of items) {
      expect(importWords(item.ref, 'es')).toMatch(/^fila \d+$/);
      expect(importWords(item.name, 'es')).toMatch(/^(agente|administrador|supervisor) \S+ \(.*\)$/);
    }
  });
});
