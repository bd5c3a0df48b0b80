import { formatRemaining } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';
import { useNow } from './use-now.ts';

/**
 * The 24-hour customer service window: time left (rounded down, refreshed every second) or closed.
 * `compact` says it in two words ("Window 23h 59m"), the sentence in its tooltip.
 */
export function WindowState({
  closesAt,
  now: fixedNow,
  compact = false,
}: {
  closesAt: number | undefined;
  now?: number;
  compact?: boolean;
}) {
  const ticking = useNow(1_000);
  const now = fixedNow ?? ticking;
  const left = closesAt !== undefined ? closesAt - now : 0;
  const open = left > 0;
  return (
    <p
      class={`window ${open ? '' : 'closed'}`}
      data-testid="window-state"
      title={open && compact ? t('windowLeft', { time: formatRemaining(left) }) : undefined}
    >
      {open ? t(compact ? 'chipWindow' : 'windowLeft', { time: formatRemaining(left) }) : t('windowClosed')}
    </p>
  );
}
