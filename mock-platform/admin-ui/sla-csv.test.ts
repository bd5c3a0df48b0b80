import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from './i18n.ts';
import { slaCsv } from './sla-csv.ts';
import type { SlaReport } from './types.ts';

const counts = (met: number, breached: number, active: number) => ({ met, breached, active });
const report: SlaReport = {
  from: 0,
  to: Date.UTC(2026, 11, 2),
  conversations: 2,
  byChannel: [{ key: 'ch_1', label: 'Ventas, España', firstResponse: counts(1, 1, 0), resolution: counts(0, 0, 2) }],
  byQueue: [],
  byHour: [{ key: '09', label: '09:00', firstResponse: counts(1, 1, 0), resolution: counts(0, 0, 2) }],
  bySkill: [
    {
      skillId: 'skill_1',
      skill: 'Soporte',
      campaign: 'Navidad, 2026',
      targetPercent: 80,
      thresholdSeconds: 20,
      offered: 3,
      counted: 2,
      answeredWithin: 1,
      percentWithin: 50,
      met: false,
    },
    { skillId: 'skill_2', skill: 'Ventas', offered: 1, counted: 1, answeredWithin: 1 },
  ],
  campaigns: ['Navidad, 2026'],
  timeZone: 'Europe/Madrid',
  breaches: [
    {
      conversationId: 'conv_1',
      customer: '=HYPERLINK("http://x")',
      channelId: 'ch_1',
      skillId: 'skill_1',
      channel: 'Ventas, España',
      queue: 'Soporte',
      clock: 'firstResponse',
      dueAt: 1000,
    },
  ],
};

afterEach(() => setLanguage('en'));

describe('SLA dashboard as CSV', () => {
  it('has a line per row and clock, then each skill’s service level with its campaign and target, then the breaches, quoted where needed and never a formula', () => {
    setLanguage('es');
    expect(slaCsv(report, () => '2 dic 2026, 9:00').split('\r\n')).toEqual([
      'Grupo,Nombre,Reloj,cumplido,incumplido,en curso',
      'Por canal,"Ventas, España",Primera respuesta,1,1,0',
      'Por canal,"Ventas, España",Solución,0,0,2',
      'Por hora del día (inicio de la conversación),09:00,Primera respuesta,1,1,0',
      'Por hora del día (inicio de la conversación),09:00,Solución,0,0,2',
      '',
      'Habilidad,Campaña,Objetivo,Atendidas a tiempo,% a tiempo,Objetivo cumplido',
      'Soporte,"Navidad, 2026",80 % en 20 s,1 de 2 (3 ofrecidas),50%,No cumplido',
      'Ventas,,sin objetivo,1 de 1 (1 ofrecidas),,',
      '',
      'Incumplimientos,Cliente,Canal,Cola,Reloj,Vencía',
      `conv_1,"'=HYPERLINK(""http://x"")","Ventas, España",Soporte,Primera respuesta,"2 dic 2026, 9:00"`,
      '',
    ]);
  });
});
