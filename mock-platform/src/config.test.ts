import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has a documented default for everything', () => {
    expect(loadConfig({})).toEqual({
      PORT: 8787,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      WHATSAPP_APP_SECRET: 'loro-demo-app-secret',
      WHATSAPP_VERIFY_TOKEN: 'loro-demo-verify-token',
      WHATSAPP_TOKEN: 'loro-demo-access-token',
      GRAPH_API_VERSION: 'v23.0',
      SIMULATOR: 'on',
      SIMULATOR_APPROVAL_SECONDS: 60,
      SIMULATOR_TEMPLATE_REVIEW_SECONDS: 0,
      SIMULATOR_THROUGHPUT: 80,
      SIMULATOR_WEBHOOK_RETRY_HOURS: 168,
      ARCHIVE_AFTER_DAYS: 7,
      GRAPH_TIMEOUT_MS: 15_000,
      MAX_CONNECTIONS: 2000,
      MAX_CONNECTIONS_PER_ADDRESS: 200,
      SIGN_IN_BURST_PER_ADDRESS: 10,
      SIGN_INS_PER_SECOND_PER_ADDRESS: 1,
      HEADERS_TIMEOUT_SECONDS: 10,
      REQUEST_TIMEOUT_SECONDS: 30,
    });
  });

  it('validates the connection limits and time-outs, naming the variable', () => {
    expect(() => loadConfig({ MAX_CONNECTIONS: '0' })).toThrow(
      'MAX_CONNECTIONS: must be a whole number from 1 to 100000 (got "0")',
    );
    expect(() => loadConfig({ MAX_CONNECTIONS_PER_ADDRESS: 'many' })).toThrow('MAX_CONNECTIONS_PER_ADDRESS');
    expect(() => loadConfig({ SIGN_INS_PER_SECOND_PER_ADDRESS: '0' })).toThrow('SIGN_INS_PER_SECOND_PER_ADDRESS');
    expect(loadConfig({ SIGN_IN_BURST_PER_ADDRESS: '500' })).toMatchObject({ SIGN_IN_BURST_PER_ADDRESS: 500 });
    expect(() => loadConfig({ HEADERS_TIMEOUT_SECONDS: '60', REQUEST_TIMEOUT_SECONDS: '30' })).toThrow(
      'HEADERS_TIMEOUT_SECONDS: must not be more than REQUEST_TIMEOUT_SECONDS (30) (got 60)',
    );
    expect(loadConfig({ HEADERS_TIMEOUT_SECONDS: '5', REQUEST_TIMEOUT_SECONDS: '5' })).toMatchObject({
      HEADERS_TIMEOUT_SECONDS: 5,
    });
  });

  it('reads and converts the values it is given, treating empty as unset', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: 'localhost',
      DATA_DIR: '/var/lib/loro',
      GRAPH_BASE_URL: 'https://graph.facebook.com/',
      WHATSAPP_TOKEN: '',
      UNRELATED: 'ignored',
    });
    expect(config).toMatchObject({
      PORT: 0,
      HOST: 'localhost',
      DATA_DIR: '/var/lib/loro',
      GRAPH_BASE_URL: 'https://graph.facebook.com',
      WHATSAPP_TOKEN: 'loro-demo-access-token',
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT: must be a whole number from 0 to 65535 \(got "eighty"\)/],
    ['PORT', '70000', /PORT: must be a whole number/],
    ['PORT', '80.5', /PORT: must be a whole number/],
    ['HOST', 'my host', /HOST: must be a host name or an IP address/],
    ['WHATSAPP_APP_SECRET', 'short', /WHATSAPP_APP_SECRET must be at least 8 characters/],
    ['GRAPH_BASE_URL', 'graph.facebook.com', /GRAPH_BASE_URL: must be an absolute http\(s\) URL/],
    ['GRAPH_BASE_URL', 'ftp://example.com', /GRAPH_BASE_URL: must be an absolute http\(s\) URL/],
    ['GRAPH_API_VERSION', '23', /GRAPH_API_VERSION: must look like v23.0/],
    ['SIMULATOR_WEBHOOK_URL', 'nope', /SIMULATOR_WEBHOOK_URL: must be an absolute http\(s\) URL/],
    ['GRAPH_TIMEOUT_MS', '50', /GRAPH_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 300000/],
    ['GRAPH_TIMEOUT_MS', 'soon', /GRAPH_TIMEOUT_MS: must be a whole number of milliseconds/],
    ['SIMULATOR', 'maybe', /SIMULATOR: must be on or off/],
    ['SIMULATOR_KEY', 'short', /SIMULATOR_KEY: must be at least 16 characters/],
    ['SIMULATOR_KEY', 'has a space inside it', /SIMULATOR_KEY: must be printable ASCII without spaces/],
  ])('rejects %s=%j naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reports every bad variable at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: '-1', HOST: '!' });
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error?.problems.map((problem) => problem.variable)).toEqual(['PORT', 'HOST']);
  });

  it('runs the simulator by default only while the Graph API is the embedded one', () => {
    expect(loadConfig({}).SIMULATOR).toBe('on');
    expect(loadConfig({ GRAPH_BASE_URL: 'https://graph.facebook.com' }).SIMULATOR).toBe('off');
    expect(loadConfig({ GRAPH_BASE_URL: 'https://graph.facebook.com', SIMULATOR: 'on' }).SIMULATOR).toBe('on');
    expect(() => loadConfig({ SIMULATOR: 'off' })).toThrow(
      'SIMULATOR: off needs GRAPH_BASE_URL (the Cloud API the platform talks to instead of the simulator)',
    );
  });

  it('knows which hosts only listen on this machine', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'loro.example.com']) expect(isLoopbackHost(host)).toBe(false);
  });
});
