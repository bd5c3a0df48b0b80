import { toCsv } from '../../shared/csv/csv.ts';
import { t } from './i18n.ts';
import type { SlaReport } from './types.ts';

/**
 * The SLA dashboard as CSV (RFC 4180), in the UI's language: one line per channel, queue and hour
 * and clock, then each skill's service level with its campaign and target, then the breaches; cells neutralised against formulas by `toCsv` (shared/csv).
 */
export function slaCsv(report: SlaReport, formatTime: (at: number) => string): string {
  const lines: string[][] = [[t('csvGroup'), t('name'), t('clock'), t('sla_met'), t('sla_breached'), t('sla_active')]];
  const groups = [
    [t('byChannel'), report.byChannel],
    [t('byQueue'), report.byQueue],
    [t('byHour'), report.byHour],
  ] as const;
  for (const [group, rows] of groups)
    for (const row of rows)
      for (const clock of ['firstResponse', 'resolution'] as const) {
        const counts = row[clock];
        lines.push([group, row.label, t(clock), String(counts.met), String(counts.breached), String(counts.active)]);
      }
  lines.push([]);
  lines.push([t('skill'), t('campaign'), t('slTarget'), t('slAnsweredWithin'), t('slPercent'), t('slMet')]);
  for (const row of report.bySkill)
    lines.push([
      row.skill,
      row.campaign ?? '',
      row.targetPercent !== undefined && row.thresholdSeconds !== undefined
        ? t('slTargetValue', { percent: String(row.targetPercent), seconds: String(row.thresholdSeconds) })
        : t('slNoTarget'),
      t('slCounts', { within: String(row.answeredWithin), counted: String(row.counted), offered: String(row.offered) }),
      row.percentWithin !== undefined ? `${row.percentWithin}%` : '',
      row.met === undefined ? '' : row.met ? t('slMetYes') : t('slMetNo'),
    ]);
  lines.push([]);
  lines.push([t('breaches'), t('customer'), t('channel'), t('queue'), t('clock'), t('wasDue')]);
  for (const breach of report.breaches)
    lines.push([
      breach.conversationId,
      breach.customer,
      breach.channel,
      breach.queue,
      t(breach.clock),
      formatTime(breach.dueAt),
    ]);
  return toCsv(lines);
}
