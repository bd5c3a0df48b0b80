import { api } from '../api.ts';
import { formatTime, t } from '../i18n.ts';
import { Card, Empty, ErrorText, useLoad } from '../ui.tsx';

interface TemplateRow {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  reason?: string;
  statusChangedAt?: number;
}

/**
 * The account's message templates as WhatsApp lists them, with the reason and time of the last
 * status change WhatsApp announced (its `message_template_status_update` webhook, stored by Loro).
 */
export function MessageTemplates() {
  const templates = useLoad(() => api<TemplateRow[]>('/api/admin/templates'));
  return (
    <Card title={t('messageTemplates')} testid="message-templates">
      <ErrorText message={templates.error} />
      {templates.data?.length === 0 && <Empty>{t('noTemplates')}</Empty>}
      {templates.data && templates.data.length > 0 && (
        <table class="list">
          <thead>
            <tr>
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
