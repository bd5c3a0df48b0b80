/**
 * The admin web UI's shell (the SLA dashboard is its first page). Static HTML plus one script
 * file, so the page runs under `script-src 'self'`; everything from the API is inserted as text.
 * The token lives in sessionStorage (this tab only) and goes in the Authorization header: no
 * cookies, so other sites cannot make requests on the administrator's behalf.
 */
export function adminPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loro · Administration</title>
<style>
  :root { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; --blue: #0b57d0; --green: #188038; --red: #c5221f; --gray: #dadce0; --muted: #5f6368; }
  body { margin: 0; background: #f6f8fc; }
  header { background: #fff; border-bottom: 1px solid #e3e3e3; padding: 12px 24px; display: flex; align-items: center; gap: 16px; }
  header h1 { font-size: 18px; margin: 0; } header h1 span { color: var(--blue); }
  header nav { margin-left: auto; display: flex; gap: 12px; align-items: center; color: var(--muted); }
  main { max-width: 1080px; margin: 24px auto; padding: 0 24px; }
  .card { background: #fff; border: 1px solid #e3e3e3; border-radius: 12px; padding: 16px 20px; margin-bottom: 16px; }
  .card h2 { font-size: 15px; margin: 0 0 12px; }
  .kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; }
  .kpi .value { font-size: 28px; font-weight: 600; } .kpi .label { color: var(--muted); }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
  .legend { display: flex; gap: 12px; color: var(--muted); font-size: 12px; margin-bottom: 8px; }
  .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
  table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eee; font-size: 13px; }
  th { color: var(--muted); font-weight: 500; }
  form.login { max-width: 360px; margin: 80px auto; display: flex; flex-direction: column; gap: 12px; }
  form.login label { display: flex; flex-direction: column; gap: 4px; color: var(--muted); font-size: 13px; }
  input, select { font: inherit; padding: 8px 10px; border: 1px solid #c4c7c5; border-radius: 8px; }
  button { font: inherit; padding: 8px 14px; border-radius: 8px; border: 1px solid var(--blue); background: var(--blue); color: #fff; font-weight: 600; cursor: pointer; }
  button.link { background: none; border: 0; color: var(--blue); font-weight: 400; padding: 0; }
  .error { color: var(--red); } .empty { color: var(--muted); }
  svg text { font-size: 11px; fill: #3c4043; }
</style>
</head>
<body>
<header><h1><span>◆</span> Loro · Administration</h1><nav id="nav" hidden><span id="who"></span><button class="link" id="sign-out" data-testid="admin-sign-out">Sign out</button></nav></header>
<main id="app"></main>
<script type="module" src="/admin/app.js"></script>
</body>
</html>`;
}

export const adminScript = `
const app = document.getElementById('app');
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value); else if (key in node) node[key] = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};
const svgEl = (tag, attrs = {}) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
};

async function api(path, init = {}) {
  const token = sessionStorage.getItem('loro.admin.token');
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) } });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) { sessionStorage.removeItem('loro.admin.token'); showLogin('Your session has ended: sign in again.'); throw new Error('signed out'); }
  if (!response.ok) throw new Error(body.error?.message || 'HTTP ' + response.status);
  return body;
}

function showLogin(message) {
  document.getElementById('nav').hidden = true;
  const error = el('p', { className: 'error', role: 'alert', dataset: { testid: 'admin-login-error' } }, message || '');
  const form = el('form', { className: 'login card', dataset: { testid: 'admin-login' } },
    el('h2', {}, 'Sign in as an administrator'),
    el('label', {}, 'Username', el('input', { name: 'username', required: true, autocomplete: 'username', dataset: { testid: 'admin-username' } })),
    el('label', {}, 'Password', el('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password', dataset: { testid: 'admin-password' } })),
    error,
    el('button', { type: 'submit', dataset: { testid: 'admin-sign-in' } }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const response = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: data.get('username'), password: data.get('password') }) });
    const body = await response.json();
    if (!response.ok) { error.textContent = body.error?.message || 'Sign-in failed'; return; }
    if (body.user.role !== 'admin') { error.textContent = 'This page is for administrators.'; return; }
    sessionStorage.setItem('loro.admin.token', body.token);
    sessionStorage.setItem('loro.admin.name', body.user.displayName);
    showDashboard();
  });
  app.replaceChildren(form);
}

const percent = (counts) => { const done = counts.met + counts.breached; return done ? Math.round((counts.met / done) * 100) + '%' : '—'; };

/** Stacked horizontal bars: met (green), breached (red), still running (gray), per row and clock. */
function chart(title, rows, testid) {
  const width = 460, label = 110, barHeight = 12, gap = 6, rowHeight = barHeight * 2 + gap + 10;
  const max = Math.max(1, ...rows.flatMap((row) => [row.firstResponse, row.resolution].map((c) => c.met + c.breached + c.active)));
  const svg = svgEl('svg', { width, height: Math.max(rowHeight, rows.length * rowHeight), role: 'img', 'aria-label': title });
  rows.forEach((row, index) => {
    const y = index * rowHeight;
    const name = svgEl('text', { x: 0, y: y + barHeight + 3 }); name.textContent = row.label; svg.append(name);
    [['firstResponse', 'FR'], ['resolution', 'Res']].forEach(([clock, short], line) => {
      const counts = row[clock];
      let x = label;
      const top = y + line * (barHeight + 2);
      for (const [state, color] of [['met', '#188038'], ['breached', '#c5221f'], ['active', '#dadce0']]) {
        const w = (counts[state] / max) * (width - label - 60);
        if (w > 0) svg.append(svgEl('rect', { x, y: top, width: w, height: barHeight, fill: color, 'data-state': state }));
        x += w;
      }
      const text = svgEl('text', { x: x + 4, y: top + barHeight - 2 }); text.textContent = short + ' ' + percent(counts); svg.append(text);
    });
  });
  const legend = el('div', { className: 'legend' }, ...[['#188038', 'met'], ['#c5221f', 'breached'], ['#dadce0', 'running']].map(([color, text]) => el('span', {}, el('i', { style: 'background:' + color }), text)));
  return el('section', { className: 'card', dataset: { testid } }, el('h2', {}, title), legend, rows.length ? svg : el('p', { className: 'empty' }, 'No conversations in this period.'));
}

async function showDashboard() {
  document.getElementById('nav').hidden = false;
  document.getElementById('who').textContent = sessionStorage.getItem('loro.admin.name') || '';
  const days = el('select', { dataset: { testid: 'sla-period' } }, ...[[1, 'Last 24 hours'], [7, 'Last 7 days'], [30, 'Last 30 days']].map(([value, text]) => el('option', { value, selected: value === 7 }, text)));
  const body = el('div');
  app.replaceChildren(el('div', { className: 'card' }, el('h2', {}, 'Service levels (SLA)'), el('label', {}, 'Period ', days)), body);
  const load = async () => {
    const to = Date.now() + 1;
    const report = await api('/api/admin/sla-report?from=' + (to - Number(days.value) * 86400000) + '&to=' + to);
    const total = (key) => report.byChannel.reduce((sum, row) => ({ met: sum.met + row[key].met, breached: sum.breached + row[key].breached, active: sum.active + row[key].active }), { met: 0, breached: 0, active: 0 });
    const kpis = el('div', { className: 'kpis' },
      el('div', { className: 'card kpi' }, el('div', { className: 'value', dataset: { testid: 'kpi-conversations' } }, report.conversations), el('div', { className: 'label' }, 'conversations')),
      el('div', { className: 'card kpi' }, el('div', { className: 'value', dataset: { testid: 'kpi-first-response' } }, percent(total('firstResponse'))), el('div', { className: 'label' }, 'first responses in time')),
      el('div', { className: 'card kpi' }, el('div', { className: 'value', dataset: { testid: 'kpi-resolution' } }, percent(total('resolution'))), el('div', { className: 'label' }, 'resolutions in time')));
    const table = el('table', { dataset: { testid: 'breaches' } }, el('tr', {}, ...['Customer', 'Channel', 'Queue', 'Clock', 'Was due'].map((h) => el('th', {}, h))),
      ...report.breaches.map((b) => el('tr', { dataset: { testid: 'breach' } }, el('td', {}, b.customer), el('td', {}, b.channel), el('td', {}, b.queue), el('td', {}, b.clock === 'firstResponse' ? 'First response' : 'Resolution'), el('td', {}, new Date(b.dueAt).toLocaleString()))));
    body.replaceChildren(kpis,
      el('div', { className: 'grid' }, chart('By channel', report.byChannel, 'chart-channel'), chart('By queue', report.byQueue, 'chart-queue')),
      chart('By hour of day (start of the conversation)', report.byHour, 'chart-hour'),
      el('section', { className: 'card' }, el('h2', {}, 'Breaches (' + report.breaches.length + ')'), report.breaches.length ? table : el('p', { className: 'empty' }, 'No breaches in this period.')));
    document.body.dataset.ready = 'true';
  };
  days.addEventListener('change', () => load().catch(() => undefined));
  await load().catch((error) => body.replaceChildren(el('p', { className: 'error' }, String(error.message))));
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
  sessionStorage.clear();
  showLogin();
});

if (sessionStorage.getItem('loro.admin.token')) showDashboard(); else showLogin();
`;
