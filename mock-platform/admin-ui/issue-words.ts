import type { Language } from './i18n.ts';
import { re2DetailEs } from './re2-words.ts';

/**
 * The platform words the checks that are not a standard rule itself, in English ("ch_9 is not a
 * channel", a pattern RE2 refuses, overlapping opening hours): those issues carry no `rule` to say
 * in Spanish. Here they are said again in the UI's language, matched by the platform's wording;
 * `issue-words.test.ts` runs the real platform's refusals through it so a changed wording fails a
 * test instead of reaching a Spanish administrator in English.
 */
type Words = (...groups: string[]) => string;
/** One English wording the platform writes, said again in Spanish (and in English when it needs it). */
export type Entry = { pattern: RegExp; es: string | Words; en?: Words };

/** Weekdays as the platform numbers them: 1 = Monday … 7 = Sunday. */
const weekday = (day: string, language: Language) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, Number(day)));

const ENTRIES: Entry[] = [
  // References to other records.
  { pattern: /^(.+) is not a channel$/, es: (id) => `${id} no es un canal` },
  { pattern: /^(.+) is not a skill$/, es: (id) => `${id} no es una habilidad` },
  { pattern: /^(.+) is not a routing script$/, es: (id) => `${id} no es un script de enrutamiento` },
  { pattern: /^(.+) is not a closure reason$/, es: (id) => `${id} no es un motivo de cierre` },
  { pattern: /^(.+) is not a role$/, es: (id) => `${id} no es un rol` },
  { pattern: /^(.+) is not an unavailable reason$/, es: (id) => `${id} no es un motivo de No disponible` },
  { pattern: /^(.+) is listed twice$/, es: (id) => `${id} aparece dos veces` },
  { pattern: /^(.+) is not a real date and time$/, es: (slot) => `${slot} no es una fecha y hora que exista` },
  { pattern: /^(.+) is in the past$/, es: (slot) => `${slot} ya ha pasado` },
  { pattern: /^(.+) is already taken$/, es: (name) => `${name} ya está en uso` },
  { pattern: /^is already the channel (.+)$/, es: (name) => `ya es el canal ${name}` },
  { pattern: /^is not a number of this WhatsApp account$/, es: 'no es un número de esta cuenta de WhatsApp' },
  {
    pattern: /^WhatsApp refused to send this platform the account’s messages \(subscribed_apps\): (.+)$/,
    es: (why) => `WhatsApp se negó a enviar a esta plataforma los mensajes de la cuenta (subscribed_apps): ${why}`,
  },
  {
    pattern:
      /^WhatsApp could not be reached to send this platform the account’s messages \(subscribed_apps\): try again$/,
    es: 'No se pudo contactar con WhatsApp para que envíe a esta plataforma los mensajes de la cuenta (subscribed_apps): vuelva a intentarlo',
  },
  {
    pattern: /^WhatsApp does not let this platform read the account: (.+)$/,
    es: (why) => `WhatsApp no permite a esta plataforma leer la cuenta: ${why}`,
  },
  {
    pattern: /^WhatsApp could not be reached to check the account: try again$/,
    es: 'No se pudo contactar con WhatsApp para comprobar la cuenta: vuelva a intentarlo',
  },
  {
    pattern: /^a WhatsApp Business account id is digits$/,
    es: 'el identificador de una cuenta de WhatsApp Business son solo dígitos',
  },
  {
    pattern: /^the number is not verified yet: finish its verification first$/,
    es: 'el número aún no está verificado: termine primero su verificación',
  },
  // Channels, skills, users.
  { pattern: /^choose a default skill$/, es: 'elija una habilidad predeterminada' },
  { pattern: /^choose a verified number$/, es: 'elija un número verificado' },
  {
    pattern: /^choose a default routing script, or route by routing queues$/,
    es: 'elija un script de enrutamiento predeterminado, o enrute por colas de enrutamiento',
  },
  { pattern: /^cannot be the skill itself$/, es: 'no puede ser la propia habilidad' },
  {
    pattern: /^choose a secondary skill or an automatic message for the time-out to act on$/,
    es: 'elija una habilidad secundaria o un mensaje automático para cuando se agote el tiempo',
  },
  { pattern: /^set a queue time-out to send it at$/, es: 'defina un tiempo de espera en cola para enviarlo' },
  { pattern: /^applies to inbound skills only$/, es: 'solo se aplica a habilidades entrantes' },
  { pattern: /^is required for a new user$/, es: 'es obligatoria para un usuario nuevo' },
  { pattern: /^an agent needs exactly one role$/, es: 'un agente necesita exactamente un rol' },
  { pattern: /^the last administrator cannot stop being one$/, es: 'el último administrador no puede dejar de serlo' },
  { pattern: /^include at least one channel$/, es: 'incluya al menos un canal' },
  // Formats and limits a schema words itself.
  { pattern: /^must be 1–64 letters, digits, _ or -$/, es: 'debe tener de 1 a 64 letras, dígitos, _ o -' },
  { pattern: /^must be 2–64 letters, digits, \. _ @ or -$/, es: 'debe tener de 2 a 64 letras, dígitos, . _ @ o -' },
  {
    pattern: /^must end with %s: it is replaced by the conversation id$/,
    es: 'debe terminar en %s: se sustituye por el identificador de la conversación',
  },
  { pattern: /^must be at least (\d+) px$/, es: (n) => `debe ser como mínimo ${n} px` },
  { pattern: /^must be at most (\d+) px$/, es: (n) => `debe ser como máximo ${n} px` },
  { pattern: /^at most (\d+) characters$/, es: (n) => `como máximo ${n} caracteres` },
  { pattern: /^must be an http\(s\) URL$/, es: 'debe ser una URL http(s)' },
  { pattern: /^must be an absolute http\(s\) URL$/, es: 'debe ser una URL http(s) completa' },
  { pattern: /^must be YYYY-MM-DDTHH:MM$/, es: 'debe ser una fecha y hora AAAA-MM-DDTHH:MM' },
  { pattern: /^must be at least one minute$/, es: 'debe ser como mínimo un minuto' },
  { pattern: /^must be 1–100$/, es: 'debe estar entre 1 y 100' },
  { pattern: /^must be at least 1 second$/, es: 'debe ser como mínimo 1 segundo' },
  { pattern: /^must be at most one day$/, es: 'debe ser como máximo un día' },
  { pattern: /^must be (\d+)–(\d+) seconds$/, es: (from, to) => `debe estar entre ${from} y ${to} segundos` },
  // Business hours.
  { pattern: /^must be a time of day as HH:mm$/, es: 'debe ser una hora del día (HH:mm)' },
  { pattern: /^must be a time of day as HH:mm, or 24:00$/, es: 'debe ser una hora del día (HH:mm), o 24:00' },
  {
    pattern: /^must be an IANA time zone such as Europe\/Madrid$/,
    es: 'debe ser una zona horaria IANA, como Europe/Madrid',
  },
  { pattern: /^must be a date as YYYY-MM-DD$/, es: 'debe ser una fecha AAAA-MM-DD' },
  {
    pattern: /^overlaps (\S+)–(\S+) of weekday ([1-7]): intervals may not overlap \(merge them into one\)$/,
    es: (start, end, day) =>
      `se solapa con ${start}–${end} del ${weekday(day, 'es')}: los intervalos no pueden solaparse (únalos en uno)`,
    en: (start, end, day) =>
      `overlaps ${start}–${end} on ${weekday(day, 'en')}: intervals may not overlap (merge them into one)`,
  },
  // Routing scripts: patterns RE2 cannot run in linear time.
  {
    pattern:
      /^is not a regular expression this platform can run in linear time \((.+)\); back-references and look-arounds are not supported$/,
    es: (detail) =>
      `no es una expresión regular que la plataforma pueda evaluar en tiempo lineal (${re2DetailEs(detail) ?? detail}); no se admiten referencias hacia atrás (\\1) ni búsquedas alrededor (?=…)`,
  },
  // Imports (CSV and configuration files).
  { pattern: /^must be a whole number, not (.*)$/, es: (cell) => `debe ser un número entero, no ${cell}` },
  { pattern: /^must be true or false, not (.*)$/, es: (cell) => `debe ser true o false, no ${cell}` },
  { pattern: /^must be JSON, as the export writes it$/, es: 'debe ser JSON, como lo escribe la exportación' },
  {
    pattern: /^must be skill:proficiency pairs separated by ;, such as (.+)$/,
    es: (example) => `deben ser pares habilidad:competencia separados por ;, como ${example}`,
  },
  { pattern: /^(.+) is not a column: use (.+)$/, es: (name, list) => `${name} no es una columna: use ${list}` },
  { pattern: /^the (.+) column is required$/, es: (name) => `la columna ${name} es obligatoria` },
  { pattern: /^(.+) is also (.+) of the file$/, es: (id, ref) => `${id} también está en ${ref} del archivo` },
  {
    pattern: /^must be the whole number the export wrote$/,
    es: 'debe ser el número entero que escribió la exportación',
  },
  {
    pattern: /^(.+) is not a channel: channels are created from a WhatsApp number on the WhatsApp page$/,
    es: (id) => `${id} no es un canal: los canales se crean a partir de un número de WhatsApp en la página de WhatsApp`,
  },
  {
    pattern: /^must be loro-configuration: export the file from Loro$/,
    es: 'debe ser loro-configuration: exporte el archivo desde Loro',
  },
  // Canned responses.
  {
    pattern: /^must be 1–32 lowercase letters, digits, _ or -, without the \/$/,
    es: 'use de 1 a 32 minúsculas, dígitos, _ o -, empezando por una letra o un dígito, sin la /',
  },
  {
    pattern: /^\/(\S+) is already the shortcut of (.+) in this language$/,
    es: (shortcut, name) => `/${shortcut} ya es el atajo de «${name}» en este idioma`,
  },
  {
    pattern: /^(\{\{.+?\}\}) is not a variable: use (.+)$/,
    es: (variable, list) => `${variable} no es una variable: use ${list.replace(/, (?=[^,]*$)/, ' o ')}`,
  },
  { pattern: /^choose at least one channel, or all channels$/, es: 'elija al menos un canal, o todos los canales' },
];

/**
 * A check's English message in `language`'s words: undefined when there is nothing to say
 * differently (English already plain, or a wording this table does not know).
 */
export function issueWords(message: string, language: Language): string | undefined {
  return wordsFrom(ENTRIES, message, language);
}

/** The first entry matching `message`, in `language`'s words; shared by every table of server-written English. */
export function wordsFrom(entries: Entry[], message: string, language: Language): string | undefined {
  for (const entry of entries) {
    const match = entry.pattern.exec(message);
    if (!match) continue;
    const groups = match.slice(1).map((group) => group ?? '');
    const words = language === 'es' ? entry.es : entry.en;
    if (words === undefined) return undefined;
    return typeof words === 'string' ? words : words(...groups);
  }
  return undefined;
}
