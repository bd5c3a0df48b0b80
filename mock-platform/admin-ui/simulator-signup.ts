import { useEffect, useState } from 'preact/hooks';

/** Where numbers are added when the platform talks to Meta's Cloud API (no embedded simulator). */
export const WHATSAPP_MANAGER_URL = 'https://business.facebook.com/wa/manage/phone-numbers/';

/**
 * Whether the embedded simulator's signup is served: with SIMULATOR=off `/simulator/*` is not
 * mounted (404), so "Connect a number" must point to Meta's WhatsApp Manager instead. Any other
 * answer (a simulator key asked for, a network hiccup) keeps the simulator's link.
 */
export async function simulatorSignupAvailable(fetchImpl: typeof fetch = globalThis.fetch): Promise<boolean> {
  try {
    return (await fetchImpl('/simulator/signup', { method: 'HEAD' })).status !== 404;
  } catch {
    return true;
  }
}

/** `undefined` while asking, then whether the simulator's signup is there. */
export function useSimulatorSignup(fetchImpl: typeof fetch = globalThis.fetch): boolean | undefined {
  const [available, setAvailable] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    simulatorSignupAvailable(fetchImpl).then((answer) => live && setAvailable(answer));
    return () => {
      live = false;
    };
  }, [fetchImpl]);
  return available;
}
