import { useEffect, useState } from 'preact/hooks';
import type { CustomComponentView } from '../../shared/api/schemas.ts';
import { PlatformError } from '../utils/api-client.ts';
import { t } from '../utils/i18n.ts';

/**
 * The template picker (TP-6): the custom component configured for the conversation's channel,
 * loaded in a frame from its URL (with `%s` already replaced by the conversation id) at its
 * configured height. The frame is another origin's page: it gets only a short-lived token for this
 * conversation, in its URL fragment. Without a component, says templates are unavailable and why.
 */
export function TemplatePicker({
  conversationId,
  load,
}: {
  conversationId: string;
  load: () => Promise<CustomComponentView>;
}) {
  const [component, setComponent] = useState<CustomComponentView | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // Loaded once per conversation (`load` is a new function on every render of the panel).
  useEffect(() => {
    setComponent(undefined);
    setError(undefined);
    let current = true;
    load().then(
      (value) => current && setComponent(value),
      (failure: Error) =>
        current &&
        setError(
          failure instanceof PlatformError && failure.code === 'no_custom_component'
            ? t('noCustomComponent')
            : failure.message,
        ),
    );
    return () => {
      current = false;
    };
  }, [conversationId]);

  if (error) {
    return (
      <p class="templates-unavailable" role="note" data-testid="templates-unavailable">
        {error}
      </p>
    );
  }
  if (!component) return <p class="templates-loading">{t('loadingTemplates')}</p>;
  return (
    <iframe
      class="template-frame"
      title={component.name}
      src={component.url}
      style={{ height: `${component.height}px` }}
      referrerpolicy="no-referrer"
      data-testid="template-frame"
    />
  );
}
