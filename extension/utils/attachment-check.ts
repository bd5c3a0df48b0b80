import { checkMedia, formatMediaSize } from '../../shared/whatsapp/media-limits.ts';
import { t } from './i18n.ts';

/** The file's MIME type as the browser read it from its extension ('' when it does not know). */
export function attachmentType(file: { type: string }): string {
  return file.type.split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Why WhatsApp would refuse this file (Meta's types and sizes, the ones the platform checks
 * again), in the panel's language; undefined when it may be sent. Checked before uploading.
 */
export function attachmentProblem(file: { name: string; type: string; size: number }): string | undefined {
  const check = checkMedia({ type: attachmentType(file), size: file.size });
  if (check.ok) return undefined;
  if (check.rule === 'empty') return t('attachEmpty', { name: file.name });
  if (check.rule === 'type') return t('attachType', { type: check.type || file.name.split('.').pop() || '?' });
  return t('attachSize', { name: file.name, size: formatMediaSize(file.size), max: formatMediaSize(check.maxBytes) });
}
