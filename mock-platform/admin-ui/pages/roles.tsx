import { CrudPage, type EditorProps } from '../crud.tsx';
import { useChannels } from '../data.ts';
import { permissionLabel, permissionList, t } from '../i18n.ts';
import type { Channel, ChannelPermission, Role } from '../types.ts';
import { Checkbox, errorAt, TextField } from '../ui.tsx';

type Draft = { name: string; description: string; channels: Record<string, ChannelPermission[]> };

/** Roles (RP-1 … RP-3): each channel added to a role, with a checkbox per permission on its row. */
export function RolesPage() {
  const channels = useChannels();
  const all = channels.data?.channels ?? [];
  const channelName = (id: string) => all.find((c) => c.id === id)?.name ?? id;
  return (
    <CrudPage<Role, Draft>
      title={t('roles')}
      intro={<p>{t('rolesIntro')}</p>}
      path="roles"
      testid="roles-page"
      columns={[
        { sort: 'name', label: t('name'), render: (role) => role.name },
        {
          label: t('channelsAndPermissions'),
          render: (role) =>
            Object.keys(role.channels).length === 0 ? (
              <span class="muted">{t('noChannels')}</span>
            ) : (
              <ul class="plain">
                {Object.entries(role.channels).map(([id, granted]) => (
                  <li key={id}>
                    <strong>{channelName(id)}</strong>:{' '}
                    {granted.length === 0 ? t('noPermissions') : granted.map(permissionLabel).join(', ')}
                    {!granted.includes('reply') && <span class="badge warn">{t('noReply')}</span>}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
      blank={() => ({ name: '', description: '', channels: {} })}
      fromRow={(role) => ({ name: role.name, description: role.description ?? '', channels: role.channels })}
      toBody={(draft) => ({
        name: draft.name,
        ...(draft.description ? { description: draft.description } : {}),
        channels: draft.channels,
      })}
      Editor={(props) => <RoleEditor {...props} channels={all} />}
    />
  );
}

function RoleEditor({ draft, set, errors, channels }: EditorProps<Draft> & { channels: Channel[] }) {
  const toggleChannel = (id: string, on: boolean) => {
    const next = { ...draft.channels };
    if (on) next[id] = [...permissionList];
    else delete next[id];
    set({ ...draft, channels: next });
  };
  const togglePermission = (id: string, permission: ChannelPermission, on: boolean) => {
    const granted = draft.channels[id] ?? [];
    set({
      ...draft,
      channels: { ...draft.channels, [id]: on ? [...granted, permission] : granted.filter((p) => p !== permission) },
    });
  };
  return (
    <>
      <TextField
        label={t('name')}
        name="name"
        value={draft.name}
        onChange={(name) => set({ ...draft, name })}
        errors={errors}
        required
      />
      <TextField
        label={t('description')}
        name="description"
        value={draft.description}
        onChange={(description) => set({ ...draft, description })}
        errors={errors}
      />
      <table class="permissions" data-testid="permissions">
        <caption>{t('channelsAndPermissions')}</caption>
        <thead>
          <tr>
            <th>{t('channel')}</th>
            {permissionList.map((permission) => (
              <th key={permission}>{permissionLabel(permission)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => {
            const granted = draft.channels[channel.id];
            return (
              <tr key={channel.id} data-testid={`permissions-${channel.id}`}>
                <td>
                  <Checkbox
                    label={`${channel.name} (${channel.phoneNumber})`}
                    checked={granted !== undefined}
                    testid={`role-channel-${channel.id}`}
                    onChange={(on) => toggleChannel(channel.id, on)}
                  />
                </td>
                {permissionList.map((permission) => (
                  <td key={permission} class="center">
                    <input
                      type="checkbox"
                      aria-label={`${permissionLabel(permission)} · ${channel.name}`}
                      disabled={granted === undefined}
                      checked={granted?.includes(permission) ?? false}
                      data-testid={`permission-${channel.id}-${permission}`}
                      onChange={(event) => togglePermission(channel.id, permission, event.currentTarget.checked)}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {errorAt(errors, 'channels') && (
        <p class="field-error" role="alert">
          {errorAt(errors, 'channels')}
        </p>
      )}
      <p class="hint">{t('replyHint')}</p>
    </>
  );
}
