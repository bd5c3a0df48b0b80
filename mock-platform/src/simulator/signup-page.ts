import { VERTICALS } from './business-profile.ts';
import { CATEGORY_NAMES, PROFILE_STATE_WORDS, type SignupLanguage } from './signup-words.ts';

/** Text for an HTML element's content or a quoted attribute. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The simulated WhatsApp Embedded Signup (CH-4): the steps Meta's popup takes an administrator
 * through, in the reference's order. Static HTML and one script; every value is set as text.
 */
export function signupPage(lang: SignupLanguage = 'en'): string {
  const names = CATEGORY_NAMES[lang];
  const categories = VERTICALS.filter((v) => v !== 'UNDEFINED')
    .map((v) => ({ code: v, name: names[v] }))
    .sort((a, b) => a.name.localeCompare(b.name, lang))
    .map(({ code, name }) => `<option value="${code}">${escapeHtml(name)}</option>`)
    .join('');
  // Read by the script: JSON with `<` escaped, so no text can close the script element.
  const words = JSON.stringify(PROFILE_STATE_WORDS[lang]).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WhatsApp Business · Signup (simulated)</title>
<style>
  :root { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1e21; }
  body { margin: 0; background: #f0f2f5; display: flex; justify-content: center; padding: 32px 12px; }
  main { width: min(520px, 100%); background: #fff; border-radius: 10px; box-shadow: 0 2px 12px #0002; overflow: hidden; }
  header { background: #1877f2; color: #fff; padding: 14px 20px; font-weight: 600; display: flex; justify-content: space-between; }
  header small { font-weight: 400; opacity: .85; }
  section { padding: 20px; display: flex; flex-direction: column; gap: 12px; }
  section[hidden] { display: none; }
  h2 { font-size: 18px; margin: 0; }
  p { margin: 0; color: #4b4f56; }
  label { display: flex; flex-direction: column; gap: 4px; font-size: 13px; font-weight: 600; color: #4b4f56; }
  label.inline { flex-direction: row; align-items: center; gap: 8px; font-weight: 400; }
  input, select, textarea { font: inherit; padding: 8px 10px; border: 1px solid #ccd0d5; border-radius: 6px; font-weight: 400; color: #1c1e21; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; }
  button { font: inherit; font-weight: 600; padding: 8px 18px; border-radius: 6px; border: 0; background: #1877f2; color: #fff; cursor: pointer; }
  button.secondary { background: #e4e6eb; color: #1c1e21; }
  .error { color: #d93025; font-size: 12.5px; font-weight: 400; }
  .steps { display: flex; gap: 6px; padding: 10px 20px 0; }
  .steps span { flex: 1; height: 4px; border-radius: 2px; background: #e4e6eb; }
  .steps span.done { background: #1877f2; }
  .outbox { background: #f7f8fa; border: 1px dashed #ccd0d5; border-radius: 8px; padding: 10px 12px; font-size: 13px; }
  .outbox strong { display: block; margin-bottom: 4px; }
  .success { background: #e7f3e8; color: #1e5127; border-radius: 8px; padding: 12px; }
</style>
</head>
<body>
<main>
  <header><span>WhatsApp Business</span><small>Simulated signup · Registro simulado</small></header>
  <div class="steps" id="steps"><span></span><span></span><span></span><span></span><span></span></div>

  <section id="step-login" data-step="0">
    <h2>Log in with Facebook</h2>
    <p>Connect your WhatsApp Business account to Loro.</p>
    <button type="button" id="continue" data-testid="signup-continue">Continue as Alex Admin</button>
    <button type="button" class="secondary" id="switch">Switch account</button>
    <p id="switch-note" class="error" hidden>Only the simulated account is available here.</p>
  </section>

  <section id="step-permissions" data-step="1" hidden>
    <h2>Get started</h2>
    <p>Loro will be able to:</p>
    <label class="inline"><input type="checkbox" checked disabled> Manage your WhatsApp accounts</label>
    <label class="inline"><input type="checkbox" checked disabled> Manage and access conversations in WhatsApp</label>
    <div class="actions"><button type="button" id="accept" data-testid="signup-accept">Continue</button></div>
  </section>

  <section id="step-business" data-step="2" hidden>
    <h2>Business details</h2>
    <label class="inline"><input type="radio" name="waba-mode" value="select" checked data-testid="waba-select-mode"> Select a WhatsApp Business account</label>
    <select id="waba" data-testid="waba"></select>
    <label class="inline"><input type="radio" name="waba-mode" value="create" data-testid="waba-create-mode"> Create a WhatsApp Business account</label>
    <div id="new-business" hidden>
      <label>Facebook Business Manager ID <input id="business-manager-id" data-testid="business-manager-id" inputmode="numeric" placeholder="123456789012345"></label>
      <label>Business name <input id="business-name" data-testid="business-name"></label>
      <label>Time zone of the main office <input id="business-time-zone" data-testid="business-time-zone" placeholder="Europe/Madrid"></label>
      <label>Contact e-mail <input id="business-email" data-testid="business-email" type="email" placeholder="ventas@example.com"></label>
      <label>Website or profile page <input id="business-website" data-testid="business-website" placeholder="https://"></label>
      <label>Country <input id="business-country" data-testid="business-country" placeholder="ES" maxlength="2"></label>
      <label>Address (optional) <input id="business-address"></label>
    </div>
    <p class="error" id="business-error" data-testid="business-error"></p>
    <div class="actions"><button type="button" id="business-next" data-testid="business-next">Next</button></div>
  </section>

  <section id="step-number" data-step="3" hidden>
    <h2>WhatsApp Business profile and number</h2>
    <div id="existing" hidden>
      <label>Select an existing WhatsApp Business profile <select id="existing-profile" data-testid="existing-profile"></select></label>
      <div class="actions"><button type="button" class="secondary" id="use-existing" data-testid="use-existing">Use this profile</button></div>
      <p id="existing-note" data-testid="existing-note" hidden></p>
      <p>Or create a new one:</p>
    </div>
    <label>Display name <input id="display-name" data-testid="display-name"></label>
    <span class="error" data-error="displayName"></span>
    <label>Category <select id="category" data-testid="category"><option value="">${lang === 'es' ? 'Elija…' : 'Choose…'}</option>${categories}</select></label>
    <span class="error" data-error="category"></span>
    <label>Description <textarea id="description" rows="2" maxlength="256"></textarea></label>
    <label>Website (optional) <input id="website" placeholder="https://"></label>
    <span class="error" data-error="website"></span>
    <label>Logo (square JPEG or PNG, at most 5 MB; 640×640 recommended) <input type="file" id="logo" accept="image/png,image/jpeg" data-testid="logo"></label>
    <span class="error" data-error="logo" data-testid="logo-error"></span>
    <label>Phone number (international format) <input id="phone" data-testid="phone" placeholder="+1 614 555 1234"></label>
    <span class="error" data-error="phoneNumber" data-testid="phone-error"></span>
    <label class="inline"><input type="radio" name="method" value="SMS" checked> Text message (SMS)</label>
    <label class="inline"><input type="radio" name="method" value="VOICE" data-testid="method-voice"> Phone call</label>
    <div class="actions"><button type="button" id="send-code" data-testid="send-code">Send code</button></div>
  </section>

  <section id="step-code" data-step="4" hidden>
    <h2>Verify your number</h2>
    <p id="code-hint"></p>
    <div class="outbox" data-testid="outbox"><strong>Simulated phone · outbox</strong><span id="outbox-text">Waiting for the code…</span></div>
    <label>6-digit code <input id="code" data-testid="code" inputmode="numeric" maxlength="7" placeholder="123-456"></label>
    <span class="error" data-error="code" data-testid="code-error"></span>
    <div class="actions"><button type="button" class="secondary" id="resend" data-testid="resend-code">Send a new code</button><button type="button" id="verify" data-testid="verify">Next</button></div>
  </section>

  <section id="step-done" data-step="5" hidden>
    <h2>You're all set</h2>
    <p class="success" id="done-text" data-testid="signup-done"></p>
    <div class="actions"><a id="back-to-loro" href="/admin#/whatsapp"><button type="button" data-testid="back-to-loro">Back to Loro</button></a></div>
  </section>
</main>
<script type="application/json" id="profile-words">${words}</script>
<script src="/simulator/signup.js"></script>
</body>
</html>`;
}

export const signupScript = `'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { wabaId: '', phoneNumberId: '', phoneNumber: '' };
  // Back to Loro with the account, as Meta's Embedded Signup hands the app its WABA id.
  const done = () => { $('back-to-loro').href = '/admin?connectWaba=' + encodeURIComponent(state.wabaId) + '#/whatsapp'; show('step-done'); };
  const show = (id) => {
    const step = Number($(id).dataset.step);
    for (const section of document.querySelectorAll('section')) section.hidden = section.id !== id;
    document.querySelectorAll('#steps span').forEach((bar, i) => bar.classList.toggle('done', i < step));
  };
  const post = async (path, body) => {
    const response = await fetch('/simulator/api/signup/' + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw json.error || { message: 'HTTP ' + response.status };
    return json;
  };
  const fieldErrors = (error) => {
    for (const span of document.querySelectorAll('[data-error]')) span.textContent = '';
    for (const issue of error.issues || []) {
      const span = document.querySelector('[data-error="' + issue.path.split('.')[0] + '"]');
      if (span) span.textContent = issue.message;
    }
    if (!error.issues || error.issues.length === 0) {
      const visible = document.querySelector('section:not([hidden]) [data-error]');
      if (visible) visible.textContent = error.message;
    }
  };

  $('continue').addEventListener('click', () => show('step-permissions'));
  $('switch').addEventListener('click', () => { $('switch-note').hidden = false; });
  $('accept').addEventListener('click', async () => {
    const accounts = await (await fetch('/simulator/api/signup/accounts')).json();
    $('waba').replaceChildren(...accounts.map((a) => Object.assign(document.createElement('option'), { value: a.id, textContent: a.name })));
    show('step-business');
  });
  for (const radio of document.querySelectorAll('input[name="waba-mode"]')) {
    radio.addEventListener('change', () => { $('new-business').hidden = radio.value !== 'create' || !radio.checked; $('waba').disabled = radio.value === 'create' && radio.checked; });
  }
  $('business-next').addEventListener('click', async () => {
    const create = document.querySelector('input[name="waba-mode"]:checked').value === 'create';
    const body = create
      ? { businessManagerId: $('business-manager-id').value, timeZone: $('business-time-zone').value.trim(), email: $('business-email').value.trim(), name: $('business-name').value, website: $('business-website').value, country: $('business-country').value.toUpperCase(), ...($('business-address').value ? { address: $('business-address').value } : {}) }
      : { wabaId: $('waba').value };
    try {
      const account = await post('business', body);
      state.wabaId = account.wabaId;
      $('business-error').textContent = '';
      const numbers = await (await fetch('/simulator/api/signup/profiles?wabaId=' + encodeURIComponent(account.wabaId))).json();
      $('existing-profile').replaceChildren(...numbers.map((n) => Object.assign(document.createElement('option'), { value: n.id, textContent: n.verifiedName + ' · ' + n.phoneNumber })));
      state.profiles = new Map(numbers.map((n) => [n.id, n]));
      $('existing-note').hidden = true;
      $('existing').hidden = numbers.length === 0;
      show('step-number');
    } catch (error) {
      $('business-error').textContent = error.message;
    }
  });
  const readLogo = () => new Promise((resolve) => {
    const file = $('logo').files[0];
    if (!file) return resolve(undefined);
    const reader = new FileReader();
    reader.onload = () => resolve({ data: String(reader.result).split(',')[1] || '', mimeType: file.type });
    reader.readAsDataURL(file);
  });
  // A code that expired, was mistyped or never came: the same form asks again (a lockout still lasts its hour).
  $('resend').addEventListener('click', () => $('send-code').click());
  $('send-code').addEventListener('click', async () => {
    const method = document.querySelector('input[name="method"]:checked').value;
    const logo = await readLogo();
    try {
      const result = await post('number', {
        wabaId: state.wabaId,
        phoneNumber: $('phone').value,
        displayName: $('display-name').value,
        category: $('category').value || undefined,
        ...($('description').value ? { description: $('description').value } : {}),
        ...($('website').value ? { website: $('website').value } : {}),
        ...(logo ? { logo } : {}),
        method,
      });
      Object.assign(state, result);
      $('code-hint').textContent = 'We sent a 6-digit code to ' + result.phoneNumber + (method === 'SMS' ? ' by text message.' : ' by phone call.');
      show('step-code');
      const outbox = await (await fetch('/simulator/api/outbox?phoneNumberId=' + encodeURIComponent(result.phoneNumberId))).json();
      $('outbox-text').textContent = outbox[0] ? outbox[0].text : 'No code delivered yet.';
      document.querySelector('[data-error="code"]').textContent = '';
    } catch (error) {
      // Asked again from the code step (a lockout): say it there, where the administrator is.
      if (!$('step-code').hidden) document.querySelector('[data-error="code"]').textContent = error.message;
      else fieldErrors(error);
    }
  });
  // Selecting an existing profile skips to the end only when its number is verified and registered;
  // an unverified one stays here, filled in, to send it a code (CH-4).
  const profileWords = JSON.parse($('profile-words').textContent);
  $('use-existing').addEventListener('click', () => {
    const option = $('existing-profile').selectedOptions[0];
    const profile = option && state.profiles && state.profiles.get(option.value);
    if (!profile) return;
    const text = profileWords[profile.state].replace('{number}', option.textContent);
    if (profile.state === 'unverified') {
      $('display-name').value = profile.verifiedName;
      $('phone').value = profile.phoneNumber;
      $('existing-note').textContent = text;
      $('existing-note').hidden = false;
      return;
    }
    $('done-text').textContent = text;
    done();
  });
  $('verify').addEventListener('click', async () => {
    try {
      const result = await post('verify', { phoneNumberId: state.phoneNumberId, code: $('code').value.trim() });
      $('done-text').textContent = state.phoneNumber + ' is registered. WhatsApp is reviewing it (pending); it will be approved by ' + new Date(result.approvesAt).toLocaleTimeString() + '. Then create its channel in Loro.';
      done();
    } catch (error) {
      fieldErrors(error);
    }
  });
  document.body.dataset.ready = 'true';
})();
`;
