import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, onSignedOut, session } from './api.ts';
import { type AdminKey, language, setLanguage, t } from './i18n.ts';
import { AgentBoardPage } from './pages/agent-board.tsx';
import { AgentStatesPage } from './pages/agent-states.tsx';
import { ApiReferencePage } from './pages/api-reference.tsx';
import { AuditPage } from './pages/audit.tsx';
import { CannedResponsesPage } from './pages/canned-responses.tsx';
import { ChannelsPage } from './pages/channels.tsx';
import { ClosureReasonsPage } from './pages/closure-reasons.tsx';
import { CustomComponentsPage } from './pages/custom-components.tsx';
import { ImportExportPage } from './pages/import-export.tsx';
import { QueueBoardPage } from './pages/queue-board.tsx';
import { RichMessagesPage } from './pages/rich-messages.tsx';
import { RolesPage } from './pages/roles.tsx';
import { RoutingQueuesPage, RoutingScriptsPage } from './pages/routing.tsx';
import { PrivacyPage, ServiceLevelsPage } from './pages/service-levels.tsx';
import { SkillsPage } from './pages/skills.tsx';
import { SlaDashboardPage } from './pages/sla-dashboard.tsx';
import { UsersPage } from './pages/users.tsx';

/** The pages, grouped and ordered as the administrator's reference document walks through them. */
const SECTIONS: { title: AdminKey; pages: { route: string; label: AdminKey; page: ComponentType }[] }[] = [
  { title: 'navTouchpoints', pages: [{ route: 'whatsapp', label: 'whatsapp', page: ChannelsPage }] },
  {
    title: 'navDigitalSettings',
    pages: [
      { route: 'components', label: 'customComponents', page: CustomComponentsPage },
      { route: 'rich-messages', label: 'richMessages', page: RichMessagesPage },
      { route: 'canned-responses', label: 'cannedResponses', page: CannedResponsesPage },
    ],
  },
  {
    title: 'navAcd',
    pages: [
      { route: 'roles', label: 'roles', page: RolesPage },
      { route: 'users', label: 'users', page: UsersPage },
      { route: 'skills', label: 'skills', page: SkillsPage },
      { route: 'scripts', label: 'routingScripts', page: RoutingScriptsPage },
      { route: 'queues', label: 'routingQueues', page: RoutingQueuesPage },
      { route: 'sla', label: 'slaAndHours', page: ServiceLevelsPage },
      { route: 'closure-reasons', label: 'closureReasons', page: ClosureReasonsPage },
      { route: 'agent-states', label: 'unavailableReasons', page: AgentStatesPage },
      { route: 'privacy', label: 'privacy', page: PrivacyPage },
      { route: 'import-export', label: 'importExport', page: ImportExportPage },
    ],
  },
  {
    title: 'navSupervision',
    pages: [
      { route: 'live-queues', label: 'queueBoard', page: QueueBoardPage },
      { route: 'live-agents', label: 'agentBoard', page: AgentBoardPage },
    ],
  },
  {
    title: 'navReports',
    pages: [
      { route: 'dashboard', label: 'slaDashboard', page: SlaDashboardPage },
      { route: 'audit', label: 'auditLog', page: AuditPage },
      { route: 'api', label: 'apiReference', page: ApiReferencePage },
    ],
  },
];
/** Supervisors see the supervision pages only (the platform refuses them the rest anyway). */
const sectionsFor = (role: string) =>
  role === 'supervisor' ? SECTIONS.filter((section) => section.title === 'navSupervision') : SECTIONS;
const defaultRoute = (role: string) => (role === 'supervisor' ? 'live-queues' : 'dashboard');

// A list's search, order and page follow the route in the hash (`#/users?users.sort=name`: list-state.ts).
const currentRoute = () => location.hash.replace(/^#\/?/, '').split('?')[0] || defaultRoute(session.role());

export function App() {
  const [signedIn, setSignedIn] = useState(session.token() !== null);
  const [route, setRoute] = useState(currentRoute());
  const [, setLang] = useState(language());
  useEffect(() => onSignedOut(() => setSignedIn(false)), []);
  useEffect(() => {
    const follow = () => setRoute(currentRoute());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language();
  });

  const switchLanguage = () => {
    setLanguage(language() === 'es' ? 'en' : 'es');
    setLang(language());
  };
  const signOut = async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    session.clear();
    setSignedIn(false);
  };

  const sections = sectionsFor(session.role());
  const pages = sections.flatMap((section) => section.pages);
  const page = pages.find((p) => p.route === route) ?? pages.find((p) => p.route === defaultRoute(session.role()));
  const Page = page?.page ?? SlaDashboardPage;
  return (
    <>
      <header class="top">
        <h1>
          <span aria-hidden="true">◆</span> Loro ·{' '}
          {signedIn && session.role() === 'supervisor' ? t('navSupervision') : t('administration')}
        </h1>
        <nav class="top-actions">
          <button type="button" class="link" onClick={switchLanguage} data-testid="language">
            {language() === 'es' ? 'English' : 'Español'}
          </button>
          {signedIn && (
            <>
              <span data-testid="who">{session.name()}</span>
              <button type="button" class="link" onClick={signOut} data-testid="admin-sign-out">
                {t('signOut')}
              </button>
            </>
          )}
        </nav>
      </header>
      {signedIn ? (
        <div class="layout">
          <nav class="side" aria-label={t('administration')}>
            {sections.map((section) => (
              <div key={section.title}>
                <h3>{t(section.title)}</h3>
                <ul>
                  {section.pages.map((p) => (
                    <li key={p.route}>
                      <a
                        href={`#/${p.route}`}
                        aria-current={p.route === page?.route ? 'page' : undefined}
                        data-testid={`nav-${p.route}`}
                      >
                        {t(p.label)}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
          <main class="content" key={route}>
            <Page />
          </main>
        </div>
      ) : (
        <SignIn onSignedIn={() => setSignedIn(true)} />
      )}
    </>
  );
}

function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const result = await api<{ token: string; user: { role: string; displayName: string } }>('/api/auth/login', {
        method: 'POST',
        body: { username, password },
      });
      if (result.user.role !== 'admin' && result.user.role !== 'supervisor') {
        setError(t('adminsOnly'));
        return;
      }
      session.start(result.token, result.user.displayName, result.user.role);
      onSignedIn();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form class="login card" onSubmit={submit} data-testid="admin-login">
      <h2>{t('signInTitle')}</h2>
      <label class="field">
        <span class="label">{t('username')}</span>
        <input
          name="username"
          required
          autocomplete="username"
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
          data-testid="admin-username"
        />
      </label>
      <label class="field">
        <span class="label">{t('password')}</span>
        <input
          name="password"
          type="password"
          required
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          data-testid="admin-password"
        />
      </label>
      <p class="error" role="alert" data-testid="admin-login-error">
        {error}
      </p>
      <button type="submit" data-testid="admin-sign-in">
        {t('signIn')}
      </button>
    </form>
  );
}
