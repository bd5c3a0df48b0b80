import { api } from '../api.ts';
import { CrudPage, type EditorProps } from '../crud.tsx';
import { useSkills } from '../data.ts';
import { t } from '../i18n.ts';
import type { ClosureReason, Skill } from '../types.ts';
import { Checkbox, Field, NumberField, SelectField, TextField, useLoad } from '../ui.tsx';

type Draft = {
  name: string;
  direction: 'inbound' | 'outbound';
  campaign: string;
  outboundTemplate: string;
  secondarySkillId: string;
  queueTimeoutSeconds: number | undefined;
  queueTimeoutMessage: string;
  /** `name|language`, or empty. */
  queueTimeoutTemplate: string;
  acceptReject: boolean;
  rejectCooldownSeconds: number | undefined;
  agentResponseSeconds: number | undefined;
  customerResponseMinutes: number | undefined;
  wrapUpSeconds: number | undefined;
  defaultClosureReasonId: string;
  screenPopUrl: string;
  evaluation: 'proficiency' | 'preferred';
  focus: 'case' | 'customer';
  lock: 'offline' | 'available';
  reservationMinutes: number | undefined;
  serviceLevel: boolean;
  targetPercent: number | undefined;
  thresholdSeconds: number | undefined;
};

const blank = (): Draft => ({
  name: '',
  direction: 'inbound',
  campaign: '',
  outboundTemplate: '',
  secondarySkillId: '',
  queueTimeoutSeconds: undefined,
  queueTimeoutMessage: '',
  queueTimeoutTemplate: '',
  acceptReject: false,
  rejectCooldownSeconds: undefined,
  agentResponseSeconds: undefined,
  customerResponseMinutes: undefined,
  wrapUpSeconds: undefined,
  defaultClosureReasonId: '',
  screenPopUrl: '',
  evaluation: 'proficiency',
  focus: 'case',
  lock: 'available',
  reservationMinutes: 5,
  serviceLevel: false,
  targetPercent: 80,
  thresholdSeconds: 30,
});

function fromRow(skill: Skill): Draft {
  const evaluation = skill.evaluation;
  return {
    ...blank(),
    name: skill.name,
    direction: skill.direction ?? 'inbound',
    campaign: skill.campaign ?? '',
    outboundTemplate: skill.outboundTemplate ?? '',
    secondarySkillId: skill.secondarySkillId ?? '',
    queueTimeoutSeconds: skill.queueTimeoutSeconds,
    queueTimeoutMessage: skill.queueTimeoutMessage ?? '',
    queueTimeoutTemplate: skill.queueTimeoutTemplate
      ? `${skill.queueTimeoutTemplate.name}|${skill.queueTimeoutTemplate.language}`
      : '',
    acceptReject: skill.acceptReject,
    rejectCooldownSeconds: skill.rejectCooldownSeconds,
    agentResponseSeconds: skill.agentResponseSeconds,
    customerResponseMinutes: skill.customerResponseMinutes,
    wrapUpSeconds: skill.wrapUpSeconds,
    defaultClosureReasonId: skill.defaultClosureReasonId ?? '',
    screenPopUrl: skill.screenPopUrl ?? '',
    ...(evaluation?.mode === 'preferred'
      ? {
          evaluation: 'preferred',
          focus: evaluation.focus,
          lock: evaluation.lock,
          reservationMinutes: evaluation.reservationMinutes,
        }
      : {}),
    ...(skill.serviceLevel ? { serviceLevel: true, ...skill.serviceLevel } : {}),
  };
}

function toBody(draft: Draft): unknown {
  return {
    name: draft.name,
    direction: draft.direction,
    acceptReject: draft.acceptReject,
    ...(draft.campaign ? { campaign: draft.campaign } : {}),
    ...(draft.outboundTemplate ? { outboundTemplate: draft.outboundTemplate } : {}),
    ...(draft.secondarySkillId ? { secondarySkillId: draft.secondarySkillId } : {}),
    ...(draft.queueTimeoutSeconds !== undefined ? { queueTimeoutSeconds: draft.queueTimeoutSeconds } : {}),
    ...(draft.queueTimeoutMessage.trim() ? { queueTimeoutMessage: draft.queueTimeoutMessage } : {}),
    ...(draft.queueTimeoutTemplate ? { queueTimeoutTemplate: templateRef(draft.queueTimeoutTemplate) } : {}),
    ...(draft.acceptReject && draft.rejectCooldownSeconds !== undefined
      ? { rejectCooldownSeconds: draft.rejectCooldownSeconds }
      : {}),
    ...(draft.agentResponseSeconds !== undefined ? { agentResponseSeconds: draft.agentResponseSeconds } : {}),
    ...(draft.customerResponseMinutes !== undefined ? { customerResponseMinutes: draft.customerResponseMinutes } : {}),
    ...(draft.wrapUpSeconds !== undefined ? { wrapUpSeconds: draft.wrapUpSeconds } : {}),
    ...(draft.defaultClosureReasonId ? { defaultClosureReasonId: draft.defaultClosureReasonId } : {}),
    ...(draft.screenPopUrl ? { screenPopUrl: draft.screenPopUrl } : {}),
    evaluation:
      draft.evaluation === 'preferred'
        ? { mode: 'preferred', focus: draft.focus, lock: draft.lock, reservationMinutes: draft.reservationMinutes ?? 0 }
        : { mode: 'proficiency' },
    ...(draft.serviceLevel && draft.direction === 'inbound'
      ? { serviceLevel: { targetPercent: draft.targetPercent, thresholdSeconds: draft.thresholdSeconds } }
      : {}),
  };
}

function templateRef(value: string): { name: string; language: string } {
  const [name = '', language = ''] = value.split('|');
  return { name, language };
}

/** ACD → Skills (RT-1, RT-5 … RT-9): every field of a digital skill, in the reference's order. */
export function SkillsPage() {
  const skills = useSkills();
  const templates = useLoad(() => api<{ name: string; language: string; status: string }[]>('/api/admin/templates'));
  const closureReasons = useLoad(() => api<ClosureReason[]>('/api/admin/closure-reasons'));
  return (
    <CrudPage<Skill, Draft>
      title={t('skills')}
      intro={<p>{t('skillsIntro')}</p>}
      path="skills"
      testid="skills-page"
      columns={[
        { sort: 'name', label: t('name'), render: (skill) => skill.name },
        { label: t('direction'), render: (skill) => t(skill.direction ?? 'inbound') },
        {
          sort: 'acceptReject',
          label: t('acceptReject'),
          render: (skill) => (skill.acceptReject ? t('yes') : t('no')),
        },
        {
          label: t('evaluationCriteria'),
          render: (skill) => (skill.evaluation?.mode === 'preferred' ? t('preferredAgent') : t('skillProficiency')),
        },
        {
          label: t('timers'),
          render: (skill) =>
            [
              skill.agentResponseSeconds ? `${t('agentResponse')}: ${skill.agentResponseSeconds} s` : '',
              skill.customerResponseMinutes ? `${t('customerResponse')}: ${skill.customerResponseMinutes} min` : '',
              skill.queueTimeoutSeconds ? `${t('queueTimeout')}: ${skill.queueTimeoutSeconds} s` : '',
            ]
              .filter(Boolean)
              .join(' · ') || '—',
        },
      ]}
      blank={blank}
      fromRow={fromRow}
      toBody={toBody}
      Editor={(props) => (
        <SkillEditor
          {...props}
          skills={skills.data ?? []}
          templates={templates.data ?? []}
          closureReasons={closureReasons.data ?? []}
        />
      )}
    />
  );
}

function SkillEditor({
  draft,
  set,
  errors,
  skills,
  templates,
  closureReasons,
}: EditorProps<Draft> & {
  skills: Skill[];
  templates: { name: string; language: string; status: string }[];
  closureReasons: ClosureReason[];
}) {
  const patch = (changes: Partial<Draft>) => set({ ...draft, ...changes });
  return (
    <>
      <fieldset class="group">
        <legend>{t('skillInformation')}</legend>
        <Field label={t('mediaType')} name="mediaType">
          <input value={t('digital')} disabled />
        </Field>
        <SelectField
          label={t('direction')}
          name="direction"
          value={draft.direction}
          options={[
            { value: 'inbound', label: t('inbound') },
            { value: 'outbound', label: t('outboundPersonal') },
          ]}
          onChange={(direction) => patch({ direction })}
          errors={errors}
        />
        <TextField
          label={t('skillName')}
          name="name"
          value={draft.name}
          onChange={(name) => patch({ name })}
          errors={errors}
        />
        <TextField
          label={t('campaign')}
          name="campaign"
          value={draft.campaign}
          onChange={(campaign) => patch({ campaign })}
          errors={errors}
        />
        <SelectField
          label={t('outboundTemplate')}
          name="outboundTemplate"
          value={draft.outboundTemplate}
          placeholder={t('none')}
          options={templates.map((template) => ({
            value: template.name,
            label: `${template.name} (${template.language})`,
          }))}
          onChange={(outboundTemplate) => patch({ outboundTemplate })}
          errors={errors}
          hint={t('outboundTemplateHint')}
        />
        <TextField
          label={t('screenPopUrl')}
          name="screenPopUrl"
          value={draft.screenPopUrl}
          onChange={(screenPopUrl) => patch({ screenPopUrl })}
          errors={errors}
          hint={t('screenPopHint')}
        />
      </fieldset>
      <fieldset class="group">
        <legend>{t('routingSettings')}</legend>
        <SelectField
          label={t('evaluationCriteria')}
          name="evaluation"
          value={draft.evaluation}
          options={[
            { value: 'proficiency', label: t('skillProficiency') },
            { value: 'preferred', label: t('preferredAgent') },
          ]}
          onChange={(evaluation) => patch({ evaluation })}
          errors={errors}
        />
        {draft.evaluation === 'preferred' && (
          <>
            <SelectField
              label={t('focusMetric')}
              name="evaluation.focus"
              value={draft.focus}
              options={[
                { value: 'case', label: t('byCase') },
                { value: 'customer', label: t('byCustomer') },
              ]}
              onChange={(focus) => patch({ focus })}
              errors={errors}
            />
            <SelectField
              label={t('focusLock')}
              name="evaluation.lock"
              value={draft.lock}
              options={[
                { value: 'offline', label: t('whenOffline') },
                { value: 'available', label: t('whenAvailable') },
              ]}
              onChange={(lock) => patch({ lock })}
              errors={errors}
            />
            {draft.lock === 'offline' && (
              <NumberField
                label={t('reservationMinutes')}
                name="evaluation.reservationMinutes"
                value={draft.reservationMinutes}
                onChange={(reservationMinutes) => patch({ reservationMinutes })}
                errors={errors}
                min={0}
              />
            )}
          </>
        )}
      </fieldset>
      <fieldset class="group" data-testid="queue-timeout">
        <legend>{t('queueTimeout')}</legend>
        <NumberField
          label={t('queueTimeoutSeconds')}
          name="queueTimeoutSeconds"
          value={draft.queueTimeoutSeconds}
          onChange={(queueTimeoutSeconds) => patch({ queueTimeoutSeconds })}
          errors={errors}
          hint={t('queueTimeoutHint')}
          min={10}
          max={86_400}
        />
        <SelectField
          label={t('secondarySkill')}
          name="secondarySkillId"
          value={draft.secondarySkillId}
          placeholder={t('none')}
          options={skills.map((skill) => ({ value: skill.id, label: skill.name }))}
          onChange={(secondarySkillId) => patch({ secondarySkillId })}
          errors={errors}
          hint={t('secondaryHint')}
        />
        <TextField
          label={t('queueTimeoutMessage')}
          name="queueTimeoutMessage"
          value={draft.queueTimeoutMessage}
          onChange={(queueTimeoutMessage) => patch({ queueTimeoutMessage })}
          errors={errors}
          hint={t('queueTimeoutMessageHint')}
        />
        <SelectField
          label={t('queueTimeoutTemplate')}
          name="queueTimeoutTemplate"
          value={draft.queueTimeoutTemplate}
          placeholder={t('none')}
          options={templates
            .filter((template) => template.status === 'APPROVED')
            .map((template) => ({
              value: `${template.name}|${template.language}`,
              label: `${template.name} (${template.language})`,
            }))}
          onChange={(queueTimeoutTemplate) => patch({ queueTimeoutTemplate })}
          errors={errors}
          hint={t('queueTimeoutTemplateHint')}
        />
      </fieldset>
      {draft.direction === 'inbound' && (
        <fieldset class="group">
          <legend>{t('serviceLevel')}</legend>
          <Checkbox
            label={t('ownServiceLevel')}
            checked={draft.serviceLevel}
            onChange={(serviceLevel) => patch({ serviceLevel })}
            testid="field-serviceLevel"
          />
          {draft.serviceLevel && (
            <>
              <NumberField
                label={t('targetPercent')}
                name="serviceLevel.targetPercent"
                value={draft.targetPercent}
                onChange={(targetPercent) => patch({ targetPercent })}
                errors={errors}
                min={1}
                max={100}
              />
              <NumberField
                label={t('thresholdSeconds')}
                name="serviceLevel.thresholdSeconds"
                value={draft.thresholdSeconds}
                onChange={(thresholdSeconds) => patch({ thresholdSeconds })}
                errors={errors}
                min={1}
              />
            </>
          )}
        </fieldset>
      )}
      <fieldset class="group">
        <legend>{t('agentExperience')}</legend>
        <Checkbox
          label={t('acceptRejectLong')}
          checked={draft.acceptReject}
          onChange={(acceptReject) => patch({ acceptReject })}
          testid="field-acceptReject"
        />
        {draft.acceptReject && (
          <NumberField
            label={t('rejectCooldownSeconds')}
            name="rejectCooldownSeconds"
            value={draft.rejectCooldownSeconds}
            onChange={(rejectCooldownSeconds) => patch({ rejectCooldownSeconds })}
            errors={errors}
            hint={t('rejectCooldownHint')}
            min={0}
            max={3600}
          />
        )}
        <NumberField
          label={t('agentResponseSeconds')}
          name="agentResponseSeconds"
          value={draft.agentResponseSeconds}
          onChange={(agentResponseSeconds) => patch({ agentResponseSeconds })}
          errors={errors}
          hint={t('agentResponseHint')}
          min={5}
          max={3600}
        />
        <NumberField
          label={t('customerResponseMinutes')}
          name="customerResponseMinutes"
          value={draft.customerResponseMinutes}
          onChange={(customerResponseMinutes) => patch({ customerResponseMinutes })}
          errors={errors}
          hint={t('customerResponseHint')}
          min={0}
        />
      </fieldset>
      <fieldset class="group" data-testid="after-contact-work">
        <legend>{t('afterContactWork')}</legend>
        <NumberField
          label={t('wrapUpSeconds')}
          name="wrapUpSeconds"
          value={draft.wrapUpSeconds}
          onChange={(wrapUpSeconds) => patch({ wrapUpSeconds })}
          errors={errors}
          hint={t('wrapUpHint')}
          min={10}
          max={3600}
        />
        <SelectField
          label={t('defaultClosureReason')}
          name="defaultClosureReasonId"
          value={draft.defaultClosureReasonId}
          placeholder={t('firstClosureReason')}
          options={closureReasons.map((reason) => ({ value: reason.id, label: reason.name }))}
          onChange={(defaultClosureReasonId) => patch({ defaultClosureReasonId })}
          errors={errors}
          hint={t('defaultClosureReasonHint')}
        />
      </fieldset>
    </>
  );
}
