import type { AttentionChip as Chip } from '../utils/attention.ts';
import { formatRemaining } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';

/** The words of a conversation's attention chip: short for the row, a sentence for its tooltip. */
export function chipText(chip: Chip): { label: string; title: string } {
  const time = formatRemaining(chip.left);
  if (chip.kind === 'window') return { label: t('chipWindow', { time }), title: t('chipWindowTitle', { time }) };
  const clock = t(chip.clock === 'firstResponse' ? 'slaFirstResponse' : 'slaResolution');
  if (chip.overdue) return { label: t('chipOverdue'), title: t('chipSlaTitle', { clock, state: t('chipOverdue') }) };
  const label = t(chip.clock === 'firstResponse' ? 'chipFirstResponse' : 'chipResolution', { time });
  return { label, title: t('chipSlaTitle', { clock, state: label }) };
}

/** A small colored pill: amber while the window or a clock runs out, red once an SLA is overdue. */
export function AttentionChip({ chip }: { chip: Chip }) {
  const { label, title } = chipText(chip);
  const tone = chip.kind === 'sla' && chip.overdue ? 'overdue' : 'soon';
  return (
    <span class={`chip ${tone}`} title={title} data-testid="attention-chip" data-kind={chip.kind}>
      {label}
    </span>
  );
}
