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
        ⌨
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
