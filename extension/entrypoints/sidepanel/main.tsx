// The tokens and base styles first: components' own stylesheets come after them and refine them.
import '../../styles/panel.css';
import { render } from 'preact';
import { Desk } from '../../components/desk.tsx';
import { DeskProvider } from '../../components/desk-context.tsx';
import { SessionGate } from '../../components/session-gate.tsx';
import '../../styles/attention.css';
import '../../styles/attachments.css';
import '../../styles/composer.css';

document.documentElement.lang = navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
const root = document.getElementById('app');
if (root)
  render(
    <SessionGate>
      {(session) => (
        <DeskProvider key={session.token} session={session}>
          <Desk session={session} />
        </DeskProvider>
      )}
    </SessionGate>,
    root,
  );
