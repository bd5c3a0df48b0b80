/**
 * The simulator's WhatsApp Manager (TP-1, CH-8): the account's templates with their status and
 * quality, a form to create one with variables and examples, the reviewer's decisions, and the
 * numbers with their quality rating and messaging limit. One script; every value set as text.
 */
export function businessManagerPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WhatsApp Manager (simulated)</title>
<style>
  :root { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1e21; }
  body { margin: 0; background: #f0f2f5; }
  header { background: #1877f2; color: #fff; padding: 12px 24px; font-weight: 600; }
  main { max-width: 1100px; margin: 20px auto; padding: 0 20px; display: flex; flex-direction: column; gap: 16px; }
  section { background: #fff; border-radius: 10px; padding: 16px 20px; box-shadow: 0 1px 3px #0001; }
  h2 { font-size: 16px; margin: 0 0 10px; }
  table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid #eee; font-size: 13px; vertical-align: top; }
  th { color: #65676b; font-weight: 500; }
  .status { font-weight: 600; } .APPROVED { color: #1e8e3e; } .PENDING { color: #b06000; } .REJECTED, .DISABLED { color: #d93025; } .PAUSED { color: #6f42c1; }
  button { font: inherit; font-size: 12px; padding: 4px 10px; border-radius: 6px; border: 1px solid #ccd0d5; background: #fff; cursor: pointer; margin: 0 4px 4px 0; }
  button.primary { background: #1877f2; border-color: #1877f2; color: #fff; font-weight: 600; font-size: 14px; padding: 7px 16px; }
  form { display: grid; grid-template-columns: repeat(2, 1fr); gap: 10px 16px; }
  label { display: flex; flex-direction: column; gap: 4px; font-size: 12.5px; font-weight: 600; color: #4b4f56; }
  label.wide { grid-column: 1 / -1; }
  input, select, textarea { font: inherit; font-weight: 400; padding: 7px 9px; border: 1px solid #ccd0d5; border-radius: 6px; }
  .error { color: #d93025; grid-column: 1 / -1; min-height: 1em; } .body { white-space: pre-wrap; color: #4b4f56; }
</style>
</head>
<body>
<header>WhatsApp Manager · simulated</header>
<main>
  <section>
    <h2>Create a message template</h2>
    <form id="create" data-testid="create-template">
      <label>Account <select id="waba"></select></label>
      <label>Name (lowercase, digits, _) <input id="name" data-testid="template-name" placeholder="appointment_reminder"></label>
      <label>Language <input id="language" value="en_US" data-testid="template-language"></label>
      <label>Category <select id="category"><option>UTILITY</option><option>MARKETING</option><option>AUTHENTICATION</option></select></label>
      <label class="wide">Body, with {{1}}, {{2}}… variables <textarea id="body" rows="3" data-testid="template-body"></textarea></label>
      <label class="wide">Example values for the variables, separated by | <input id="examples" data-testid="template-examples" placeholder="María | Monday 10:00"></label>
      <label class="wide">Footer (optional) <input id="footer" maxlength="60"></label>
      <p class="error" id="create-error" role="alert" data-testid="create-error"></p>
      <div><button class="primary" type="submit" data-testid="submit-template">Submit for review</button></div>
    </form>
  </section>
  <section><h2>Message templates</h2><table data-testid="templates"><thead><tr><th>Name</th><th>Language</th><th>Category</th><th>Status</th><th>Quality</th><th>Body</th><th>Reviewer</th></tr></thead><tbody id="templates"></tbody></table></section>
  <section><h2>Phone numbers</h2><p><button type="button" id="add-test-number" data-testid="add-test-number">Add a test number (+1 555) · Añadir un número de prueba</button> <span id="test-number-note" role="status"></span></p><table><thead><tr><th>Number</th><th>Display name</th><th>Status</th><th>Quality</th><th>Limit</th><th></th></tr></thead><tbody id="numbers"></tbody></table></section>
</main>
<script src="/simulator/business.js"></script>
</body>
</html>`;
}

export const businessManagerScript = `'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const cell = (text, className) => Object.assign(document.createElement('td'), { textContent: text ?? '', className: className || '' });
  const button = (label, onClick, testid) => { const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label }); b.addEventListener('click', onClick); if (testid) b.dataset.testid = testid; return b; };
  const post = (path, body) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function load() {
    const [templates, accounts] = await Promise.all([
      fetch('/simulator/api/templates').then((r) => r.json()),
      fetch('/simulator/api/signup/accounts').then((r) => r.json()),
    ]);
    if ($('waba').options.length === 0) $('waba').append(...accounts.map((a) => Object.assign(document.createElement('option'), { value: a.id, textContent: a.name })));
    $('templates').replaceChildren(...templates.map((t) => {
      const row = document.createElement('tr');
      row.dataset.testid = 'template-row';
      row.dataset.name = t.name;
      const body = (t.components.find((c) => String(c.type).toUpperCase() === 'BODY') || {}).text;
      const actions = document.createElement('td');
      for (const [decision, label] of [['APPROVED', 'Approve'], ['REJECTED', 'Reject'], ['PAUSED', 'Pause'], ['DISABLED', 'Disable']]) {
        actions.append(button(label, async () => { await post('/simulator/api/templates/' + t.id + '/review', { decision }); load(); }, 'review-' + decision));
      }
      for (const score of ['GREEN', 'YELLOW', 'RED']) actions.append(button(score, async () => { await post('/simulator/api/templates/' + t.id + '/quality', { score }); load(); }));
      row.append(cell(t.name), cell(t.language), cell(t.category), cell(t.status, 'status ' + t.status), cell(t.qualityScore || '—'), cell(body || '', 'body'), actions);
      return row;
    }));
    const numbers = await fetch('/simulator/api/numbers').then((r) => r.json());
    const details = await Promise.all(numbers.map((n) => fetch('/simulator/api/numbers/' + n.id).then((r) => r.ok ? r.json() : n)));
    $('numbers').replaceChildren(...details.map((n) => {
      const row = document.createElement('tr');
      const actions = document.createElement('td');
      actions.append(button('Flag', async () => { await post('/simulator/api/numbers/' + n.id + '/quality', { rating: 'RED', flagged: true }); load(); }), button('Unflag', async () => { await post('/simulator/api/numbers/' + n.id + '/quality', { rating: 'GREEN', flagged: false }); load(); }));
      if (n.newNameStatus === 'PENDING_REVIEW') {
        for (const [decision, label] of [['APPROVED', 'Approve name'], ['DECLINED', 'Decline name']]) {
          actions.append(button(label, async () => { await post('/simulator/api/numbers/' + n.id + '/display-name', { decision }); load(); }, 'name-' + decision));
        }
      }
      const name = n.newDisplayName ? n.verifiedName + ' → ' + n.newDisplayName + ' (' + n.newNameStatus + ')' : n.verifiedName;
      row.append(cell(n.phoneNumber), cell(name), cell(n.status || ''), cell(n.qualityRating || ''), cell(n.messagingLimitTier || ''), actions);
      return row;
    }));
    document.body.dataset.ready = 'true';
  }

  // Meta gives developers a +1 555 test number, connected at once: added to the account chosen above.
  $('add-test-number').addEventListener('click', async () => {
    const response = await post('/simulator/api/test-numbers', { wabaId: $('waba').value });
    const json = await response.json();
    $('test-number-note').textContent = response.ok ? json.phoneNumber + ' · ' + json.status : (json.error && json.error.message) || 'Refused';
    load();
  });
  $('create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const examples = $('examples').value.split('|').map((v) => v.trim()).filter(Boolean);
    const components = [{ type: 'BODY', text: $('body').value, ...(examples.length ? { example: { body_text: [examples] } } : {}) }];
    if ($('footer').value.trim()) components.push({ type: 'FOOTER', text: $('footer').value.trim() });
    const response = await post('/simulator/api/templates', { wabaId: $('waba').value, template: { name: $('name').value, language: $('language').value, category: $('category').value, components } });
    const json = await response.json();
    $('create-error').textContent = response.ok ? '' : (json.error && json.error.message) || 'Refused';
    if (response.ok) { $('name').value = ''; $('body').value = ''; $('examples').value = ''; load(); }
  });
  load();
})();
`;
