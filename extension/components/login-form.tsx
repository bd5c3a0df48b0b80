import { useEffect, useId, useState } from 'preact/hooks';
import { PlatformError } from '../utils/api-client.ts';
import { signIn } from '../utils/auth.ts';
import { t } from '../utils/i18n.ts';
import { lastPlatformUrl } from '../utils/storage.ts';

/** Platform URL, username and password; errors are shown under the form, in words. */
export function LoginForm({ notice }: { notice?: string | undefined }) {
  const [platformUrl, setPlatformUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [staySignedIn, setStaySignedIn] = useState(false);
  const stayId = useId();
  const [error, setError] = useState<string | undefined>(notice);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void lastPlatformUrl().then(setPlatformUrl);
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(platformUrl, username, password, staySignedIn);
    } catch (caught) {
      setError(caught instanceof PlatformError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="login" onSubmit={submit} data-testid="login-form">
      <h1 class="brand">
        <span class="brand-mark" aria-hidden="true">
          ◆
        </span>{' '}
        Loro
      </h1>
      <Field label={t('platformUrl')} name="platformUrl" value={platformUrl} onInput={setPlatformUrl} />
      <Field label={t('username')} name="username" autocomplete="username" value={username} onInput={setUsername} />
      <Field
        label={t('password')}
        name="password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={setPassword}
      />
      <label for={stayId} class="stay-signed-in" title={t('staySignedInHint')}>
        <input
          id={stayId}
          type="checkbox"
          name="staySignedIn"
          data-testid="stay-signed-in"
          checked={staySignedIn}
          onChange={(event) => setStaySignedIn(event.currentTarget.checked)}
        />
        {t('staySignedIn')}
      </label>
      {error && (
        <p class="form-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy} data-testid="sign-in">
        {busy ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}

/** A labelled, required text input; `name` doubles as its test id (kebab-cased). */
function Field({
  label,
  name,
  value,
  onInput,
  type = 'text',
  autocomplete,
}: {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password';
  autocomplete?: 'username' | 'current-password';
}) {
  const id = useId();
  const common = {
    id,
    name,
    'data-testid': name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
    value,
    onInput: (event: { currentTarget: HTMLInputElement }) => onInput(event.currentTarget.value),
    required: true,
    ...(autocomplete ? { autocomplete } : {}),
  };
  // Preact types each input type separately, so the two kinds are written out.
  return (
    <label for={id}>
      {label}
      {type === 'password' ? <input type="password" {...common} /> : <input type="text" {...common} />}
    </label>
  );
}
