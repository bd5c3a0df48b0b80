import type { ConversationView } from '../../shared/api/schemas.ts';
import { formatDue, formatLate, formatRemaining } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';
import { useNow } from './use-now.ts';

type Clock = NonNullable<ConversationView['sla']>['firstResponse'];

/**
 * A stopped clock reads as it stood when it stopped ("met", "breached by 1m 12s"); a running one
 * counts down, rounded down, and once past its due time counts how late it is.
 */
export function describeClock(clock: Clock, now: number): string {
  if (clock.state === 'met') return t('slaMet');
  if (clock.stoppedAt !== undefined) {
    return t('slaBreachedBy', { time: formatLate(clock.stoppedAt - clock.dueAt) });
  }
  if (clock.state === 'breached' || clock.dueAt <= now) {
    return t('slaOverdue', { time: formatLate(now - clock.dueAt) });
  }
  return t('slaDueIn', { time: formatRemaining(clock.dueAt - now) });
}

function stateOf(clock: Clock, now: number): Clock['state'] {
  return clock.state === 'active' && clock.dueAt <= now ? 'breached' : clock.state;
}

/**
 * The SLA clocks as live countdowns (BY-3), refreshed every second. Due times are counted in
 * business hours by the platform; counting down to them in wall time is exact, since that is when
 * the breach happens. `detailed` adds the due date and time, shown when the reply field has the
 * focus (SL-4). `now` is for tests; the panel lets the line keep its own time.
 */
export function SlaLine({
  sla,
  now: fixedNow,
  detailed,
  compact = false,
}: {
  sla: NonNullable<ConversationView['sla']>;
  now?: number;
  detailed: boolean;
  /** Short labels ("1st reply: due in 4m"), for the one row it shares with the window. */
  compact?: boolean;
}) {
  const ticking = useNow(1_000);
  const now = fixedNow ?? ticking;
  const clocks = [
    ['slaFirstResponse', 'slaFirstShort', sla.firstResponse, 'sla-first-response'],
    ['slaResolution', 'slaResolutionShort', sla.resolution, 'sla-resolution'],
  ] as const;
  return (
    <div
      class={`sla ${detailed ? 'detailed' : ''} ${compact ? 'compact' : ''}`}
      data-testid={detailed ? 'sla-on-focus' : 'sla'}
    >
      {clocks.map(([label, short, clock, testId]) => (
        <span
          key={testId}
          class={`sla-clock ${stateOf(clock, now)}`}
          data-testid={testId}
          data-state={stateOf(clock, now)}
          title={compact ? `${t(label)}: ${describeClock(clock, now)}` : undefined}
        >
          {compact
            ? `${t(short)} ${stateOf(clock, now) === 'active' ? formatRemaining(clock.dueAt - now) : describeClock(clock, now)}`
            : `${t(label)}: ${describeClock(clock, now)}`}
          {detailed && clock.state === 'active' && <> · {t('slaDueAt', { time: formatDue(clock.dueAt) })}</>}
        </span>
      ))}
    </div>
  );
}
