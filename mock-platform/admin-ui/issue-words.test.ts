import { describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed/demo-tenant.ts';
import { testPlatform } from '../src/testing/harness.ts';
import { issueWords } from './issue-words.ts';

type Issue = { path: string; message: string; rule?: unknown };

describe('the platform’s own checks, in the UI’s language', () => {
  it.each([
    ['ch_9 is not a channel', 'ch_9 no es un canal'],
    ['ana is already taken', 'ana ya está en uso'],
    ['must be 10–3600 seconds', 'debe estar entre 10 y 3600 segundos'],
    [
      'overlaps 09:00–14:00 of weekday 1: intervals may not overlap (merge them into one)',
      'se solapa con 09:00–14:00 del lunes: los intervalos no pueden solaparse (únalos en uno)',
    ],
    ['must be a whole number, not many', 'debe ser un número entero, no many'],
    ['the username column is required', 'la columna username es obligatoria'],
    ['colour is not a column: use id, name', 'colour no es una columna: use id, name'],
    [
      'ch_9 is not a channel: channels are created from a WhatsApp number on the WhatsApp page',
      'ch_9 no es un canal: los canales se crean a partir de un número de WhatsApp en la página de WhatsApp',
    ],
    ['/hola is already the shortcut of Saludo in this language', '/hola ya es el atajo de «Saludo» en este idioma'],
    [
      'WhatsApp refused to send this platform the account’s messages (subscribed_apps): (#200) Permissions error',
      'WhatsApp se negó a enviar a esta plataforma los mensajes de la cuenta (subscribed_apps): (#200) Permissions error',
    ],
    [
      'WhatsApp could not be reached to send this platform the account’s messages (subscribed_apps): try again',
      'No se pudo contactar con WhatsApp para que envíe a esta plataforma los mensajes de la cuenta (subscribed_apps): vuelva a intentarlo',
    ],
    [
      'WhatsApp does not let this platform read the account: (#100) Unsupported get request',
      'WhatsApp no permite a esta plataforma leer la cuenta: (#100) Unsupported get request',
    ],
    [
      'WhatsApp could not be reached to check the account: try again',
      'No se pudo contactar con WhatsApp para comprobar la cuenta: vuelva a intentarlo',
    ],
    [
      'a WhatsApp Business account id is digits',
      'el identificador de una cuenta de WhatsApp Business son solo dígitos',
    ],
  ])('%j → %j', (english, spanish) => {
    expect(issueWords(english, 'es')).toBe(spanish);
  });

  it('says a weekday by its name in English too, and leaves other English as the platform wrote it', () => {
    expect(issueWords('overlaps 22:00–06:00 of weekday 7: intervals may not overlap (merge them into one)', 'en')).toBe(
      'overlaps 22:00–06:00 on Sunday: intervals may not overlap (merge them into one)',
    );
    expect(issueWords('ch_9 is not a channel', 'en')).toBeUndefined();
    expect(issueWords('something new', 'es')).toBeUndefined();
  });

  it('has Spanish for every check the admin API words itself (refusals of the real platform)', async () => {
    const t = await testPlatform();
    const token = await t.login('admin', 'loro-admin');
    const refused = async (method: string, path: string, body: unknown) => {
      const answer = await t.call(method, `/api/admin/${path}`, { token, body });
      expect([path, answer.status]).toEqual([path, 400]);
      return (answer.body.error.issues ?? []) as Issue[];
    };
    const skill = (await t.call('GET', `/api/admin/skills/${DEMO.skillId}`, { token })).body;
    const { version: _, id: __, ...skillBody } = skill;
    const issues = [
      ...(await refused('POST', 'channels', {
        name: 'X',
        phoneNumberId: 'nope',
        defaultSkillId: 'skill_nope',
        routingMode: 'script',
        defaultScriptId: 'script_nope',
      })),
      ...(await refused('POST', 'channels', {
        name: 'X',
        phoneNumberId: '',
        defaultSkillId: '',
        routingMode: 'script',
      })),
      ...(await refused('PUT', `skills/${DEMO.skillId}`, {
        ...skillBody,
        direction: 'outbound',
        secondarySkillId: DEMO.skillId,
        serviceLevel: { targetPercent: 0, thresholdSeconds: 0 },
        queueTimeoutMessage: 'Sorry for the wait',
        wrapUpSeconds: 5,
        defaultClosureReasonId: 'closure_nope',
      })),
      ...(await refused('PUT', `skills/${DEMO.skillId}`, { ...skillBody, queueTimeoutSeconds: 60 })),
      ...(await refused('PUT', `skills/${DEMO.skillId}`, {
        ...skillBody,
        direction: 'outbound',
        secondarySkillId: DEMO.skillId,
        serviceLevel: { targetPercent: 80, thresholdSeconds: 60 },
        queueTimeoutMessage: 'Sorry for the wait',
      })),
      ...(await refused('POST', 'users', {
        username: 'a',
        displayName: 'A',
        role: 'agent',
        capacity: 1,
        skills: [
          { skillId: 'skill_nope', proficiency: 5 },
          { skillId: 'skill_nope', proficiency: 5 },
        ],
      })),
      ...(await refused('POST', 'users', {
        username: 'ana',
        displayName: 'Ana 2',
        role: 'agent',
        roleId: 'role_nope',
        capacity: 1,
        skills: [],
      })),
      ...(await refused('POST', 'custom-components', {
        name: 'C',
        url: 'https://x.example/t',
        height: 10,
        channelIds: [],
      })),
      ...(await refused('POST', 'custom-components', { name: 'C', url: 'x%s', height: 5000, channelIds: ['ch_nope'] })),
      ...(await refused('POST', 'rich-messages', {
        name: 'R',
        channelIds: [],
        content: { kind: 'quick_replies', text: 'Pick', options: ['a very long option, longer than twenty'] },
      })),
      ...(await refused('POST', 'rich-messages', {
        name: 'R',
        channelIds: [],
        content: { kind: 'rich_link', title: 'T', url: 'ftp://x' },
      })),
      ...(await refused('POST', 'rich-messages', {
        name: 'R',
        channelIds: [],
        content: { kind: 'time_picker', text: 'When?', slots: ['tomorrow at 10'] },
      })),
      ...(await refused('POST', 'rich-messages', {
        name: 'R',
        channelIds: [],
        content: { kind: 'time_picker', text: 'When?', slots: ['2999-02-30T10:00', '2000-01-01T10:00'] },
      })),
      ...(await refused('POST', 'routing-scripts', {
        name: 'S',
        rules: [
          { when: [{ field: 'text', op: 'matches', value: '(a)\\1' }], route: { skillId: 'skill_nope', priority: 1 } },
        ],
      })),
      ...(await refused('POST', 'routing-queues', {
        name: 'Q',
        skillId: DEMO.skillId,
        priority: 1,
        includedChannels: [],
        conditions: [],
      })),
      ...(await refused('POST', 'canned-responses', {
        name: 'C',
        shortcut: '/Hola',
        text: 'Hi {{customer.nombre}}',
        language: 'es',
        allChannels: false,
        channelIds: [],
      })),
    ];
    const settings = (await t.call('GET', '/api/admin/settings', { token })).body;
    const put = await t.call('PUT', '/api/admin/settings', {
      token,
      body: {
        ...settings,
        sla: { firstResponseMs: 1000, resolutionMs: 1000 },
        businessHours: {
          timeZone: 'Mars/Olympus',
          week: {
            '1': [
              { start: '09:00', end: '14:00' },
              { start: '13:00', end: '25:00' },
              { start: '9', end: '10:00' },
            ],
          },
          holidays: ['25/12/2026'],
        },
      },
    });
    expect(put.status).toBe(400);
    issues.push(...put.body.error.issues);

    const worded = issues.filter((issue) => !issue.rule);
    const untranslated = worded.filter((issue) => issueWords(issue.message, 'es') === undefined);
    expect(untranslated).toEqual([]);
    // The refusals above reach the checks this table is for, not just a few of them.
    expect(new Set(worded.map((issue) => issue.message)).size).toBeGreaterThanOrEqual(25);
  });
});
