// The tokens and base styles first: components' own stylesheets come after them and refine them.
import '../../styles/panel.css';
import { render } from 'preact';
import { ConsolePatternsForm } from '../../components/console-patterns-form.tsx';
import { SessionGate } from '../../components/session-gate.tsx';
import { signOut } from '../../utils/auth.ts';
import { t } from '../../utils/i18n.ts';

const root = document.getElementById('app');
if (root) {
  render(
    <SessionGate>
      {(session) => (
        <section class="signed-in" data-testid="signed-in">
          <h1 class="brand">Loro</h1>
          <p>
            {session.user.displayName} · <code>{session.platformUrl}</code>
          </p>
          <p class="subtitle">{new Date(session.expiresAt).toLocaleString()}</p>
          <button type="button" onClick={() => void signOut(session)} data-testid="sign-out">
            {t('signOut')}
          </button>
          <ConsolePatternsForm />
        </section>
      )}
    </SessionGate>,
    root,
  );
}
