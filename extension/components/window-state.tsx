import { formatRemaining } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';
import { useNow } from './use-now.ts';

/** The 24-hour customer service window: time left (rounded down, refreshed every second) or closed. */
export function WindowState({ closesAt, now: fixedNow }: { closesAt: number | undefined; now?: number }) {
  const ticking = useNow(1_000);
  const now = fixedNow ?? ticking;
  const left = closesAt !== undefined ? closesAt - now : 0;
  const open = left > 0;
  return (
    <p class={`window ${open ? '' : 'closed'}`} data-testid="window-state">
      {open ? t('windowLeft', { time: formatRemaining(left) }) : t('windowClosed')}
    </p>
  );
}
