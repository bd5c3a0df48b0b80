import { describe, expect, it } from 'vitest';
import { createGraphClient, type FetchLike, GraphApiError } from './graph-client.ts';

function client(answer: (url: URL) => Response) {
  const asked: URL[] = [];
  const fetch: FetchLike = async (input) => {
    const url = new URL(input);
    asked.push(url);
    return answer(url);
  };
  return { asked, graph: createGraphClient({ baseUrl: 'https://graph.test', version: 'v23.0', token: 't', fetch }) };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const template = (id: string) => ({
  id,
  name: `t${id}`,
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [],
});

describe('the platform’s Cloud API client against Meta’s answers', () => {
  it('follows paging.next through every page of templates', async () => {
    const { graph, asked } = client((url) =>
      url.searchParams.get('after') === 'c1'
        ? json({ data: [template('2')], paging: { cursors: { before: 'c1', after: 'c2' } } })
        : json({
            data: [template('1')],
            paging: {
              cursors: { before: 'c0', after: 'c1' },
              next: 'https://graph.test/v23.0/9/message_templates?after=c1',
            },
          }),
    );
    expect((await graph.listTemplates('9')).map((t) => t.id)).toEqual(['1', '2']);
    expect(asked).toHaveLength(2);
  });

  it('asks for status, quality rating and limit tier with fields= (Meta’s default answer omits them)', async () => {
    const { graph, asked } = client(() => json({ data: [] }));
    await graph.listPhoneNumbers('9');
    expect(asked[0]?.searchParams.get('fields')?.split(',')).toEqual(
      expect.arrayContaining(['status', 'quality_rating', 'messaging_limit_tier', 'code_verification_status']),
    );
  });

  it('keeps Meta’s code on a GET error and the Retry-After of a rate limit', async () => {
    const unknown = client(() =>
      json(
        { error: { message: 'Unsupported get request.', type: 'GraphMethodException', code: 100, fbtrace_id: 'x' } },
        400,
      ),
    );
    await expect(unknown.graph.listTemplates('9')).rejects.toMatchObject({ code: 100, httpStatus: 400 });

    const limited = client(() =>
      json(
        { error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, fbtrace_id: 'x' } },
        429,
        { 'retry-after': '2' },
      ),
    );
    const error = await limited.graph.sendText('1', '34600000000', 'hola').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error).toMatchObject({ code: 130429, retryAfterMs: 2000 });
  });
});
