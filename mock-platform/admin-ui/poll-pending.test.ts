import { describe, expect, it, vi } from 'vitest';
import { PENDING_POLL_MS, pollWhilePending } from './poll-pending.ts';

describe('pollWhilePending: the channel list turns approved without a reload', () => {
  it('reloads every 15 s while a channel is pending, and stops on cleanup', () => {
    vi.useFakeTimers();
    const reload = vi.fn();
    const stop = pollWhilePending(true, reload);
    vi.advanceTimersByTime(PENDING_POLL_MS * 2);
    expect(reload).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(PENDING_POLL_MS * 2);
    expect(reload).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it('does not poll when nothing is pending', () => {
    vi.useFakeTimers();
    const reload = vi.fn();
    pollWhilePending(false, reload);
    vi.advanceTimersByTime(PENDING_POLL_MS * 4);
    expect(reload).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
