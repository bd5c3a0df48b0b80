import { REVIEW_TRANSITIONS, rejectionReasonSchema } from '../../../shared/whatsapp/template-status.ts';

/**
 * The simulator's WhatsApp Manager (TP-1, CH-8): the account's templates with their status and
 * quality, a form to create one (Meta's languages, a text or media header, variables and
 * examples, quick reply / URL / phone number / copy code buttons), the reviewer's decisions along
 * Meta's transitions (a rejection with Meta's reason), and the numbers with their quality rating
 * and messaging limit. One script; every value set as text. Like Meta's, the page is in English.
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
  .error { color: #d93025; grid-column: 1 / -1; min-height: 1em; white-space: pre-wrap; } .body { white-space: pre-wrap; color: #4b4f56; }
  [hidden] { display: none !important; }
  fieldset.wide { grid-column: 1 / -1; border: 1px solid #e4e6eb; border-radius: 8px; } .button-row { display: flex; gap: 6px; align-items: center; margin-bottom: 6px; flex-wrap: wrap; }
  .button-row input, .button-row select { font-size: 12.5px; padding: 5px 7px; } .reason { color: #d93025; font-size: 12px; }
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
      <label>Language <select id="language" data-testid="template-language"></select></label>
      <label>Category <select id="category"><option>UTILITY</option><option>MARKETING</option><option>AUTHENTICATION</option></select></label>
      <label>Header <select id="header-format" data-testid="header-format"><option value="">None</option><option value="TEXT">Text</option><option value="IMAGE">Image</option><option value="VIDEO">Video</option><option value="DOCUMENT">Document</option></select></label>
      <label id="header-text-label" hidden>Header text (at most 60, one {{1}}) <input id="header-text" maxlength="60" data-testid="header-text"></label>
      <label id="header-example-label" class="wide" hidden><span id="header-example-words">Example</span> <input id="header-example" data-testid="header-example"></label>
      <label class="wide">Body, with {{1}}, {{2}}… variables <textarea id="body" rows="3" data-testid="template-body"></textarea></label>
      <label class="wide">Example values for the variables, separated by | <input id="examples" data-testid="template-examples" placeholder="María | Monday 10:00"></label>
      <label class="wide">Footer (optional) <input id="footer" maxlength="60"></label>
      <fieldset class="wide" data-testid="buttons"><legend>Buttons (up to 10: quick replies together; at most 2 URL, 1 phone number, 1 copy code)</legend>
        <div id="buttons"></div>
        <button type="button" id="add-button" data-testid="add-button">Add a button</button>
      </fieldset>
      <p class="error" id="create-error" role="alert" data-testid="create-error"></p>
      <div><button class="primary" type="submit" data-testid="submit-template">Submit for review</button></div>
    </form>
  </section>
  <section><h2>Message templates</h2><table data-testid="templates"><thead><tr><th>Name</th><th>Language</th><th>Category</th><th>Status</th><th>Quality</th><th>Content</th><th>Reviewer (Meta's transitions only)</th></tr></thead><tbody id="templates"></tbody></table></section>
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
  const TRANSITIONS = ${JSON.stringify(REVIEW_TRANSITIONS)};
  const LABELS = { APPROVED: 'Approve', REJECTED: 'Reject', PAUSED: 'Pause', DISABLED: 'Disable' };
  const REASONS = ${JSON.stringify(rejectionReasonSchema.options)};
  const describe = (components) => components.map((c) => {
    const type = String(c.type).toUpperCase();
    if (type === 'HEADER') return '[' + (c.format || 'TEXT') + ' header] ' + (c.text || '');
    if (type === 'BUTTONS') return (c.buttons || []).map((b) => '[' + b.type + '] ' + (b.text || b.example || '')).join(' ');
    return c.text || '';
  }).filter(Boolean).join('\\n');
  const field = (placeholder, size) => Object.assign(document.createElement('input'), { placeholder, size: size || 14 });
  function showHeader() {
    const format = $('header-format').value;
    $('header-text-label').hidden = format !== 'TEXT';
    $('header-example-label').hidden = !format;
    $('header-example-words').textContent = format === 'TEXT' ? 'Example for {{1}} in the header' : 'Sample ' + format.toLowerCase() + ': its upload handle (any text here; the simulator keeps no media)';
  }
  function addButton() {
    const row = Object.assign(document.createElement('div'), { className: 'button-row' });
    row.dataset.testid = 'button-row';
    const type = document.createElement('select');
    type.dataset.testid = 'button-type';
    type.append(...[['QUICK_REPLY', 'Quick reply'], ['URL', 'Visit website'], ['PHONE_NUMBER', 'Call phone number'], ['COPY_CODE', 'Copy offer code']].map(([value, label]) => Object.assign(document.createElement('option'), { value, textContent: label })));
    const text = field('Button text (≤ 25)'); text.dataset.testid = 'button-text'; text.maxLength = 25;
    const url = field('https://…/{{1}}', 26); url.dataset.testid = 'button-url';
    const phone = field('+34612345678'); phone.dataset.testid = 'button-phone';
    const example = field('Example'); example.dataset.testid = 'button-example';
    const remove = button('Remove', () => row.remove());
    const show = () => {
      const kind = type.value;
      text.hidden = kind === 'COPY_CODE';
      url.hidden = kind !== 'URL';
      phone.hidden = kind !== 'PHONE_NUMBER';
      example.hidden = kind !== 'URL' && kind !== 'COPY_CODE';
      example.placeholder = kind === 'COPY_CODE' ? 'The code (≤ 15)' : 'Example for {{1}}';
    };
    type.addEventListener('change', show);
    row.append(type, text, url, phone, example, remove);
    show();
    $('buttons').append(row);
  }
  function readButton(row) {
    const value = (testid) => row.querySelector('[data-testid="' + testid + '"]').value.trim();
    const type = value('button-type');
    if (type === 'COPY_CODE') return { type, example: value('button-example') };
    const button = { type, text: value('button-text') };
    if (type === 'URL') return { ...button, url: value('button-url'), ...(value('button-example') ? { example: [value('button-example')] } : {}) };
    if (type === 'PHONE_NUMBER') return { ...button, phone_number: value('button-phone') };
    return button;
  }

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
        const actions = document.createElement('td');
      const review = async (body) => {
        const response = await post('/simulator/api/templates/' + t.id + '/review', body);
        if (!response.ok) { const json = await response.json(); window.alert((json.error && json.error.message) || 'Refused'); }
        load();
      };
      // Only the decisions Meta's review can take from this status (shared/whatsapp/template-status.ts).
      for (const decision of TRANSITIONS[t.status] || []) {
        if (decision === 'REJECTED') {
          const reason = document.createElement('select');
          reason.dataset.testid = 'reject-reason';
          reason.append(...REASONS.map((r) => Object.assign(document.createElement('option'), { value: r, textContent: r })));
          actions.append(reason, button(LABELS[decision], () => review({ decision, reason: reason.value }), 'review-' + decision));
        } else actions.append(button(LABELS[decision], () => review({ decision }), 'review-' + decision));
      }
      for (const score of ['GREEN', 'YELLOW', 'RED']) actions.append(button(score, async () => { await post('/simulator/api/templates/' + t.id + '/quality', { score }); load(); }));
      const status = cell(t.status, 'status ' + t.status);
      if (t.rejectedReason) status.append(Object.assign(document.createElement('div'), { className: 'reason', textContent: t.rejectedReason }));
      row.append(cell(t.name), cell(t.language), cell(t.category), status, cell(t.qualityScore || '—'), cell(describe(t.components), 'body'), actions);
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
  $('header-format').addEventListener('change', showHeader);
  $('add-button').addEventListener('click', () => addButton());
  $('create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const examples = $('examples').value.split('|').map((v) => v.trim()).filter(Boolean);
    const components = [];
    const format = $('header-format').value;
    const headerExample = $('header-example').value.trim();
    if (format === 'TEXT') components.push({ type: 'HEADER', format, text: $('header-text').value, ...(headerExample ? { example: { header_text: [headerExample] } } : {}) });
    else if (format) components.push({ type: 'HEADER', format, ...(headerExample ? { example: { header_handle: [headerExample] } } : {}) });
    components.push({ type: 'BODY', text: $('body').value, ...(examples.length ? { example: { body_text: [examples] } } : {}) });
    if ($('footer').value.trim()) components.push({ type: 'FOOTER', text: $('footer').value.trim() });
    const buttons = [...$('buttons').children].map(readButton);
    if (buttons.length) components.push({ type: 'BUTTONS', buttons });
    const response = await post('/simulator/api/templates', { wabaId: $('waba').value, template: { name: $('name').value, language: $('language').value, category: $('category').value, components } });
    const json = await response.json();
    // Every refusal with the field it is about (template.components.2.buttons.0.url: …).
    $('create-error').textContent = response.ok ? '' : json.error && json.error.issues && json.error.issues.length ? json.error.issues.map((i) => i.path + ': ' + i.message).join('\\n') : (json.error && json.error.message) || 'Refused';
    if (response.ok) { $('name').value = ''; $('body').value = ''; $('examples').value = ''; $('buttons').replaceChildren(); load(); }
  });
  fetch('/simulator/api/template-languages').then((r) => r.json()).then((languages) => {
    $('language').append(...languages.map((l) => Object.assign(document.createElement('option'), { value: l.code, textContent: l.code + ' · ' + l.name, selected: l.code === 'en_US' })));
  });
  load();
})();
`;
