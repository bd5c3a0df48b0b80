import type { ConversationView } from '../../shared/api/schemas.ts';
import { formatDue, formatRemaining } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';

type Clock = NonNullable<ConversationView['sla']>['firstResponse'];

function describe(clock: Clock, now: number): string {
  if (clock.state === 'met') return t('slaMet');
  if (clock.state === 'breached' || clock.dueAt <= now) {
    return clock.dueAt <= now ? t('slaOverdue', { time: formatRemaining(now - clock.dueAt) }) : t('slaBreached');
  }
  return t('slaDueIn', { time: formatRemaining(clock.dueAt - now) });
}

function stateOf(clock: Clock, now: number): Clock['state'] {
  return clock.state === 'active' && clock.dueAt <= now ? 'breached' : clock.state;
}

/**
 * The SLA clocks as live countdowns (BY-3). Due times are counted in business hours by the
 * platform; counting down to them in wall time is exact, since that is when the breach happens.
 * `detailed` adds the due date and time, shown when the reply field has the focus (SL-4).
 */
export function SlaLine({
  sla,
  now,
  detailed,
}: {
  sla: NonNullable<ConversationView['sla']>;
  now: number;
  detailed: boolean;
}) {
  const clocks = [
    ['slaFirstResponse', sla.firstResponse, 'sla-first-response'],
    ['slaResolution', sla.resolution, 'sla-resolution'],
  ] as const;
  return (
    <div class={`sla ${detailed ? 'detailed' : ''}`} data-testid={detailed ? 'sla-on-focus' : 'sla'}>
      {clocks.map(([label, clock, testId]) => (
        <span
          key={testId}
          class={`sla-clock ${stateOf(clock, now)}`}
          data-testid={testId}
          data-state={stateOf(clock, now)}
        >
          {t(label)}: {describe(clock, now)}
          {detailed && clock.state === 'active' && <> · {t('slaDueAt', { time: formatDue(clock.dueAt) })}</>}
        </span>
      ))}
    </div>
  );
}
