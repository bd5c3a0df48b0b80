import { t } from './i18n.ts';

/** What the toolbar button's badge says: nothing at 0, at most four characters. */
export const badgeText = (count: number): string => (count <= 0 ? '' : count > 999 ? '999+' : String(count));

/** The part of `browser.action` the badge uses (passed in, so tests need no browser). */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * Shows offers + unread customer messages on the toolbar button, so the agent sees them with the
 * side panel closed or another window in front; the tooltip says which is which. Numbers only:
 * no customer data leaves the panel.
 */
export async function showOnToolbar(
  { offers, unread }: { offers: number; unread: number },
  action: BadgeAction,
): Promise<void> {
  const text = badgeText(offers + unread);
  await action.setBadgeText({ text });
  // Red while an offer waits for an answer (it expires), blue for unread messages only.
  if (text) await action.setBadgeBackgroundColor({ color: offers > 0 ? '#c5221f' : '#0b57d0' });
  await action.setTitle({
    title: text ? t('badgeTitle', { offers: String(offers), unread: String(unread) }) : 'Loro',
  });
}
