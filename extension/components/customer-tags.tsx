import { useState } from 'preact/hooks';
import { t } from '../utils/i18n.ts';

/** The customer's tags, each removable, and a field to add one (the platform validates it). */
export function CustomerTags({
  tags,
  onAdd,
  onRemove,
}: {
  tags: string[];
  onAdd: (tag: string) => Promise<unknown>;
  onRemove: (tag: string) => Promise<unknown>;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const run = (action: Promise<unknown>, after = () => {}) => {
    setError(undefined);
    action.then(after, (failure: Error) => setError(failure.message));
  };
  return (
    <>
      {tags.map((tag) => (
        <span key={tag} class="tag" data-testid="customer-tag">
          {tag}
          <button type="button" class="link" aria-label={`${tag} ×`} onClick={() => run(onRemove(tag))}>
            ×
          </button>
        </span>
      ))}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run(onAdd(draft), () => setDraft(''));
        }}
      >
        <input
          value={draft}
          maxLength={32}
          aria-label={t('tagAdd')}
          onInput={(event) => setDraft(event.currentTarget.value)}
          data-testid="tag-input"
        />
        <button type="submit" disabled={!draft.trim()} data-testid="tag-add">
          {t('tagAdd')}
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert" data-testid="tag-error">
          {error}
        </p>
      )}
    </>
  );
}
