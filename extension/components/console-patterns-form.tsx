import { useEffect, useState } from 'preact/hooks';
import browser from '../utils/browser.ts';
import { DEFAULT_CONSOLE_PATTERNS, parseConsolePatterns } from '../utils/console-patterns.ts';
import { saveConsolePatterns, savedConsolePatterns } from '../utils/console-registration.ts';
import { t } from '../utils/i18n.ts';
import './console-patterns-form.css';

/**
 * Options page: the agent-console pages the in-page overlay runs on, as match patterns. Saving
 * asks Chrome for access to those sites (the agent confirms), then the background registers the
 * overlay for them.
 */
export function ConsolePatternsForm() {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; message: string } | undefined>(undefined);
  useEffect(() => {
    void savedConsolePatterns().then((patterns) => setText(patterns.join('\n')));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = parseConsolePatterns(text);
    if (!parsed.ok) {
      setStatus({
        kind: 'error',
        message: t('patternInvalid', { line: String(parsed.line), pattern: parsed.pattern }),
      });
      return;
    }
    const extra = parsed.patterns.filter(
      (pattern) => !(DEFAULT_CONSOLE_PATTERNS as readonly string[]).includes(pattern),
    );
    // Asked inside the click, as Chrome requires; already granted sites do not prompt.
    const granted = extra.length === 0 || (await browser.permissions.request({ origins: extra }));
    if (!granted) {
      setStatus({ kind: 'error', message: t('patternsNotGranted') });
      return;
    }
    await saveConsolePatterns(parsed.patterns);
    setStatus({ kind: 'ok', message: t('patternsSaved', { count: String(parsed.patterns.length) }) });
  };

  return (
    <form class="console-patterns" onSubmit={save} data-testid="console-patterns-form">
      <h2>{t('consolePages')}</h2>
      <p class="subtitle">{t('consolePagesHint')}</p>
      <textarea
        rows={4}
        value={text}
        placeholder="https://crm.example.com/*"
        onInput={(e) => setText(e.currentTarget.value)}
        data-testid="console-patterns"
        aria-label={t('consolePages')}
      />
      {status && (
        <p class={status.kind === 'ok' ? 'saved' : 'form-error'} role="status" data-testid="patterns-status">
          {status.message}
        </p>
      )}
      <button type="submit" class="primary save-patterns" data-testid="save-patterns">
        {t('save')}
      </button>
    </form>
  );
}
