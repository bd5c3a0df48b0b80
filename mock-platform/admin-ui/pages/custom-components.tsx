import { CrudPage } from '../crud.tsx';
import { useChannels } from '../data.ts';
import { t } from '../i18n.ts';
import type { CustomComponent } from '../types.ts';
import { ChannelChecks, NumberField, TextField } from '../ui.tsx';

type Draft = { name: string; url: string; height: number | undefined; channelIds: string[] };

/**
 * Settings → Custom components (TP-5): the template-settings URL with `%s`, a height (200 px
 * suggested), channel checkboxes (none = all). Legacy Smooch components are flagged for removal.
 */
export function CustomComponentsPage() {
  const channels = useChannels();
  const all = channels.data?.channels ?? [];
  return (
    <CrudPage<CustomComponent, Draft>
      title={t('customComponents')}
      intro={
        <>
          <p>{t('componentsIntro')}</p>
          {channels.data && (
            <p>
              {t('templateSettingsUrl')}:{' '}
              <code data-testid="component-url-hint">{channels.data.templateSettingsUrl}%s</code>
            </p>
          )}
        </>
      }
      path="custom-components"
      testid="components-page"
      rowClass={(row) => (row.legacy ? 'legacy' : undefined)}
      columns={[
        {
          label: t('name'),
          render: (row) => (
            <>
              {row.name}
              {row.legacy && (
                <span class="badge danger" data-testid="legacy">
                  {t('legacySmooch')}
                </span>
              )}
            </>
          ),
        },
        { sort: 'url', label: t('url'), render: (row) => <code>{row.url}</code> },
        { sort: 'height', label: t('height'), render: (row) => `${row.height} px` },
        {
          label: t('channels'),
          render: (row) =>
            row.channelIds.length === 0
              ? t('allChannels')
              : row.channelIds.map((id) => all.find((c) => c.id === id)?.name ?? id).join(', '),
        },
      ]}
      blank={() => ({
        name: t('templatesComponentName'),
        url: channels.data ? `${channels.data.templateSettingsUrl}%s` : '',
        height: 200,
        channelIds: [],
      })}
      fromRow={(row) => ({ name: row.name, url: row.url, height: row.height, channelIds: row.channelIds })}
      toBody={(draft) => draft}
      Editor={({ draft, set, errors }) => (
        <>
          <TextField
            label={t('name')}
            name="name"
            value={draft.name}
            onChange={(name) => set({ ...draft, name })}
            errors={errors}
          />
          <TextField
            label={t('url')}
            name="url"
            value={draft.url}
            onChange={(url) => set({ ...draft, url })}
            errors={errors}
            hint={t('urlHint')}
            type="url"
          />
          <NumberField
            label={t('heightPx')}
            name="height"
            value={draft.height}
            onChange={(height) => set({ ...draft, height })}
            errors={errors}
            hint={t('heightHint')}
            min={50}
            max={2000}
          />
          <ChannelChecks
            label={t('channels')}
            name="channelIds"
            channels={all}
            selected={draft.channelIds}
            onChange={(channelIds) => set({ ...draft, channelIds })}
            errors={errors}
            hint={t('noneMeansAll')}
          />
        </>
      )}
    />
  );
}
