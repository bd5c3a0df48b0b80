// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n.ts';
import { PrivacyPage } from './service-levels.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setLanguage('en');
});

const settings = (version: number, maskSensitiveData: boolean) => ({
  maskSensitiveData,
  sla: { firstResponseMs: 300_000, resolutionMs: 3_600_000 },
  businessHours: { timeZone: 'Europe/Madrid', week: {}, holidays: [] },
  disconnectGraceSeconds: 60,
  version,
});

/** The platform as the page meets it: its settings change under the page (another administrator). */
function platform() {
  let current = settings(3, false);
  const puts: { ifMatch: string | null; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (init.method === 'PUT') {
      puts.push({ ifMatch: headers.get('if-match'), body: JSON.parse(String(init.body)) });
      if (headers.get('if-match') !== `"${current.version}"`) {
        return Response.json(
          {
            error: {
              code: 'version_conflict',
              message: 'This setting was changed by Bea Admin since you loaded it',
              issues: [
                { path: 'version', message: 'Bea Admin at 2026-12-02T10:00:00.000Z: Changed settings: masking on' },
              ],
            },
          },
          { status: 412 },
        );
      }
      current = { ...current, ...(JSON.parse(String(init.body)) as object), version: current.version + 1 };
    }
    return Response.json(current);
  });
  return {
    puts,
    /** Another administrator switches masking meanwhile. */
    theyChange(maskSensitiveData: boolean) {
      current = { ...current, maskSensitiveData, version: current.version + 1 };
    },
  };
}

describe('a settings page based on an older version', () => {
  it('sends the version it loaded; a change made meanwhile is shown, and kept or taken on request', async () => {
    setLanguage('es');
    const server = platform();
    render(<PrivacyPage />);
    const box = (await screen.findByTestId('mask-sensitive')) as HTMLInputElement;
    expect(box.checked).toBe(false);

    server.theyChange(true);
    fireEvent.click(box);
    const banner = await screen.findByTestId('conflict');
    expect(banner.textContent).toContain('Otro administrador cambió esto mientras usted lo editaba');
    expect(banner.textContent).toContain('Bea Admin at 2026-12-02T10:00:00.000Z: Changed settings: masking on');
    expect(server.puts).toEqual([{ ifMatch: '"3"', body: { maskSensitiveData: true } }]);

    // Take their version: the switch shows what is in force now.
    fireEvent.click(screen.getByTestId('conflict-reload'));
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    await waitFor(() => expect((screen.getByTestId('mask-sensitive') as HTMLInputElement).checked).toBe(true));

    // Switching it off now is based on the current version and applies.
    fireEvent.click(screen.getByTestId('mask-sensitive'));
    await waitFor(() => expect(server.puts).toHaveLength(2));
    expect(server.puts[1]).toEqual({ ifMatch: '"4"', body: { maskSensitiveData: false } });
    await waitFor(() => expect((screen.getByTestId('mask-sensitive') as HTMLInputElement).checked).toBe(false));
    expect(screen.queryByTestId('conflict')).toBeNull();
  });

  it('keeps this administrator’s choice on request, then saves it on the current version', async () => {
    const server = platform();
    render(<PrivacyPage />);
    const box = (await screen.findByTestId('mask-sensitive')) as HTMLInputElement;
    server.theyChange(false);
    fireEvent.click(box);
    await screen.findByTestId('conflict');
    fireEvent.click(screen.getByTestId('conflict-keep'));
    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    fireEvent.click(screen.getByTestId('mask-sensitive'));
    await waitFor(() => expect(server.puts).toHaveLength(2));
    expect(server.puts[1]?.ifMatch).toBe('"4"');
  });
});
