import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n.ts';
import { resumeSession } from '../utils/resume.ts';
import { loadSession, onSessionChange, type Session } from '../utils/storage.ts';
import { LoginForm } from './login-form.tsx';

/** Shows the sign-in form until there is a session, then `children(session)`. */
export function SessionGate({ children }: { children: (session: Session) => preact.ComponentChildren }) {
  const [session, setSession] = useState<Session | undefined | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const stop = new AbortController();
    // No session in memory (a browser restart, or it ended): "stay signed in" may sign in again.
    const refresh = () =>
      void (async () => (await loadSession()) ?? (await resumeSession()))().then((next) => {
        setSession((previous) => {
          if (previous && !next) setExpired(true);
          return next;
        });
      });
    refresh();
    onSessionChange(refresh, stop.signal);
    // A session also ends by time, with no storage change to announce it.
    const timer = setInterval(refresh, 60_000);
    return () => {
      stop.abort();
      clearInterval(timer);
    };
  }, []);

  if (session === null) return null;
  if (!session) return <LoginForm notice={expired ? t('sessionExpired') : undefined} />;
  return <>{children(session)}</>;
}
