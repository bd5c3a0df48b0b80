import { useRef, useState } from 'preact/hooks';
import type { SignupWords } from './i18n.ts';
import type { SignupKey } from './locales/en.ts';
import { type Profile, type SignupApi, SignupRefusal } from './signup-api.ts';

/** The wizard's steps in the reference's order; the bars above show how far the administrator is. */
const STEPS = ['login', 'permissions', 'business', 'number', 'code', 'done'] as const;
type Step = (typeof STEPS)[number];

/** Fields whose refusals show under them on the number and code steps (the first path segment). */
type ErrorField = 'displayName' | 'category' | 'website' | 'logo' | 'phoneNumber' | 'code';

export interface SignupProps {
  api: SignupApi;
  words: SignupWords;
  /** Meta's business category codes (the server's list); shown by name, sent as codes. */
  categories: readonly string[];
  /** The logo the administrator picked, read as base64 (injected: tests have no FileReader to wait on). */
  readFile?: (file: File) => Promise<string>;
}

const readAsBase64 = (file: File) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.readAsDataURL(file);
  });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The simulated WhatsApp Embedded Signup (CH-4): the steps Meta's popup takes an administrator
 * through, then back to the admin UI with the account (`?connectWaba=`), as Meta hands the app its WABA id.
 */
export function Signup({ api, words: { t, language }, categories, readFile = readAsBase64 }: SignupProps) {
  const [step, setStep] = useState<Step>('login');
  const [switchNote, setSwitchNote] = useState(false);
  const [accounts, setAccounts] = useState<{ id: string; name: string }[]>([]);
  const [create, setCreate] = useState(false);
  const [business, setBusiness] = useState({
    wabaId: '',
    businessManagerId: '',
    name: '',
    timeZone: '',
    email: '',
    website: '',
    country: '',
    address: '',
  });
  const [businessError, setBusinessError] = useState('');
  const [wabaId, setWabaId] = useState('');
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [profileId, setProfileId] = useState('');
  const [existingNote, setExistingNote] = useState('');
  const [form, setForm] = useState({ displayName: '', category: '', description: '', website: '', phone: '' });
  const [method, setMethod] = useState<'SMS' | 'VOICE'>('SMS');
  const logo = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<Partial<Record<ErrorField, string>>>({});
  const [sent, setSent] = useState<{ phoneNumberId: string; phoneNumber: string } | undefined>();
  const [outbox, setOutbox] = useState(t('outboxWaiting'));
  const [code, setCode] = useState('');
  const [doneText, setDoneText] = useState('');

  const done = (text: string) => {
    setDoneText(text);
    setStep('done');
  };
  /** A refusal's fields under their inputs; one naming no field under the current step's first. */
  const showRefusal = (error: unknown, fallback: ErrorField) => {
    const issues = error instanceof SignupRefusal ? error.issues : [];
    const next: Partial<Record<ErrorField, string>> = {};
    for (const issue of issues) next[issue.path.split('.')[0] as ErrorField] = issue.message;
    if (issues.length === 0) next[fallback] = messageOf(error);
    setErrors(next);
  };

  const accept = async () => {
    const found = await api.accounts();
    setAccounts(found);
    setBusiness((b) => ({ ...b, wabaId: found[0]?.id ?? '' }));
    setStep('business');
  };

  const submitBusiness = async () => {
    const b = business;
    try {
      const account = await api.business(
        create
          ? {
              businessManagerId: b.businessManagerId,
              timeZone: b.timeZone.trim(),
              email: b.email.trim(),
              name: b.name,
              website: b.website,
              country: b.country.toUpperCase(),
              ...(b.address ? { address: b.address } : {}),
            }
          : { wabaId: b.wabaId },
      );
      setWabaId(account.wabaId);
      setBusinessError('');
      const found = await api.profiles(account.wabaId);
      setProfiles(found);
      setProfileId(found[0]?.id ?? '');
      setExistingNote('');
      setStep('number');
    } catch (error) {
      setBusinessError(messageOf(error));
    }
  };

  // A code that expired, was mistyped or never came: the same form asks again (a lockout still lasts its hour).
  const sendCode = async () => {
    const file = logo.current?.files?.[0];
    const picked = file ? { data: await readFile(file), mimeType: file.type } : undefined;
    try {
      const result = await api.number({
        wabaId,
        phoneNumber: form.phone,
        displayName: form.displayName,
        category: form.category || undefined,
        ...(form.description ? { description: form.description } : {}),
        ...(form.website ? { website: form.website } : {}),
        ...(picked ? { logo: picked } : {}),
        method,
      });
      setSent(result);
      setErrors({});
      setStep('code');
      const delivered = await api.outbox(result.phoneNumberId);
      setOutbox(delivered[0] ? delivered[0].text : t('outboxEmpty'));
    } catch (error) {
      // Asked again from the code step (a lockout): say it there, where the administrator is.
      if (step === 'code') setErrors({ code: messageOf(error) });
      else showRefusal(error, 'displayName');
    }
  };

  // An existing profile skips to the end only when its number is verified and registered; an
  // unverified one stays here, filled in, to send it a code (CH-4).
  const useExisting = () => {
    const profile = profiles.find((p) => p.id === profileId);
    if (!profile) return;
    const text = t(`profile.${profile.state}`, { number: `${profile.verifiedName} · ${profile.phoneNumber}` });
    if (profile.state !== 'unverified') return done(text);
    setForm((f) => ({ ...f, displayName: profile.verifiedName, phone: profile.phoneNumber }));
    setExistingNote(text);
  };

  const verify = async () => {
    if (!sent) return;
    try {
      const result = await api.verify(sent.phoneNumberId, code.trim());
      const time = new Date(result.approvesAt).toLocaleTimeString(language);
      done(t('registered', { number: sent.phoneNumber, time }));
    } catch (error) {
      showRefusal(error, 'code');
    }
  };

  const error = (field: ErrorField, testId?: string) => (
    <span class="error" data-error={field} data-testid={testId}>
      {errors[field] ?? ''}
    </span>
  );
  const input = (key: keyof typeof form) => ({
    value: form[key],
    onInput: (e: Event) => setForm((f) => ({ ...f, [key]: (e.currentTarget as HTMLInputElement).value })),
  });
  const businessInput = (key: keyof typeof business) => ({
    value: business[key],
    onInput: (e: Event) => setBusiness((b) => ({ ...b, [key]: (e.currentTarget as HTMLInputElement).value })),
  });
  const at = STEPS.indexOf(step);
  const categoryNames = categories
    .map((code) => ({ code, name: t(`category.${code}` as SignupKey) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));

  return (
    <main>
      <header>
        <span>{t('brand')}</span>
        <small>{t('simulated')}</small>
      </header>
      <div class="steps" data-testid="steps">
        {STEPS.slice(1).map((name, i) => (
          <span key={name} class={i < at ? 'done' : undefined} />
        ))}
      </div>

      {step === 'login' && (
        <section>
          <h2>{t('loginTitle')}</h2>
          <p>{t('loginLead')}</p>
          <button type="button" data-testid="signup-continue" onClick={() => setStep('permissions')}>
            {t('continueAs')}
          </button>
          <button type="button" class="secondary" data-testid="signup-switch" onClick={() => setSwitchNote(true)}>
            {t('switchAccount')}
          </button>
          {switchNote && <p class="error">{t('switchNote')}</p>}
        </section>
      )}

      {step === 'permissions' && (
        <section>
          <h2>{t('permissionsTitle')}</h2>
          <p>{t('permissionsLead')}</p>
          <label class="inline">
            <input type="checkbox" checked disabled /> {t('permissionAccounts')}
          </label>
          <label class="inline">
            <input type="checkbox" checked disabled /> {t('permissionConversations')}
          </label>
          <div class="actions">
            <button type="button" data-testid="signup-accept" onClick={accept}>
              {t('continue')}
            </button>
          </div>
        </section>
      )}

      {step === 'business' && (
        <section>
          <h2>{t('businessTitle')}</h2>
          <label class="inline">
            <input
              type="radio"
              name="waba-mode"
              checked={!create}
              onChange={() => setCreate(false)}
              data-testid="waba-select-mode"
            />{' '}
            {t('selectAccount')}
          </label>
          <select data-testid="waba" disabled={create} {...businessInput('wabaId')}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label class="inline">
            <input
              type="radio"
              name="waba-mode"
              checked={create}
              onChange={() => setCreate(true)}
              data-testid="waba-create-mode"
            />{' '}
            {t('createAccount')}
          </label>
          {create && (
            <div class="fields">
              <label>
                {t('businessManagerId')}
                <input
                  data-testid="business-manager-id"
                  inputMode="numeric"
                  placeholder="123456789012345"
                  {...businessInput('businessManagerId')}
                />
              </label>
              <label>
                {t('businessName')} <input data-testid="business-name" {...businessInput('name')} />
              </label>
              <label>
                {t('timeZone')}
                <input data-testid="business-time-zone" placeholder="Europe/Madrid" {...businessInput('timeZone')} />
              </label>
              <label>
                {t('email')}
                <input
                  data-testid="business-email"
                  type="email"
                  placeholder="ventas@example.com"
                  {...businessInput('email')}
                />
              </label>
              <label>
                {t('businessWebsite')}
                <input data-testid="business-website" placeholder="https://" {...businessInput('website')} />
              </label>
              <label>
                {t('country')}
                <input data-testid="business-country" placeholder="ES" maxLength={2} {...businessInput('country')} />
              </label>
              <label>
                {t('address')} <input data-testid="business-address" {...businessInput('address')} />
              </label>
            </div>
          )}
          <p class="error" data-testid="business-error">
            {businessError}
          </p>
          <div class="actions">
            <button type="button" data-testid="business-next" onClick={submitBusiness}>
              {t('next')}
            </button>
          </div>
        </section>
      )}

      {(step === 'number' || step === 'code') && (
        <section hidden={step !== 'number'}>
          <h2>{t('numberTitle')}</h2>
          {profiles.length > 0 && (
            <div>
              <label>
                {t('existingProfile')}
                <select
                  data-testid="existing-profile"
                  value={profileId}
                  onChange={(e) => setProfileId(e.currentTarget.value)}
                >
                  {profiles.map((p) => (
                    <option key={p.id} value={p.id}>
                      {`${p.verifiedName} · ${p.phoneNumber}`}
                    </option>
                  ))}
                </select>
              </label>
              <div class="actions">
                <button type="button" class="secondary" data-testid="use-existing" onClick={useExisting}>
                  {t('useExisting')}
                </button>
              </div>
              {existingNote && <p data-testid="existing-note">{existingNote}</p>}
              <p>{t('orCreate')}</p>
            </div>
          )}
          <label>
            {t('displayName')} <input data-testid="display-name" {...input('displayName')} />
          </label>
          {error('displayName')}
          <label>
            {t('category')}
            <select data-testid="category" value={form.category} onChange={input('category').onInput}>
              <option value="">{t('choose')}</option>
              {categoryNames.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {error('category')}
          <label>
            {t('description')} <textarea rows={2} maxLength={256} {...input('description')} />
          </label>
          <label>
            {t('website')} <input placeholder="https://" {...input('website')} />
          </label>
          {error('website')}
          <label>
            {t('logo')} <input type="file" ref={logo} accept="image/png,image/jpeg" data-testid="logo" />
          </label>
          {error('logo', 'logo-error')}
          <label>
            {t('phone')} <input data-testid="phone" placeholder="+1 614 555 1234" {...input('phone')} />
          </label>
          {error('phoneNumber', 'phone-error')}
          <label class="inline">
            <input type="radio" name="method" checked={method === 'SMS'} onChange={() => setMethod('SMS')} />{' '}
            {t('bySms')}
          </label>
          <label class="inline">
            <input
              type="radio"
              name="method"
              checked={method === 'VOICE'}
              onChange={() => setMethod('VOICE')}
              data-testid="method-voice"
            />{' '}
            {t('byVoice')}
          </label>
          <div class="actions">
            <button type="button" data-testid="send-code" onClick={sendCode}>
              {t('sendCode')}
            </button>
          </div>
        </section>
      )}

      {step === 'code' && sent && (
        <section>
          <h2>{t('codeTitle')}</h2>
          <p data-testid="code-hint">
            {t(method === 'SMS' ? 'codeSentSms' : 'codeSentVoice', { number: sent.phoneNumber })}
          </p>
          <div class="outbox" data-testid="outbox">
            <strong>{t('outbox')}</strong>
            <span>{outbox}</span>
          </div>
          <label>
            {t('code')}
            <input
              data-testid="code"
              inputMode="numeric"
              maxLength={7}
              placeholder="123-456"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </label>
          {error('code', 'code-error')}
          <div class="actions">
            <button type="button" class="secondary" data-testid="resend-code" onClick={sendCode}>
              {t('resend')}
            </button>
            <button type="button" data-testid="verify" onClick={verify}>
              {t('next')}
            </button>
          </div>
        </section>
      )}

      {step === 'done' && (
        <section>
          <h2>{t('doneTitle')}</h2>
          <p class="success" data-testid="signup-done">
            {doneText}
          </p>
          <div class="actions">
            <a href={`/admin?connectWaba=${encodeURIComponent(wabaId)}#/whatsapp`}>
              <button type="button" data-testid="back-to-loro">
                {t('backToLoro')}
              </button>
            </a>
          </div>
        </section>
      )}
    </main>
  );
}
