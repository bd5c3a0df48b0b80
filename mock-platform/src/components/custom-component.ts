import { isLegacyComponentUrl } from '../../../shared/api/custom-components.ts';

export { componentUrl } from '../../../shared/api/custom-components.ts';

import type { PlatformSchema } from '../platform/records.ts';
import type { Store } from '../store/store.ts';

type CustomComponent = PlatformSchema['customComponents'];

/**
 * The custom component shown for a channel (TP-5, TP-6): one that names the channel, else one for
 * every channel (none ticked). Legacy Smooch components never load: they are what the reference
 * says to remove.
 */
export function componentFor(store: Store<PlatformSchema>, channelId: string): CustomComponent | undefined {
  const usable = store.all('customComponents').filter((component) => !isLegacyComponentUrl(component.url));
  return (
    usable.find((component) => component.channelIds.includes(channelId)) ??
    usable.find((component) => component.channelIds.length === 0)
  );
}
