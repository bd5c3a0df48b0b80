/** Legacy Smooch-era custom components must be removed (TP-5): flagged in lists, refused as new, never loaded. */
export const isLegacyComponentUrl = (url: string): boolean => /smooch/i.test(url);

/** The component's URL for one conversation: every `%s` replaced by its identifier (TP-6). */
export function componentUrl(template: string, conversationId: string): string {
  return template.replaceAll('%s', encodeURIComponent(conversationId));
}
