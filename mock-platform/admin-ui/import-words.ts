import type { Language } from './i18n.ts';
import { type Entry, wordsFrom } from './issue-words.ts';

/**
 * What the platform writes in an import report besides refusals: where a row is (`row 3`), what
 * it is (the audit log's `skill Billing`) and notes about templates. Said again in the UI's
 * language with issue-words.ts's mechanism; `import-words.test.ts` runs a real import through it.
 */
const channels = (n: string) => (n === 'all channels' ? 'todos los canales' : `${n.replace(' channels', '')} canales`);
const roles: Record<string, string> = { agent: 'agente', admin: 'administrador', supervisor: 'supervisor' };

const ENTRIES: Entry[] = [
  { pattern: /^row (\d+)$/, es: (n) => `fila ${n}` },
  { pattern: /^settings$/, es: 'ajustes' },
  { pattern: /^skill (.+)$/, es: (name) => `habilidad ${name}` },
  { pattern: /^channel (.+)$/, es: (name) => `canal ${name}` },
  { pattern: /^role (.+) \((\d+) channels\)$/, es: (name, n) => `rol ${name} (${n} canales)` },
  {
    pattern: /^(agent|admin|supervisor) (\S+) \((.*)\)$/,
    es: (role, username, display) => `${roles[role] ?? role} ${username} (${display})`,
  },
  {
    pattern: /^rich message (.+) \((\w+), (\d+) channels\)$/,
    es: (name, kind, n) => `mensaje enriquecido ${name} (${kind}, ${n} canales)`,
  },
  {
    pattern: /^custom component (.+) \((.+), (\d+) px, (all channels|\d+ channels)\)$/,
    es: (name, url, px, n) => `componente personalizado ${name} (${url}, ${px} px, ${channels(n)})`,
  },
  {
    pattern: /^canned response (.+) \((\/\S+), (\w+), (all channels|\d+ channels)\)$/,
    es: (name, shortcut, language, n) => `respuesta predefinida ${name} (${shortcut}, ${language}, ${channels(n)})`,
  },
  { pattern: /^closure reason (.+)$/, es: (name) => `motivo de cierre ${name}` },
  { pattern: /^unavailable reason (.+) \((.*)\)$/, es: (name, es) => `motivo de No disponible ${name} (${es})` },
  {
    pattern: /^routing script (.+) \((\d+) rules\)$/,
    es: (name, n) => `script de enrutamiento ${name} (${n} reglas)`,
  },
  { pattern: /^routing queue (.+) \(order (\d+)\)$/, es: (name, n) => `cola de enrutamiento ${name} (orden ${n})` },
  // Notes about templates (imports never create them).
  {
    pattern: /^Templates were not compared: WhatsApp could not be reached$/,
    es: 'Las plantillas no se compararon: no se pudo contactar con WhatsApp',
  },
  {
    pattern:
      /^Template (.+) \((.+)\) is not on any connected WhatsApp account: create it in WhatsApp Manager \(Meta reviews it\); imports never create templates$/,
    es: (name, language) =>
      `La plantilla ${name} (${language}) no está en ninguna cuenta de WhatsApp conectada: créela en WhatsApp Manager (Meta la revisa); las importaciones nunca crean plantillas`,
  },
  {
    pattern:
      /^Template (.+) \((.+)\) is not on WhatsApp account (\d+): create it in WhatsApp Manager \(Meta reviews it\); imports never create templates$/,
    es: (name, language, wabaId) =>
      `La plantilla ${name} (${language}) no está en la cuenta de WhatsApp ${wabaId}: créela en WhatsApp Manager (Meta la revisa); las importaciones nunca crean plantillas`,
  },
];

/** An import report's server-written text in `language`'s words, or as written when nothing else applies. */
export const importWords = (text: string, language: Language): string => wordsFrom(ENTRIES, text, language) ?? text;
