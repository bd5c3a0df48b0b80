import { MEDIA_ACCEPT, MEDIA_LIMITS } from '../../../shared/whatsapp/media-limits.ts';

/**
 * The customer simulator page: plays a customer's WhatsApp on one business number. Static HTML
 * plus one script file (no inline script, so the page runs under a strict CSP); all text from
 * messages is inserted with textContent, never as HTML.
 */
/** The audio types WhatsApp takes, offered for a voice note. */
const VOICE_ACCEPT = Object.keys(MEDIA_LIMITS)
  .filter((type) => type.startsWith('audio/'))
  .join(',');

export function customerPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loro · Customer simulator</title>
<style>
  :root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #111b21; }
  body { margin: 0; background: #d1d7db; display: flex; justify-content: center; }
  main { width: min(420px, 100vw); min-height: 100vh; display: flex; flex-direction: column; background: #efeae2; box-shadow: 0 0 24px #0002; }
  header { background: #008069; color: #fff; padding: 12px 16px; }
  header h1 { font-size: 17px; margin: 0 0 8px; font-weight: 600; }
  header label { display: block; font-size: 12px; opacity: .9; margin-top: 6px; }
  header input, header select { width: 100%; box-sizing: border-box; padding: 6px 8px; border: 0; border-radius: 6px; font: inherit; margin-top: 2px; }
  #thread { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 6px; }
  .bubble { max-width: 80%; padding: 6px 9px 4px; border-radius: 8px; box-shadow: 0 1px .5px #0002; white-space: pre-wrap; word-wrap: break-word; font-size: 14.5px; }
  .bubble.mine { align-self: flex-end; background: #d9fdd3; }
  .bubble.theirs { align-self: flex-start; background: #fff; }
  .meta { font-size: 11px; color: #667781; text-align: right; margin-top: 2px; }
  .ticks.read { color: #53bdeb; }
  .ticks.failed { color: #d93025; }
  .empty { margin: auto; color: #54656f; font-size: 13px; text-align: center; }
  form { display: flex; gap: 8px; padding: 8px; background: #f0f2f5; }
  textarea { flex: 1; resize: none; border: 0; border-radius: 8px; padding: 9px 12px; font: inherit; height: 40px; box-sizing: border-box; }
  button { background: #008069; color: #fff; border: 0; border-radius: 20px; padding: 0 16px; font: inherit; font-weight: 600; cursor: pointer; }
  #error { color: #d93025; font-size: 13px; padding: 0 12px 8px; background: #f0f2f5; min-height: 0; }
  .options { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
  .options button { background: #fff; color: #027eb5; border: 1px solid #d1d7db; border-radius: 8px; padding: 6px; font-weight: 500; }
  .options .section { font-size: 12px; color: #667781; margin-top: 4px; }
  .media { display: block; font-size: 13px; color: #54656f; max-width: 100%; margin-bottom: 4px; }
  img.media { max-height: 240px; border-radius: 6px; }
  img.media.sticker { width: 120px; height: 120px; object-fit: contain; }
  .consent { display: flex; gap: 6px; margin-top: 8px; }
  .consent button { background: #ffffff26; padding: 4px 10px; font-size: 12px; }
  #attach, #voice { background: #fff; color: #54656f; padding: 0 12px; font-size: 18px; }
  .quote { border-left: 4px solid #06cf9c; background: #0000000d; border-radius: 4px; padding: 4px 8px; margin-bottom: 4px; font-size: 13px; color: #54656f; max-height: 3.2em; overflow: hidden; }
  .quote .who { display: block; font-weight: 600; color: #06816a; font-size: 12px; }
  #typing { font-size: 12px; opacity: .9; margin-top: 6px; font-style: italic; }
</style>
</head>
<body>
<main>
  <header>
    <h1>Customer simulator · Simulador de cliente</h1>
    <div id="typing" data-testid="typing" role="status" hidden>typing… · escribiendo…</div>
    <label>Business number · Número de la empresa
      <select id="business" data-testid="business-number"></select></label>
    <label>Your number · Tu número
      <input id="customer" data-testid="customer-number" value="+34 612 345 678" autocomplete="off"></label>
    <label>Your name · Tu nombre
      <input id="name" data-testid="customer-name" value="María García" autocomplete="off"></label>
    <div class="consent">
      <button type="button" id="opt-in" data-testid="opt-in">Opt in · Aceptar mensajes</button>
      <button type="button" id="opt-out" data-testid="opt-out">Opt out · No recibir</button>
    </div>
  </header>
  <section id="thread" data-testid="thread" aria-live="polite"></section>
  <div id="error" role="alert" data-testid="error"></div>
  <form id="composer">
    <button type="button" id="attach" data-testid="attach-file" aria-label="Send a photo, video or document · Enviar foto, vídeo o documento" title="Send a photo, video or document · Enviar foto, vídeo o documento">+</button>
    <input type="file" id="file" accept="${MEDIA_ACCEPT}" hidden data-testid="file-input">
    <button type="button" id="voice" data-testid="attach-voice" aria-label="Send a voice note · Enviar una nota de voz" title="Send a voice note · Enviar una nota de voz">♪</button>
    <input type="file" id="voice-file" accept="${VOICE_ACCEPT}" hidden data-testid="voice-input">
    <textarea id="text" data-testid="message-input" placeholder="Type a message · Escribe un mensaje" maxlength="4096"></textarea>
    <button type="submit" data-testid="send">Send</button>
  </form>
</main>
<script type="module" src="/simulator/app.js"></script>
</body>
</html>`;
}

export const customerPageScript = `
const $ = (id) => document.getElementById(id);
const messages = new Map();
const ticks = { accepted: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '⚠' };

function digits(value) { return value.replace(/[^0-9]/g, ''); }
function currentThread() { return $('business').value + ':' + digits($('customer').value); }

function showError(text) { $('error').textContent = text || ''; }

function render() {
  const thread = $('thread');
  const list = [...messages.values()].filter((m) => m.thread === currentThread()).sort((a, b) => a.timestamp - b.timestamp);
  thread.replaceChildren();
  if (list.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No messages yet. Write to the business below. · Aún no hay mensajes.';
    thread.append(empty);
  }
  for (const m of list) {
    const bubble = document.createElement('div');
    bubble.className = 'bubble ' + (m.direction === 'inbound' ? 'mine' : 'theirs');
    bubble.dataset.testid = m.direction === 'inbound' ? 'customer-message' : 'business-message';
    bubble.dataset.status = m.status || '';
    const quoted = m.replyTo && messages.get(m.replyTo);
    if (quoted) bubble.append(quote(quoted));
    const text = document.createElement('div');
    text.textContent = m.text;
    const media = mediaElement(m);
    if (media) bubble.append(media);
    // A document's text is its name when it has no caption: the file line shows it already.
    if (m.type === 'document' && m.payload && m.text === m.payload.filename) text.textContent = '';
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = new Date(m.timestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + ' ';
    if (m.direction === 'outbound' && m.status) {
      const t = document.createElement('span');
      t.className = 'ticks ' + m.status;
      t.dataset.testid = 'status';
      t.title = m.status;
      t.textContent = ticks[m.status] || '';
      meta.append(t);
    }
    bubble.append(text);
    if (m.direction === 'outbound' && m.type === 'interactive' && m.payload) bubble.append(options(m));
    bubble.append(meta);
    thread.append(bubble);
  }
  thread.scrollTop = thread.scrollHeight;
  markRead(list);
}

/** A photo, sticker, voice note, audio, video or document, as the phone shows it (media by id from the simulator). */
function mediaElement(m) {
  const kinds = ['image', 'sticker', 'audio', 'video', 'document'];
  if (!kinds.includes(m.type) || !m.payload) return undefined;
  const p = m.payload;
  const src = p.id ? '/simulator/api/media/' + encodeURIComponent(p.id) : p.link;
  if (!src) return undefined;
  let el;
  if (m.type === 'image' || m.type === 'sticker') {
    el = document.createElement('img');
    el.alt = m.type === 'image' ? 'photo · foto' : 'sticker';
  } else if (m.type === 'document') {
    el = document.createElement('a');
    el.download = p.filename || 'document';
    el.textContent = '📄 ' + (p.filename || 'document · documento');
  } else {
    el = document.createElement(m.type);
    el.controls = true;
    el.preload = 'none';
  }
  el.src = src;
  if (m.type === 'document') el.href = src;
  el.className = 'media ' + m.type;
  el.dataset.testid = 'media-' + m.type;
  return el;
}

/** The message a reply answers, quoted above it as WhatsApp does. */
function quote(quoted) {
  const box = document.createElement('div');
  box.className = 'quote';
  box.dataset.testid = 'quoted';
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = quoted.direction === 'inbound' ? 'You · Tú' : $('business').selectedOptions[0]?.textContent.split(' · ')[0] || 'Business';
  box.append(who, document.createTextNode(quoted.text || (quoted.type === 'image' ? '📷 photo · foto' : quoted.type)));
  return box;
}

/** "typing…" under the title while the business types: until its next message, or 25 seconds. */
const typingTimers = new Map();
function showTyping() { $('typing').hidden = !typingTimers.has(currentThread()); }
function typing(thread, on) {
  clearTimeout(typingTimers.get(thread));
  typingTimers.delete(thread);
  if (on) typingTimers.set(thread, setTimeout(() => typing(thread, false), 25000));
  showTyping();
}

/** The buttons or list rows of an interactive business message: tapping one answers it. */
function options(m) {
  const box = document.createElement('div');
  box.className = 'options';
  const action = m.payload.action || {};
  const add = (id, title, description) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.testid = 'option';
    button.dataset.id = id;
    button.textContent = description ? title + ' — ' + description : title;
    button.addEventListener('click', () => send({ choice: { messageId: m.id, optionId: id } }));
    box.append(button);
  };
  for (const b of action.buttons || []) add(b.reply.id, b.reply.title);
  for (const section of action.sections || []) {
    if (section.title) { const t = document.createElement('div'); t.className = 'section'; t.textContent = section.title; box.append(t); }
    // Product lists (product_items) show as the message's text; only list rows can be tapped.
    for (const row of section.rows || []) add(row.id, row.title, row.description);
  }
  return box;
}

async function send(part) {
  const res = await fetch('/simulator/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phoneNumberId: $('business').value, from: $('customer').value, name: $('name').value, ...part }),
  });
  const body = await res.json();
  if (!res.ok) { showError(body.error?.message); return false; }
  showError('');
  messages.set(body.id, body);
  render();
  return true;
}

async function consent(optIn) {
  const res = await fetch('/simulator/api/consent', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phoneNumberId: $('business').value, from: $('customer').value, optIn }),
  });
  const body = await res.json();
  showError(res.ok ? '' : body.error?.message);
  if (res.ok) $('error').textContent = optIn ? 'You opted in · Aceptaste mensajes' : 'You opted out · No recibirás mensajes';
}

function sendFile(input, voice) {
  const file = input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = async () => {
    const data = String(reader.result).split(',')[1] || '';
    const caption = voice ? '' : $('text').value.trim();
    const media = { data, mimeType: file.type, filename: file.name, ...(caption ? { caption } : {}), ...(voice ? { voice: true } : {}) };
    if (await send({ media }) && caption) $('text').value = '';
    input.value = '';
  };
  reader.readAsDataURL(file);
}

let reading = false;
async function markRead(list) {
  if (reading || document.visibilityState !== 'visible') return;
  if (!list.some((m) => m.direction === 'outbound' && (m.status === 'sent' || m.status === 'delivered'))) return;
  reading = true;
  try {
    await fetch('/simulator/api/threads/' + encodeURIComponent($('business').value) + '/' + encodeURIComponent($('customer').value) + '/read', { method: 'POST' });
  } finally {
    reading = false;
  }
}

async function loadThread() {
  showError('');
  const res = await fetch('/simulator/api/threads/' + encodeURIComponent($('business').value) + '/' + encodeURIComponent($('customer').value) + '/messages');
  if (!res.ok) { const body = await res.json(); showError(body.error?.message); render(); return; }
  for (const m of await res.json()) messages.set(m.id, m);
  render();
  const state = await (await fetch('/simulator/api/threads/' + encodeURIComponent($('business').value) + '/' + encodeURIComponent($('customer').value) + '/typing')).json().catch(() => ({}));
  if (state.typing) typing(currentThread(), true); else showTyping();
}

async function start() {
  const numbers = await (await fetch('/simulator/api/numbers')).json();
  for (const n of numbers) {
    const option = document.createElement('option');
    option.value = n.id;
    option.textContent = n.verifiedName + ' · ' + n.phoneNumber + (n.onWhatsApp ? '' : ' · not on WhatsApp · no está en WhatsApp');
    $('business').append(option);
  }
  const events = new EventSource('/simulator/api/events');
  events.addEventListener('message', (event) => {
    const m = JSON.parse(event.data);
    messages.set(m.id, m);
    if (m.direction === 'outbound' && typingTimers.has(m.thread)) typing(m.thread, false);
    if (m.thread === currentThread()) render();
  });
  events.addEventListener('typing', (event) => typing(JSON.parse(event.data).thread, true));
  events.addEventListener('ready', () => { document.body.dataset.ready = 'true'; });
  for (const id of ['business', 'customer']) $(id).addEventListener('change', loadThread);
  document.addEventListener('visibilitychange', render);
  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('text').value;
    if (!text.trim()) return;
    if (await send({ text })) $('text').value = '';
  });
  // A file from the phone: photo, sticker, audio, video or document (the caption is the typed text);
  // a voice note is an audio file sent as recorded in WhatsApp. Meta's types and sizes apply.
  $('attach').addEventListener('click', () => $('file').click());
  $('voice').addEventListener('click', () => $('voice-file').click());
  $('file').addEventListener('change', () => sendFile($('file'), false));
  $('voice-file').addEventListener('change', () => sendFile($('voice-file'), true));
  $('opt-in').addEventListener('click', () => consent(true));
  $('opt-out').addEventListener('click', () => consent(false));
  $('text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('composer').requestSubmit(); }
  });
  await loadThread();
}

start().catch((error) => showError(String(error)));
`;
