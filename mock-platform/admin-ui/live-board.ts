import { useEffect, useState } from 'preact/hooks';
import { readEvents, session } from './api.ts';
import type { SupervisionBoard } from './types.ts';

const RETRY_MS = 2_000;

/**
 * The supervisors' boards, live: the platform's event stream sends the whole board on connect
 * and whenever anything on it changes. `offset` turns this browser's clock into the server's, so
 * waits and durations tick between two boards.
 */
export function useBoard() {
  const [state, setState] = useState<{ board: SupervisionBoard; offset: number } | undefined>(undefined);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      readEvents(
        '/api/supervisor/events',
        (event, data) => {
          if (event !== 'board') return;
          const board = data as SupervisionBoard;
          setState({ board, offset: board.now - Date.now() });
          setLive(true);
          document.body.dataset.ready = 'true';
        },
        abort.signal,
      ).catch(() => {
        setLive(false);
        if (!abort.signal.aborted && session.token()) retry = setTimeout(connect, RETRY_MS);
      });
    };
    connect();
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
  }, []);
  return { board: state?.board, offset: state?.offset ?? 0, live };
}

/** The server's time now, ticking every second. */
export function useServerNow(offset: number): number {
  const [now, setNow] = useState(Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    const timer = setInterval(() => setNow(Date.now() + offset), 1_000);
    return () => clearInterval(timer);
  }, [offset]);
  return now;
}

/** "35 s", "4 min 10 s", "2 h 05 min": the same in English and Spanish. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
