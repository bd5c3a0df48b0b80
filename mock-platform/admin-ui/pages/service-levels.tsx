import { useState } from 'preact/hooks';
import { ConflictBanner } from '../conflict-banner.tsx';
import { t, weekdayName } from '../i18n.ts';
import { ListInput } from '../list-input.tsx';
import { useSettingsPart } from '../settings-part.ts';
import type { BusinessHours } from '../types.ts';
import { Card, Checkbox, DurationField, ErrorText, errorAt, Field, TextField } from '../ui.tsx';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
type Day = (typeof DAYS)[number];

/** Digital → SLA (SL-1 … SL-3): the global SLA and the business hours its clocks run in. */
export function ServiceLevelsPage() {
  const part = useSettingsPart(({ sla, businessHours }) => ({ sla, businessHours }));
  const { draft, setDraft, save } = part;
  const [saved, setSaved] = useState(false);
  if (!draft) return <ErrorText message={part.loadError} />;

  const hours = draft.businessHours;
  const setHours = (businessHours: BusinessHours) => setDraft({ ...draft, businessHours });
  const setDay = (day: Day, intervals: { start: string; end: string }[]) =>
    setHours({ ...hours, week: { ...hours.week, [day]: intervals } });
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (await part.submit(draft)) setSaved(true);
  };

  return (
    <form class="form" onSubmit={submit} noValidate data-testid="service-levels-page">
      {saved && (
        <p class="banner success" role="status" data-testid="notice">
          {t('saved')}
        </p>
      )}
      <Card title={t('globalSla')}>
        <p class="intro">{t('globalSlaIntro')}</p>
        <DurationField
          label={t('firstResponseTime')}
          name="sla.firstResponseMs"
          value={draft.sla.firstResponseMs}
          onChange={(firstResponseMs) => setDraft({ ...draft, sla: { ...draft.sla, firstResponseMs } })}
          errors={save.errors}
        />
        <DurationField
          label={t('resolutionTime')}
          name="sla.resolutionMs"
          value={draft.sla.resolutionMs}
          onChange={(resolutionMs) => setDraft({ ...draft, sla: { ...draft.sla, resolutionMs } })}
          errors={save.errors}
        />
      </Card>
      <Card title={t('businessHours')}>
        <p class="intro">{t('businessHoursIntro')}</p>
        <TextField
          label={t('timeZone')}
          name="businessHours.timeZone"
          value={hours.timeZone}
          onChange={(timeZone) => setHours({ ...hours, timeZone })}
          errors={save.errors}
          list="time-zones"
          hint={t('timeZoneHint')}
        />
        <datalist id="time-zones">
          {(Intl.supportedValuesOf?.('timeZone') ?? []).map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <table class="hours" data-testid="week">
          <tbody>
            {DAYS.map((day) => {
              const intervals = hours.week[day] ?? [];
              return (
                <tr key={day} data-testid={`day-${day}`}>
                  <th scope="row">{weekdayName(Number(day))}</th>
                  <td>
                    {intervals.length === 0 && <span class="muted">{t('closed')}</span>}
                    {intervals.map((interval, index) => (
                      <span class="interval" key={index}>
                        <input
                          type="time"
                          value={interval.start}
                          aria-label={`${weekdayName(Number(day))} ${t('from')}`}
                          onInput={(event) =>
                            setDay(
                              day,
                              intervals.map((it, i) =>
                                i === index ? { ...it, start: event.currentTarget.value } : it,
                              ),
                            )
                          }
                        />
                        –
                        <input
                          type="time"
                          value={interval.end}
                          aria-label={`${weekdayName(Number(day))} ${t('to')}`}
                          onInput={(event) =>
                            setDay(
                              day,
                              intervals.map((it, i) => (i === index ? { ...it, end: event.currentTarget.value } : it)),
                            )
                          }
                        />
                        <button
                          type="button"
                          class="link"
                          aria-label={t('removeInterval')}
                          onClick={() =>
                            setDay(
                              day,
                              intervals.filter((_, i) => i !== index),
                            )
                          }
                        >
                          ×
                        </button>
                        {errorAt(save.errors, `businessHours.week.${day}.${index}`) && (
                          <span class="field-error">{errorAt(save.errors, `businessHours.week.${day}.${index}`)}</span>
                        )}
                      </span>
                    ))}
                    <button
                      type="button"
                      class="link"
                      data-testid={`add-interval-${day}`}
                      onClick={() => setDay(day, [...intervals, { start: '09:00', end: '17:00' }])}
                    >
                      + {t('addInterval')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Field
          label={t('holidays')}
          name="businessHours.holidays"
          error={errorAt(save.errors, 'businessHours.holidays')}
          hint={t('holidaysHint')}
        >
          <ListInput
            name="businessHours.holidays"
            data-testid="field-businessHours.holidays"
            value={hours.holidays}
            onChange={(holidays) => setHours({ ...hours, holidays })}
          />
        </Field>
      </Card>
      {part.conflict ? (
        <ConflictBanner changes={part.conflict} onReload={part.reload} onKeep={part.keepMine} />
      ) : (
        <ErrorText message={save.message} details={save.details} />
      )}
      <div class="form-actions">
        <button type="submit" data-testid="save" disabled={save.busy}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}

/** The "mask sensitive customer data" switch (AG-6): applies to agents at once. */
export function PrivacyPage() {
  const part = useSettingsPart(({ maskSensitiveData }) => maskSensitiveData);
  const on = part.draft;
  const toggle = (value: boolean) => part.submit({ maskSensitiveData: value });
  return (
    <Card title={t('privacy')} testid="privacy-page">
      <p class="intro">{t('maskingIntro')}</p>
      {on !== undefined && (
        <Checkbox label={t('maskSensitive')} checked={on} onChange={toggle} testid="mask-sensitive" />
      )}
      <p class="hint" data-testid="masking-state">
        {on === undefined ? '' : on ? t('maskingOn') : t('maskingOff')}
      </p>
      {part.conflict ? (
        <ConflictBanner changes={part.conflict} onReload={part.reload} onKeep={part.keepMine} />
      ) : (
        <ErrorText message={part.save.message ?? part.loadError} details={part.save.details} />
      )}
    </Card>
  );
}
