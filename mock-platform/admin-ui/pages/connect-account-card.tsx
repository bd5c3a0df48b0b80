import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { Card, ErrorText, TextField, useSave } from '../ui.tsx';

type ConnectedAccount = { id: string; name: string; wabaId: string };

/**
 * Connects a WhatsApp Business account by its id (CH-5), for an account the signup did not hand
 * back: one created or shared in Meta's WhatsApp Manager. Its numbers then join WhatsApp Manager's
 * list and can become channels. Connecting one already connected changes nothing.
 */
export function ConnectAccountCard({ onConnected }: { onConnected: (message: string) => void }) {
  const [wabaId, setWabaId] = useState('');
  const save = useSave();
  const submit = async (event: Event) => {
    event.preventDefault();
    const account = await save.run(() =>
      api<ConnectedAccount>('/api/admin/whatsapp-accounts', { method: 'POST', body: { wabaId } }),
    );
    if (!account) return;
    setWabaId('');
    onConnected(t('accountConnected', { name: account.name }));
  };
  return (
    <Card title={t('connectAccount')} testid="connect-account">
      <p class="intro">{t('connectAccountIntro')}</p>
      <form class="form" onSubmit={submit} noValidate>
        <TextField
          label={t('wabaId')}
          name="wabaId"
          value={wabaId}
          onChange={setWabaId}
          errors={save.errors}
          autocomplete="off"
        />
        <ErrorText message={save.message} />
        <div class="form-actions">
          <button type="submit" data-testid="connect" disabled={save.busy}>
            {t('connect')}
          </button>
        </div>
      </form>
    </Card>
  );
}
