import { api } from './api.ts';

/**
 * The signup sends the administrator back with the account it selected or created
 * (`/admin?connectWaba=…#/whatsapp`), as Meta's Embedded Signup hands the app its WABA id.
 */
export function wabaToConnect(search: string): string | undefined {
  const wabaId = new URLSearchParams(search).get('connectWaba')?.trim();
  return wabaId && /^\d{1,30}$/.test(wabaId) ? wabaId : undefined;
}

/** Connects the account named in the address, once, then drops it from the address. */
export async function connectAccountFromAddress(
  location: Pick<Location, 'search' | 'pathname' | 'hash'> = window.location,
  history: Pick<History, 'replaceState'> = window.history,
): Promise<{ name: string } | undefined> {
  const wabaId = wabaToConnect(location.search);
  if (!wabaId) return undefined;
  const account = await api<{ name: string }>('/api/admin/whatsapp-accounts', {
    method: 'POST',
    body: { wabaId },
  });
  history.replaceState(null, '', location.pathname + location.hash);
  return account;
}
