import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { connectAccountFromAddress } from '../connect-account.ts';
import { useChannels, useSkills } from '../data.ts';
import { t } from '../i18n.ts';
import { pollWhilePending } from '../poll-pending.ts';
import { useSimulatorSignup, WHATSAPP_MANAGER_URL } from '../simulator-signup.ts';
import type { Channel, RoutingScript, Skill, SlaPolicy, WhatsAppNumber } from '../types.ts';
import { Card, DurationField, Empty, ErrorText, SelectField, TextField, useLoad, useSave } from '../ui.tsx';
import { ConnectAccountCard } from './connect-account-card.tsx';
import { MessageTemplates } from './message-templates.tsx';

type Defaults = { name: string; defaultSkillId: string; routingMode: 'script' | 'queues'; defaultScriptId: string };
const blankDefaults = (): Defaults => ({ name: '', defaultSkillId: '', routingMode: 'script', defaultScriptId: '' });

/**
 * Digital touchpoints → WhatsApp (Cloud API): the account's numbers (WhatsApp Manager), "My
 * channels" with the template-settings URL under the list, Create channel from a verified number
 * (CH-4, CH-5), and each channel's default skill and script (RT-2) and SLA (SL-1, SL-2).
 */
export function ChannelsPage() {
  const channels = useChannels();
  const numbers = useLoad(() => api<WhatsAppNumber[]>('/api/admin/whatsapp-numbers'));
  const skills = useSkills();
  const scripts = useLoad(() => api<RoutingScript[]>('/api/admin/routing-scripts'));
  const [banner, setBanner] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Channel | undefined>(undefined);
  const remove = useSave();
  const reload = () => {
    channels.reload();
    numbers.reload();
  };
  const pending = channels.data?.channels.some((channel) => channel.status === 'pending') ?? false;
  // The list approves due channels when read: ask again while WhatsApp is approving one.
  useEffect(() => pollWhilePending(pending, channels.reload), [pending]);
  const [connectError, setConnectError] = useState<string | undefined>(undefined);
  // Bumped when an account is connected: the template list reloads with its templates.
  const [accountsConnected, setAccountsConnected] = useState(0);
  // Back from the signup with a new account: connect it so its numbers are listed (CH-5).
  useEffect(() => {
    connectAccountFromAddress().then(
      (account) => {
        if (!account) return;
        setBanner(t('accountConnected', { name: account.name }));
        numbers.reload();
      },
      (error: Error) => setConnectError(error.message),
    );
  }, []);
  const skillName = (id: string) => skills.data?.find((s) => s.id === id)?.name ?? id;
  const scriptName = (id: string | undefined) => (id ? (scripts.data?.find((s) => s.id === id)?.name ?? id) : '—');

  const destroy = async (channel: Channel) => {
    if (!window.confirm(t('confirmDeleteChannel', { name: channel.name }))) return;
    if (await remove.run(() => api(`/api/admin/channels/${channel.id}`, { method: 'DELETE' }))) {
      setBanner(t('deleted', { name: channel.name }));
      reload();
    }
  };

  return (
    <div data-testid="channels-page">
      {banner && (
        <p class="banner success" role="status" data-testid="banner">
          {banner}
        </p>
      )}
      <Card title={t('myChannels')}>
        <ErrorText message={connectError ?? channels.error ?? remove.message} />
        {channels.data?.channels.length === 0 && <Empty>{t('noChannelsYet')}</Empty>}
        {channels.data && channels.data.channels.length > 0 && (
          <table class="list">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('phoneNumber')}</th>
                <th>{t('status')}</th>
                <th>{t('defaultSkill')}</th>
                <th>{t('routing')}</th>
                <th>{t('sla')}</th>
                <th class="row-actions">
                  <span class="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.data.channels.map((channel) => (
                <tr key={channel.id} data-testid={`channel-${channel.id}`} data-name={channel.name}>
                  <td>{channel.name}</td>
                  <td>{channel.phoneNumber}</td>
                  <td>
                    <span class={`badge ${channel.status === 'approved' ? 'ok' : 'warn'}`}>{t(channel.status)}</span>
                  </td>
                  <td>{skillName(channel.defaultSkillId)}</td>
                  <td data-testid="routing">
                    {(channel.routingMode ?? (channel.defaultScriptId ? 'script' : 'queues')) === 'script'
                      ? scriptName(channel.defaultScriptId)
                      : t('routeByQueues')}
                  </td>
                  <td>{channel.sla ? t('ownSla') : t('followsGlobal')}</td>
                  <td class="row-actions">
                    <button type="button" class="secondary" data-testid="edit" onClick={() => setEditing(channel)}>
                      {t('edit')}
                    </button>
                    <button type="button" class="danger" data-testid="delete" onClick={() => destroy(channel)}>
                      {t('delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {channels.data && (
          <div class="url-box">
            <span>{t('templateSettingsUrl')}</span>
            <code data-testid="template-settings-url">{channels.data.templateSettingsUrl}</code>
            <button
              type="button"
              class="secondary"
              onClick={() => navigator.clipboard?.writeText(channels.data?.templateSettingsUrl ?? '')}
            >
              {t('copy')}
            </button>
            <span class="hint">{t('templateSettingsHint')}</span>
          </div>
        )}
      </Card>
      {editing && (
        <ChannelEditor
          key={editing.id}
          channel={editing}
          skills={skills.data ?? []}
          scripts={scripts.data ?? []}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) {
              setBanner(t('savedName', { name: saved.name }));
              reload();
            }
          }}
        />
      )}
      <CreateChannel
        numbers={(numbers.data ?? []).filter((number) => !number.channelId)}
        skills={skills.data ?? []}
        scripts={scripts.data ?? []}
        onCreated={(channel) => {
          setBanner(t('channelCreated', { name: channel.name }));
          reload();
        }}
      />
      <MessageTemplates key={accountsConnected} />
      <Card title={t('whatsappManager')} testid="numbers">
        <p class="intro">{t('whatsappManagerIntro')}</p>
        <ErrorText message={numbers.error} />
        {numbers.data && (
          <table class="list">
            <thead>
              <tr>
                <th>{t('phoneNumber')}</th>
                <th>{t('verifiedName')}</th>
                <th>{t('status')}</th>
                <th>{t('qualityRating')}</th>
                <th>{t('limitTier')}</th>
                <th>{t('channel')}</th>
              </tr>
            </thead>
            <tbody>
              {numbers.data.map((number) => (
                <tr key={number.phoneNumberId} data-testid={`number-${number.phoneNumberId}`}>
                  <td>{number.phoneNumber}</td>
                  <td>{number.verifiedName}</td>
                  <td>{number.status}</td>
                  <td>
                    <span class={`quality ${number.qualityRating.toLowerCase()}`}>{number.qualityRating}</span>
                  </td>
                  <td>{number.messagingLimitTier ?? '—'}</td>
                  <td>{channels.data?.channels.find((c) => c.id === number.channelId)?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <ConnectAccountCard
        onConnected={(message) => {
          setBanner(message);
          numbers.reload();
          setAccountsConnected((count) => count + 1);
        }}
      />
    </div>
  );
}

function DefaultsFields({
  value,
  onChange,
  skills,
  scripts,
  errors,
}: {
  value: Defaults;
  onChange: (value: Defaults) => void;
  skills: Skill[];
  scripts: RoutingScript[];
  errors: Record<string, string>;
}) {
  return (
    <>
      <TextField
        label={t('channelName')}
        name="name"
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        errors={errors}
      />
      <SelectField
        label={t('routing')}
        name="routingMode"
        value={value.routingMode}
        options={[
          { value: 'script', label: t('routeByScript') },
          { value: 'queues', label: t('routeByQueues') },
        ]}
        onChange={(routingMode) => onChange({ ...value, routingMode })}
        errors={errors}
        hint={value.routingMode === 'queues' ? t('routeByQueuesHint') : t('routeByScriptHint')}
      />
      {value.routingMode === 'script' && (
        <SelectField
          label={t('defaultScript')}
          name="defaultScriptId"
          value={value.defaultScriptId}
          placeholder={t('choose')}
          options={scripts.map((script) => ({ value: script.id, label: script.name }))}
          onChange={(defaultScriptId) => onChange({ ...value, defaultScriptId })}
          errors={errors}
        />
      )}
      <SelectField
        label={t('defaultSkill')}
        name="defaultSkillId"
        value={value.defaultSkillId}
        placeholder={t('choose')}
        options={skills.map((skill) => ({ value: skill.id, label: skill.name }))}
        onChange={(defaultSkillId) => onChange({ ...value, defaultSkillId })}
        errors={errors}
      />
    </>
  );
}

function CreateChannel({
  numbers,
  skills,
  scripts,
  onCreated,
}: {
  numbers: WhatsAppNumber[];
  skills: Skill[];
  scripts: RoutingScript[];
  onCreated: (channel: Channel) => void;
}) {
  const [phoneNumberId, setPhoneNumberId] = useState('');
  const [defaults, setDefaults] = useState<Defaults>(blankDefaults);
  // With SIMULATOR=off there is no simulator signup: numbers are added in Meta's WhatsApp Manager.
  const simulator = useSimulatorSignup();
  const save = useSave();
  const submit = async (event: Event) => {
    event.preventDefault();
    const channel = await save.run(() =>
      api<Channel>('/api/admin/channels', { method: 'POST', body: { phoneNumberId, ...defaults } }),
    );
    if (channel) {
      setPhoneNumberId('');
      setDefaults(blankDefaults());
      onCreated(channel);
    }
  };
  return (
    <Card
      title={t('createChannel')}
      testid="create-channel"
      actions={
        simulator === false ? (
          <a
            class="button-link"
            href={WHATSAPP_MANAGER_URL}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="connect-number-meta"
          >
            {t('connectNumberMeta')}
          </a>
        ) : (
          <a class="button-link" href="/simulator/signup" data-testid="connect-number">
            {t('connectNumber')}
          </a>
        )
      }
    >
      <p class="intro">{t('createChannelIntro')}</p>
      {simulator === false && (
        <p class="intro" data-testid="connect-number-hint">
          {t('connectNumberMetaHint')}
        </p>
      )}
      <form class="form" onSubmit={submit} noValidate>
        <SelectField
          label={t('verifiedNumber')}
          name="phoneNumberId"
          value={phoneNumberId}
          placeholder={numbers.length === 0 ? t('noFreeNumbers') : t('choose')}
          options={numbers.map((number) => ({
            value: number.phoneNumberId,
            label: `${number.phoneNumber} · ${number.verifiedName} · ${number.status}`,
          }))}
          onChange={(id) => {
            setPhoneNumberId(id);
            if (!defaults.name)
              setDefaults({
                ...defaults,
                name: `WhatsApp ${numbers.find((n) => n.phoneNumberId === id)?.phoneNumber ?? ''}`,
              });
          }}
          errors={save.errors}
        />
        <DefaultsFields
          value={defaults}
          onChange={setDefaults}
          skills={skills}
          scripts={scripts}
          errors={save.errors}
        />
        <ErrorText message={save.message} details={save.details} />
        <div class="form-actions">
          <button type="submit" data-testid="create" disabled={save.busy}>
            {t('create')}
          </button>
        </div>
      </form>
    </Card>
  );
}

function ChannelEditor({
  channel,
  skills,
  scripts,
  onDone,
}: {
  channel: Channel;
  skills: Skill[];
  scripts: RoutingScript[];
  onDone: (saved: Channel | undefined) => void;
}) {
  const [defaults, setDefaults] = useState<Defaults>({
    name: channel.name,
    defaultSkillId: channel.defaultSkillId,
    routingMode: channel.routingMode ?? (channel.defaultScriptId ? 'script' : 'queues'),
    defaultScriptId: channel.defaultScriptId ?? '',
  });
  const global = useLoad(() => api<{ sla: SlaPolicy }>('/api/admin/settings'));
  const [own, setOwn] = useState<SlaPolicy | undefined>(channel.sla);
  const save = useSave();
  const submit = async (event: Event) => {
    event.preventDefault();
    const saved = await save.run(() =>
      api<Channel>(`/api/admin/channels/${channel.id}`, {
        method: 'PUT',
        body: {
          ...defaults,
          sla: own ?? null,
          businessHours: channel.businessHours ?? null,
          surveyTemplate: channel.surveyTemplate ?? null,
        },
      }),
    );
    if (saved) onDone(saved);
  };
  return (
    <Card title={t('editChannel', { name: channel.name })} testid="channel-editor">
      <form class="form" onSubmit={submit} noValidate>
        <DefaultsFields
          value={defaults}
          onChange={setDefaults}
          skills={skills}
          scripts={scripts}
          errors={save.errors}
        />
        <fieldset class="group">
          <legend>{t('slaForChannel')}</legend>
          <div class="segmented" role="radiogroup" aria-label={t('followGlobalQuestion')}>
            <label>
              <input
                type="radio"
                name="follow"
                checked={own === undefined}
                data-testid="sla-follow-global"
                onChange={() => setOwn(undefined)}
              />
              {t('yesFollowGlobal')}
            </label>
            <label>
              <input
                type="radio"
                name="follow"
                checked={own !== undefined}
                data-testid="sla-own"
                onChange={() =>
                  setOwn(global.data?.sla ?? { firstResponseMs: 30 * 60_000, resolutionMs: 8 * 3_600_000 })
                }
              />
              {t('noDifferent')}
            </label>
          </div>
          {own && (
            <>
              <DurationField
                label={t('firstResponseTime')}
                name="sla.firstResponseMs"
                value={own.firstResponseMs}
                onChange={(firstResponseMs) => setOwn({ ...own, firstResponseMs })}
                errors={save.errors}
              />
              <DurationField
                label={t('resolutionTime')}
                name="sla.resolutionMs"
                value={own.resolutionMs}
                onChange={(resolutionMs) => setOwn({ ...own, resolutionMs })}
                errors={save.errors}
              />
            </>
          )}
        </fieldset>
        <ErrorText message={save.message} details={save.details} />
        <div class="form-actions">
          <button type="submit" data-testid="save" disabled={save.busy}>
            {t('save')}
          </button>
          <button type="button" class="secondary" onClick={() => onDone(undefined)}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Card>
  );
}
