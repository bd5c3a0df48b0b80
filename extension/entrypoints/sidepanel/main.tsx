import { render } from 'preact';
import { Desk } from '../../components/desk.tsx';
import { SessionGate } from '../../components/session-gate.tsx';
import '../../styles/panel.css';
import '../../styles/attention.css';
import '../../styles/attachments.css';
import '../../styles/composer.css';

document.documentElement.lang = navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
const root = document.getElementById('app');
if (root) render(<SessionGate>{(session) => <Desk key={session.token} session={session} />}</SessionGate>, root);
