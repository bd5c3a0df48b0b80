import { api } from './api.ts';
import type { Channel, Skill } from './types.ts';
import { useLoad } from './ui.tsx';

/** The lists several pages choose from, loaded the same way everywhere. */

/** My channels, and the template-settings URL shown under them. */
export const useChannels = () =>
  useLoad(() => api<{ channels: Channel[]; templateSettingsUrl: string }>('/api/admin/channels'));

export const useSkills = () => useLoad(() => api<Skill[]>('/api/admin/skills'));
