import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { CrudPage, type EditorProps } from '../crud.tsx';
import { useChannels, useSkills } from '../data.ts';
import { t } from '../i18n.ts';
import type { Channel, Condition, RoutingQueue, RoutingScript, Skill } from '../types.ts';
import {
  Card,
  ChannelChecks,
  Checkbox,
  ErrorText,
  NumberField,
  SelectField,
  TextField,
  useLoad,
  useSave,
} from '../ui.tsx';
import { ConditionsEditor, describeCondition } from './conditions.tsx';

type Rule = { name: string; when: Condition[]; skillId: string; priority: number };
type ScriptDraft = {
  name: string;
  rules: Rule[];
  fallback: boolean;
  fallbackSkillId: string;
  fallbackPriority: number;
};

function useReferences() {
  const channels = useChannels();
  const skills = useSkills();
  return { channels: channels.data?.channels ?? [], skills: skills.data ?? [] };
}

/** Routing scripts (RT-2, RT-4): an ordered, readable flow, with a box to try it on a sample message. */
export function RoutingScriptsPage() {
  const { channels, skills } = useReferences();
  const skillName = (id: string) => skills.find((s) => s.id === id)?.name ?? id;
  const scripts = useLoad(() => api<RoutingScript[]>('/api/admin/routing-scripts'));
  return (
    <CrudPage<RoutingScript, ScriptDraft>
      title={t('routingScripts')}
      intro={<p>{t('scriptsIntro')}</p>}
      path="routing-scripts"
      testid="scripts-page"
      columns={[
        { sort: 'name', label: t('name'), render: (script) => script.name },
        {
          label: t('flow'),
          render: (script) => (
            <ol class="flow">
              {script.rules.map((rule, index) => (
                <li key={index}>
                  {rule.name && <strong>{rule.name}: </strong>}
                  {t('if')} {rule.when.map((c) => describeCondition(c, channels)).join(` ${t('and')} `)} →{' '}
                  {skillName(rule.route.skillId)} ({t('priority')} {rule.route.priority})
                </li>
              ))}
              <li class="muted">
                {t('otherwise')} →{' '}
                {script.fallback
                  ? `${skillName(script.fallback.skillId)} (${t('priority')} ${script.fallback.priority})`
                  : t('channelDefaultSkill')}
              </li>
            </ol>
          ),
        },
      ]}
      blank={() => ({ name: '', rules: [], fallback: false, fallbackSkillId: '', fallbackPriority: 0 })}
      fromRow={(script) => ({
        name: script.name,
        rules: script.rules.map((rule) => ({
          name: rule.name ?? '',
          when: rule.when,
          skillId: rule.route.skillId,
          priority: rule.route.priority,
        })),
        fallback: script.fallback !== undefined,
        fallbackSkillId: script.fallback?.skillId ?? '',
        fallbackPriority: script.fallback?.priority ?? 0,
      })}
      toBody={scriptBody}
      Editor={(props) => <ScriptEditor {...props} channels={channels} skills={skills} />}
      below={<TryScript scripts={scripts.data ?? []} channels={channels} skillName={skillName} />}
    />
  );
}

/** The request body of a script from the editor's draft (also what "try this draft" sends). */
function scriptBody(draft: ScriptDraft) {
  return {
    name: draft.name,
    rules: draft.rules.map((rule) => ({
      ...(rule.name ? { name: rule.name } : {}),
      when: rule.when,
      route: { skillId: rule.skillId, priority: rule.priority },
    })),
    ...(draft.fallback ? { fallback: { skillId: draft.fallbackSkillId, priority: draft.fallbackPriority } } : {}),
  };
}

function ScriptEditor({
  draft,
  set,
  errors,
  channels,
  skills,
}: EditorProps<ScriptDraft> & { channels: Channel[]; skills: Skill[] }) {
  const setRule = (index: number, rule: Rule) =>
    set({ ...draft, rules: draft.rules.map((r, i) => (i === index ? rule : r)) });
  const move = (index: number, by: number) => {
    const rules = [...draft.rules];
    const [rule] = rules.splice(index, 1);
    if (rule) rules.splice(index + by, 0, rule);
    set({ ...draft, rules });
  };
  const skillOptions = skills.map((skill) => ({ value: skill.id, label: skill.name }));
  return (
    <>
      <TextField
        label={t('name')}
        name="name"
        value={draft.name}
        onChange={(name) => set({ ...draft, name })}
        errors={errors}
      />
      {draft.rules.map((rule, index) => (
        <fieldset class="group rule" key={index} data-testid={`rule-${index}`}>
          <legend>
            {t('rule')} {index + 1}
            <span class="rule-actions">
              <button
                type="button"
                class="link"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('moveUp')}
              >
                ↑
              </button>
              <button
                type="button"
                class="link"
                disabled={index === draft.rules.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('moveDown')}
              >
                ↓
              </button>
              <button
                type="button"
                class="link"
                onClick={() => set({ ...draft, rules: draft.rules.filter((_, i) => i !== index) })}
              >
                {t('remove')}
              </button>
            </span>
          </legend>
          <TextField
            label={t('ruleName')}
            name={`rules.${index}.name`}
            value={rule.name}
            onChange={(name) => setRule(index, { ...rule, name })}
            errors={errors}
          />
          <span class="label">{t('when')}</span>
          <ConditionsEditor
            conditions={rule.when}
            onChange={(when) => setRule(index, { ...rule, when })}
            channels={channels}
            name={`rules.${index}.when`}
            errors={errors}
          />
          {errors[`rules.${index}.when`] && <span class="field-error">{errors[`rules.${index}.when`]}</span>}
          <div class="inline">
            <SelectField
              label={t('routeToSkill')}
              name={`rules.${index}.route.skillId`}
              value={rule.skillId}
              placeholder={t('choose')}
              options={skillOptions}
              onChange={(skillId) => setRule(index, { ...rule, skillId })}
              errors={errors}
            />
            <NumberField
              label={t('priority')}
              name={`rules.${index}.route.priority`}
              value={rule.priority}
              onChange={(priority) => setRule(index, { ...rule, priority: priority ?? 0 })}
              errors={errors}
              min={0}
              max={10}
            />
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        class="secondary"
        data-testid="add-rule"
        onClick={() =>
          set({
            ...draft,
            rules: [
              ...draft.rules,
              { name: '', when: [{ field: 'text', op: 'contains', value: '' }], skillId: '', priority: 0 },
            ],
          })
        }
      >
        + {t('addRule')}
      </button>
      <fieldset class="group">
        <legend>{t('otherwise')}</legend>
        <Checkbox
          label={t('fallbackSkill')}
          checked={draft.fallback}
          onChange={(fallback) => set({ ...draft, fallback })}
          testid="field-fallback"
        />
        {draft.fallback ? (
          <div class="inline">
            <SelectField
              label={t('routeToSkill')}
              name="fallback.skillId"
              value={draft.fallbackSkillId}
              placeholder={t('choose')}
              options={skillOptions}
              onChange={(fallbackSkillId) => set({ ...draft, fallbackSkillId })}
              errors={errors}
            />
            <NumberField
              label={t('priority')}
              name="fallback.priority"
              value={draft.fallbackPriority}
              onChange={(priority) => set({ ...draft, fallbackPriority: priority ?? 0 })}
              errors={errors}
              min={0}
              max={10}
            />
          </div>
        ) : (
          <p class="hint">{t('channelDefaultSkill')}</p>
        )}
      </fieldset>
      <TryDraft draft={draft} skillName={(id) => skills.find((s) => s.id === id)?.name ?? id} />
    </>
  );
}

/** Tries the script as it is being edited, before it is saved (nothing is stored). */
function TryDraft({ draft, skillName }: { draft: ScriptDraft; skillName: (id: string) => string }) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ value: Outcome } | undefined>(undefined);
  const run = useSave();
  const tryIt = async () => {
    const result = await run.run(() =>
      api<Outcome>('/api/admin/routing-scripts/try', {
        method: 'POST',
        body: { script: scriptBody(draft), sample: { text } },
      }),
    );
    setOutcome(result === undefined ? undefined : { value: result });
  };
  return (
    <fieldset class="group" data-testid="try-draft">
      <legend>{t('tryDraft')}</legend>
      <div class="inline">
        <TextField label={t('sampleMessage')} name="sample.text" value={text} onChange={setText} errors={run.errors} />
        <button type="button" class="secondary" data-testid="try-draft-button" onClick={tryIt}>
          {t('try')}
        </button>
      </div>
      <ErrorText message={run.message} details={run.details} />
      {outcome && <OutcomeText outcome={outcome.value} skillName={skillName} />}
    </fieldset>
  );
}

function OutcomeText({ outcome, skillName }: { outcome: Outcome; skillName: (id: string) => string }) {
  return (
    <p class="outcome" role="status" data-testid="try-outcome">
      {outcome === null
        ? t('outcomeDefault')
        : outcome.rule >= 0
          ? t('outcomeRule', {
              rule: outcome.ruleName ?? String(outcome.rule + 1),
              skill: skillName(outcome.skillId),
              priority: String(outcome.priority),
            })
          : t('outcomeFallback', { skill: skillName(outcome.skillId), priority: String(outcome.priority) })}
    </p>
  );
}

type Outcome = { rule: number; ruleName?: string; skillId: string; priority: number } | null;

function TryScript({
  scripts,
  channels,
  skillName,
}: {
  scripts: RoutingScript[];
  channels: Channel[];
  skillName: (id: string) => string;
}) {
  const [scriptId, setScriptId] = useState('');
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [channelId, setChannelId] = useState('');
  const [outcome, setOutcome] = useState<{ value: Outcome } | undefined>(undefined);
  const run = useSave();
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await run.run(() =>
      api<Outcome>(`/api/admin/routing-scripts/${encodeURIComponent(scriptId || (scripts[0]?.id ?? ''))}/try`, {
        method: 'POST',
        body: { text, ...(from ? { from } : {}), ...(channelId ? { channelId } : {}) },
      }),
    );
    setOutcome(result === undefined ? undefined : { value: result });
  };
  return (
    <Card title={t('tryIt')} testid="try-script">
      <form class="form inline-form" onSubmit={submit} noValidate>
        <SelectField
          label={t('routingScript')}
          name="script"
          value={scriptId || (scripts[0]?.id ?? '')}
          options={scripts.map((script) => ({ value: script.id, label: script.name }))}
          onChange={setScriptId}
          errors={run.errors}
        />
        <TextField label={t('sampleMessage')} name="text" value={text} onChange={setText} errors={run.errors} />
        <TextField
          label={t('fromNumber')}
          name="from"
          value={from}
          onChange={setFrom}
          errors={run.errors}
          placeholder="+34 612 345 678"
        />
        <SelectField
          label={t('channel')}
          name="channelId"
          value={channelId}
          placeholder={t('anyChannel')}
          options={channels.map((channel) => ({ value: channel.id, label: channel.name }))}
          onChange={setChannelId}
          errors={run.errors}
        />
        <div class="form-actions">
          <button type="submit" data-testid="try" disabled={scripts.length === 0}>
            {t('try')}
          </button>
        </div>
      </form>
      <ErrorText message={run.message} details={run.details} />
      {outcome && <OutcomeText outcome={outcome.value} skillName={skillName} />}
    </Card>
  );
}

type QueueDraft = Omit<RoutingQueue, 'id'>;

/** Routing queues (RT-3, the legacy path): filters with conditions, the "included channels" rule. */
export function RoutingQueuesPage() {
  const { channels, skills } = useReferences();
  const skillName = (id: string) => skills.find((s) => s.id === id)?.name ?? id;
  return (
    <CrudPage<RoutingQueue, QueueDraft>
      title={t('routingQueues')}
      intro={<p>{t('queuesIntro')}</p>}
      path="routing-queues"
      testid="queues-page"
      columns={[
        { sort: 'order', label: t('order'), render: (queue) => queue.order },
        { sort: 'name', label: t('name'), render: (queue) => queue.name },
        { label: t('skill'), render: (queue) => `${skillName(queue.skillId)} (${t('priority')} ${queue.priority})` },
        {
          label: t('includedChannels'),
          render: (queue) =>
            queue.includedChannels.map((id) => channels.find((c) => c.id === id)?.name ?? id).join(', '),
        },
        {
          label: t('filters'),
          render: (queue) =>
            queue.conditions.length === 0
              ? t('everyContact')
              : queue.conditions.map((c) => describeCondition(c, channels)).join(` ${t('and')} `),
        },
      ]}
      blank={() => ({ name: '', skillId: '', priority: 0, order: 10, includedChannels: [], conditions: [] })}
      fromRow={({ id: _id, ...queue }) => queue}
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
          <div class="inline">
            <SelectField
              label={t('skill')}
              name="skillId"
              value={draft.skillId}
              placeholder={t('choose')}
              options={skills.map((skill) => ({ value: skill.id, label: skill.name }))}
              onChange={(skillId) => set({ ...draft, skillId })}
              errors={errors}
            />
            <NumberField
              label={t('priority')}
              name="priority"
              value={draft.priority}
              onChange={(priority) => set({ ...draft, priority: priority ?? 0 })}
              errors={errors}
              min={0}
              max={10}
            />
            <NumberField
              label={t('order')}
              name="order"
              value={draft.order}
              onChange={(order) => set({ ...draft, order: order ?? 0 })}
              errors={errors}
              min={0}
              hint={t('orderHint')}
            />
          </div>
          <ChannelChecks
            label={t('includedChannels')}
            name="includedChannels"
            channels={channels}
            selected={draft.includedChannels}
            onChange={(includedChannels) => set({ ...draft, includedChannels })}
            errors={errors}
          />
          <span class="label">{t('filters')}</span>
          <ConditionsEditor
            conditions={draft.conditions}
            onChange={(conditions) => set({ ...draft, conditions })}
            channels={channels}
            name="conditions"
            errors={errors}
          />
        </>
      )}
    />
  );
}
