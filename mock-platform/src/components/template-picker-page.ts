import { pickerDescribeSource } from './picker-error-words.ts';

/**
 * The template picker page (TP-6), served at the template-settings URL and loaded by the agent's
 * panel in a frame at the custom component's height. It reads the conversation id from its path
 * and its token from the URL fragment (never sent to a server, never in logs), lists the approved
 * templates, fills the variables with a live preview and sends. Everything is set as text.
 */
export function templatePickerPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Templates</title>
<style>
  :root { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; }
  body { margin: 0; padding: 8px 10px; background: #fff; }
  ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
  li button { width: 100%; text-align: left; background: #f6f8fc; border: 1px solid #e3e3e3; border-radius: 8px; padding: 6px 8px; cursor: pointer; font: inherit; color: inherit; }
  li button:hover, li button:focus-visible { border-color: #0b57d0; outline: none; }
  .name { font-weight: 600; } .lang { color: #5f6368; font-size: 11px; margin-left: 4px; } .body { color: #3c4043; display: block; margin-top: 2px; white-space: pre-wrap; }
  form { display: flex; flex-direction: column; gap: 6px; }
  label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: #3c4043; }
  input { font: inherit; padding: 5px 8px; border: 1px solid #c4c7c5; border-radius: 6px; }
  .preview { background: #0b57d0; color: #fff; border-radius: 12px 12px 2px 12px; padding: 8px 10px; white-space: pre-wrap; align-self: flex-end; max-width: 90%; }
  .actions { display: flex; gap: 8px; }
  .actions button { font: inherit; font-weight: 600; padding: 5px 14px; border-radius: 16px; border: 1px solid #0b57d0; background: #0b57d0; color: #fff; cursor: pointer; }
  .actions button.secondary { background: #fff; color: #0b57d0; border-color: #c4c7c5; }
  .status { margin: 4px 0 0; } .detail { display: block; font-size: 11px; color: #5f6368; margin-top: 2px; } .error { color: #c5221f; } .ok { color: #188038; } .empty { color: #5f6368; }
</style>
</head>
<body>
<main id="picker" aria-live="polite"></main>
<script src="/components/template-picker.js"></script>
</body>
</html>`;
}

/**
 * The picker's script. Errors are worded like the side panel's (shared/errors): what did not
 * happen, what to do, and Meta's or the platform's code as a small detail, in English or Spanish.
 */
export const templatePickerScript = `'use strict';
(() => {
  const es = (navigator.language || '').toLowerCase().startsWith('es');
  const describe = ${pickerDescribeSource};
  const T = es
    ? { choose: 'Elija una plantilla aprobada', none: 'No hay plantillas aprobadas para este canal.', variable: 'Variable', send: 'Enviar', back: 'Volver', sent: 'Plantilla enviada.', fill: 'Complete todas las variables.', expired: 'Este selector caducó: ábralo de nuevo desde el panel.' }
    : { choose: 'Choose an approved template', none: 'There are no approved templates for this channel.', variable: 'Variable', send: 'Send', back: 'Back', sent: 'Template sent.', fill: 'Fill in every variable.', expired: 'This picker has expired: open it again from the panel.' };
  const root = document.getElementById('picker');
  const conversationId = decodeURIComponent(location.pathname.split('/').pop() || '');
  const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  };
  const testid = (node, id) => { node.dataset.testid = id; return node; };
  const api = async (path, body) => {
    const response = await fetch('/components/api/conversations/' + encodeURIComponent(conversationId) + path, {
      method: body ? 'POST' : 'GET',
      headers: Object.assign({ authorization: 'Bearer ' + token }, body ? { 'content-type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined,
    }).catch(() => { throw Object.assign(new Error('unreachable'), { refusal: { code: 'unreachable', message: '' } }); });
    const json = await response.json().catch(() => ({}));
    if (response.status === 401) throw Object.assign(new Error(T.expired), { words: { text: T.expired } });
    if (!response.ok) throw Object.assign(new Error('HTTP ' + response.status), { refusal: json.error });
    return json;
  };
  const fill = (body, values) => body.replace(/{{(\\d+)}}/g, (match, n) => values[Number(n) - 1] || match);
  const status = testid(el('p', { className: 'status', role: 'status' }), 'template-status');
  // A refusal in plain words, with Meta's or the platform's code small underneath.
  const showError = (node, head, error) => {
    const words = error.words || describe(head, error.refusal, es);
    node.className = 'status error';
    node.replaceChildren(words.text, ...(words.detail ? [testid(el('small', { className: 'detail' }, words.detail), 'template-error-detail')] : []));
  };

  function list(templates, message) {
    const items = templates.map((template) => {
      const button = el('button', { type: 'button' }, el('span', { className: 'name' }, template.name), el('span', { className: 'lang' }, template.language), el('span', { className: 'body' }, template.body));
      button.dataset.name = template.name;
      testid(button, 'template-option');
      button.addEventListener('click', () => form(templates, template));
      return el('li', {}, button);
    });
    status.textContent = message || '';
    status.className = 'status ' + (message ? 'ok' : '');
    root.replaceChildren(el('p', { className: 'status' }, T.choose), items.length ? el('ul', {}, ...items) : el('p', { className: 'empty' }, T.none), status);
    document.body.dataset.ready = 'true';
  }

  function form(templates, template) {
    const inputs = Array.from({ length: template.variables }, (_, i) => {
      const input = testid(el('input', { required: true, maxLength: 1024 }), 'template-variable-' + (i + 1));
      return input;
    });
    const preview = testid(el('div', { className: 'preview' }, template.body), 'template-preview');
    const update = () => { preview.textContent = fill(template.body, inputs.map((input) => input.value.trim())); };
    for (const input of inputs) input.addEventListener('input', update);
    const send = testid(el('button', { type: 'submit' }, T.send), 'template-send');
    const back = el('button', { type: 'button', className: 'secondary' }, T.back);
    back.addEventListener('click', () => list(templates));
    const node = el('form', {}, el('span', { className: 'name' }, template.name + ' · ' + template.language),
      ...inputs.map((input, i) => el('label', {}, T.variable + ' {{' + (i + 1) + '}}', input)), preview,
      el('div', { className: 'actions' }, send, back), status);
    node.addEventListener('submit', async (event) => {
      event.preventDefault();
      const parameters = inputs.map((input) => input.value.trim());
      if (parameters.some((value) => !value)) { status.className = 'status error'; status.textContent = T.fill; return; }
      send.disabled = true;
      try {
        await api('/template', { name: template.name, language: template.language, parameters });
        list(templates, T.sent);
      } catch (error) {
        showError(status, 'didTemplate', error);
        send.disabled = false;
      }
    });
    status.textContent = '';
    root.replaceChildren(node);
    inputs[0] && inputs[0].focus();
  }

  api('/templates').then((templates) => list(templates), (error) => {
    const alert = testid(el('p', { role: 'alert' }), 'template-status');
    showError(alert, 'didLoadTemplates', error);
    root.replaceChildren(alert);
    document.body.dataset.ready = 'true';
  });
})();
`;
