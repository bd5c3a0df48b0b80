import { api } from '../api.ts';
import { formatTime, t } from '../i18n.ts';
import { Card, Empty, ErrorText, useLoad } from '../ui.tsx';

interface TemplateRow {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  account: { id: string; name: string; wabaId: string };
  reason?: string;
  statusChangedAt?: number;
}

/**
 * The message templates of every connected WhatsApp account as WhatsApp lists them (with the
 * account when there is more than one), with the reason and time of the last
 * status change WhatsApp announced (its `message_template_status_update` webhook, stored by Loro).
 */
export function MessageTemplates() {
  const templates = useLoad(() => api<TemplateRow[]>('/api/admin/templates'));
  const accounts = new Set(templates.data?.map((template) => template.account.id));
  return (
    <Card title={t('messageTemplates')} testid="message-templates">
      <ErrorText message={templates.error} />
      {templates.data?.length === 0 && <Empty>{t('noTemplates')}</Empty>}
      {templates.data && templates.data.length > 0 && (
        <table class="list">
          <thead>
            <tr>
              {accounts.size > 1 && <th>{t('templateAccount')}</th>}
              <th>{t('templateName')}</th>
              <th>{t('templateLanguage')}</th>
              <th>{t('templateStatus')}</th>
              <th>{t('templateReason')}</th>
              <th>{t('templateChangedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.data.map((template) => (
              <tr key={template.id} data-testid="message-template" data-name={template.name}>
                {accounts.size > 1 && <td title={template.account.wabaId}>{template.account.name}</td>}
                <td>
                  <code>{template.name}</code>
                </td>
                <td>{template.language}</td>
                <td data-testid="template-status">{template.status}</td>
                <td data-testid="template-reason">{template.reason ?? '—'}</td>
                <td>{template.statusChangedAt ? formatTime(template.statusChangedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
