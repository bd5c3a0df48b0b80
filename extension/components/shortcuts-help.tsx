import { Fragment } from 'preact';
import { t } from '../utils/i18n.ts';
import { SHORTCUT_KEYS } from '../utils/shortcuts.ts';

/** The panel's help: a button that shows the keyboard shortcuts (a native popover: Esc or a click outside closes it). */
export function ShortcutsHelp() {
  const rows = [
    [SHORTCUT_KEYS.accept, t('shortcutAccept')],
    [SHORTCUT_KEYS.next, t('shortcutNext')],
    [SHORTCUT_KEYS.end, t('shortcutEnd')],
    ['/', t('shortcutCanned')],
    ['Esc', t('shortcutCancelReply')],
  ];
  return (
    <>
      <button
        type="button"
        class="tab shortcuts-toggle"
        popovertarget="shortcuts-help"
        title={t('shortcutsTitle')}
        aria-label={t('shortcutsTitle')}
        data-testid="shortcuts-toggle"
      >
        {/* A keyboard drawn, not the ⌨ character: not every system has a font with it. */}
        <svg viewBox="0 0 24 16" width="18" height="12" aria-hidden="true">
          <rect x="1" y="1" width="22" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
          <path
            fill="currentColor"
            d="M4 4h2v2H4zm4 0h2v2H8zm4 0h2v2h-2zm4 0h2v2h-2zM4 8h2v2H4zm4 0h2v2H8zm4 0h2v2h-2zm4 0h4v2h-4zM7 11h10v2H7z"
          />
        </svg>
      </button>
      <div id="shortcuts-help" popover="auto" class="shortcuts-popover" data-testid="shortcuts-help">
        <strong>{t('shortcutsTitle')}</strong>
        <dl>
          {rows.map(([keys, label]) => (
            <Fragment key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{label}</dd>
            </Fragment>
          ))}
        </dl>
      </div>
    </>
  );
}
