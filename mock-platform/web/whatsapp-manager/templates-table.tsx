import { useState } from 'preact/hooks';
import { REVIEW_TRANSITIONS, rejectionReasonSchema } from '../../../shared/whatsapp/template-status.ts';
import type { ManagerT } from './i18n.ts';
import type { ListedTemplate, ManagerApi, Sent } from './manager-api.ts';
import { describeComponents } from './template-request.ts';

const DECISION_WORDS = { APPROVED: 'approve', REJECTED: 'reject', PAUSED: 'pause', DISABLED: 'disable' } as const;
const REASONS = rejectionReasonSchema.options;
const SCORES = ['GREEN', 'YELLOW', 'RED'] as const;

interface Props {
  api: ManagerApi;
  t: ManagerT;
  templates: readonly ListedTemplate[];
  /** After each decision or rating, with its outcome: the page reloads. */
  onDone: (sent: Sent<unknown>) => void;
}

/** The reviewer's decisions on one template: only those Meta's review can take from its status. */
function Review({ api, t, template, onDone }: Omit<Props, 'templates'> & { template: ListedTemplate }) {
  const [reason, setReason] = useState<string>(REASONS[0] ?? '');
  const decisions = REVIEW_TRANSITIONS[template.status as keyof typeof REVIEW_TRANSITIONS] ?? [];
  return (
    <td>
      {decisions.map((decision) => {
        const decide = (
          <button
            key={decision}
            type="button"
            data-testid={`review-${decision}`}
            onClick={async () =>
              onDone(await api.review(template.id, decision, decision === 'REJECTED' ? reason : undefined))
            }
          >
            {t(DECISION_WORDS[decision])}
          </button>
        );
        if (decision !== 'REJECTED') return decide;
        return [
          <select
            key="reason"
            data-testid="reject-reason"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          >
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>,
          decide,
        ];
      })}
      {SCORES.map((score) => (
        <button key={score} type="button" onClick={async () => onDone(await api.rateTemplate(template.id, score))}>
          {score}
        </button>
      ))}
    </td>
  );
}

/** Every template with its status (and Meta's rejection reason), quality and content. */
export function TemplatesTable({ api, t, templates, onDone }: Props) {
  return (
    <table data-testid="templates">
      <thead>
        <tr>
          <th>{t('name')}</th>
          <th>{t('language')}</th>
          <th>{t('category')}</th>
          <th>{t('status')}</th>
          <th>{t('quality')}</th>
          <th>{t('content')}</th>
          <th>{t('reviewer')}</th>
        </tr>
      </thead>
      <tbody>
        {templates.map((template) => (
          <tr key={template.id} data-testid="template-row" data-name={template.name}>
            <td>{template.name}</td>
            <td>{template.language}</td>
            <td>{template.category}</td>
            <td class={`status ${template.status}`}>
              {template.status}
              {template.rejectedReason ? <div class="reason">{template.rejectedReason}</div> : null}
            </td>
            <td>{template.qualityScore || '—'}</td>
            <td class="body">{describeComponents(template.components)}</td>
            <Review api={api} t={t} template={template} onDone={onDone} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
