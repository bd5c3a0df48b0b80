import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { newId } from '../../../shared/ids.ts';
import type { AuthEnv } from '../auth/require-user.ts';
import { ApiError, type Issue, invalidRequest, notFound } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from '../http/openapi.ts';
import { audited, changesBetween } from '../platform/audit.ts';
import type { PlatformContext } from '../platform/context.ts';
import { mutate } from '../platform/mutation.ts';
import { type PlatformSchema, put, remove, type User } from '../platform/records.ts';
import type { WriteOp } from '../store/store.ts';
import { listPage, listQuerySchema } from './list-query.ts';
import { checkVersion, etag, expectedVersion, versionOf } from './versions.ts';

type Collection = keyof PlatformSchema & string;
type Row<C extends Collection> = PlatformSchema[C];

/**
 * One administrable collection: how a request body becomes a stored row, which references it must
 * satisfy, what may stop its deletion. `resourceRoutes` turns it into list/get/create/update/delete
 * routes, each write validated, serialised, committed with its audit entry, and documented.
 */
export interface Resource<C extends Collection, B extends z.ZodType, P = undefined> {
  collection: C;
  /** URL segment: `/api/admin/{path}`. */
  path: string;
  /** Singular, for messages and docs: "Role". */
  label: string;
  idPrefix: string;
  /** The request body, for create and update. */
  body: B;
  /** What the routes answer with. */
  view: z.ZodType;
  /** Slow work on the body (hashing a password), done before the write queue is entered. */
  prepare?(body: z.infer<B>): Promise<P>;
  toRow(body: z.infer<B>, id: string, existing: Row<C> | undefined, prepared: P): Row<C>;
  toView?(row: Row<C>): unknown;
  /** Broken references and other cross-record rules, each naming its field. */
  check?(row: Row<C>, existing: Row<C> | undefined): Issue[];
  /** More writes that go with saving it, in the same commit. */
  alsoWrite?(row: Row<C>, existing: Row<C> | undefined): WriteOp<PlatformSchema>[];
  /** Why it cannot be deleted now (409), if so. */
  blocksDelete?(row: Row<C>, actor: User): string | undefined;
  /** How to delete it (default: remove the row): ops committed with the audit entry, and what to announce after. */
  deleteOps?(row: Row<C>): { ops: WriteOp<PlatformSchema>[]; after?: () => void };
  /** What a row looks like in the audit log. */
  describe(row: Row<C>): string;
  /** Rows the list shows (default: all), in order. */
  list?(rows: Row<C>[]): Row<C>[];
  /** PUT on an unknown id creates it (ids chosen by the administrator, e.g. routing scripts). */
  upsert?: boolean;
  /** Also runs after a committed write (events to agents, dispatch). */
  afterWrite?(row: Row<C>, action: 'create' | 'update' | 'delete'): void | Promise<void>;
}

const idParam = z.object({ id: z.string().min(1).max(200) });
const chosenIdParam = z.object({ id: z.string().regex(/^[\w-]{1,64}$/, 'must be 1–64 letters, digits, _ or -') });

export function resourceRoutes<C extends Collection, B extends z.ZodType, P = undefined>(
  app: OpenAPIHono<AuthEnv>,
  ctx: PlatformContext,
  resource: Resource<C, B, P>,
): void {
  const { collection, path, label } = resource;
  const base = { tags: ['Administration'], security: bearerSecurity };
  const show = (row: Row<C>) => ({
    ...((resource.toView ? resource.toView(row) : row) as object),
    version: versionOf(ctx, path, row.id),
  });
  const view = z.intersection(resource.view, z.object({ version: z.number().int() }));
  // The routes see the body as any zod schema, so TypeScript checks them whatever the resource (a
  // schema of a type parameter leaves hono's request types unresolved). zod-openapi validates the
  // request against this very schema first (400 in the one shape); the handlers then read the typed
  // value from the resource's own schema, parsing the same JSON again.
  const bodySchema: z.ZodType = resource.body;
  const bodyOf = async (c: Context<AuthEnv>): Promise<z.output<B>> => resource.body.parse(await c.req.json());
  const find = (id: string) => ctx.store.get(collection, id) as Row<C> | undefined;
  const rows = () => {
    const all = ctx.store.all(collection) as Row<C>[];
    return resource.list ? resource.list(all) : all;
  };

  async function write(
    actor: User,
    id: string,
    body: z.infer<B>,
    asked: 'create' | 'update',
    expected?: Awaited<ReturnType<typeof expectedVersion>>,
  ) {
    // Outside the queue: other writes need not wait for it.
    const prepared = (await resource.prepare?.(body)) as P;
    const { row, action } = await mutate(ctx, async (ctx) => {
      const existing = find(id);
      if (asked === 'update' && !existing && !resource.upsert) throw notFound(`${label} ${id}`);
      checkVersion(ctx, path, id, `${label} ${id}`, expected);
      const action = existing ? ('update' as const) : ('create' as const);
      const row = resource.toRow(body, id, existing, prepared);
      const issues = resource.check?.(row, existing) ?? [];
      if (issues.length > 0) throw invalidRequest(issues);
      await ctx.store.commit([
        put(collection, row),
        ...(resource.alsoWrite?.(row, existing) ?? []),
        audited(
          ctx,
          actor,
          action,
          path,
          id,
          `${action === 'create' ? 'Created' : 'Changed'} ${resource.describe(row)}`,
          existing ? changesBetween(existing, row) : undefined,
        ),
      ]);
      return { row, action };
    });
    // A new password, a changed role, a role that lost a channel: open streams lose access at once.
    ctx.streams.revalidate();
    await resource.afterWrite?.(row, action);
    return row;
  }

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: `/${path}`,
      summary: `List ${label.toLowerCase()}s: searched with q, ordered with sort, paged with limit and cursor (X-Next-Cursor)`,
      request: { query: listQuerySchema },
      responses: {
        200: jsonContent(z.array(view), `${label}s`),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    (c) => {
      const page = listPage(rows(), c.req.valid('query'), (row) => `${row.id} ${resource.describe(row)}`);
      if (page.next) c.header('x-next-cursor', page.next);
      return c.json(page.rows.map(show), 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: `/${path}/{id}`,
      summary: `One ${label.toLowerCase()}`,
      request: { params: idParam },
      responses: {
        200: jsonContent(view, `${label}; its version is also the ETag, to send back as If-Match`),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const row = find(id);
      if (!row) throw notFound(`${label} ${id}`);
      const shown = show(row);
      c.header('etag', etag(shown.version));
      return c.json(shown, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: `/${path}`,
      summary: `Create a ${label.toLowerCase()}`,
      request: { body: jsonBody(bodySchema) },
      responses: {
        201: jsonContent(view, 'Created'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const row = await write(c.get('user'), newId(resource.idPrefix), await bodyOf(c), 'create');
      return c.json(show(row), 201);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'put',
      path: `/${path}/{id}`,
      summary: resource.upsert
        ? `Create or change a ${label.toLowerCase()} under the id you choose; applies at once`
        : `Change a ${label.toLowerCase()}; applies at once`,
      description:
        'Send back the version you loaded (`If-Match: "3"` or a `version` field): a change based on an older version is refused (412 / 409) with the changes made since, instead of silently undoing them.',
      request: { params: resource.upsert ? chosenIdParam : idParam, body: jsonBody(bodySchema) },
      responses: {
        200: jsonContent(view, 'Saved'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
        412: errorResponses[409],
      },
    }),
    async (c) => {
      const expected = await expectedVersion(c);
      const row = await write(c.get('user'), c.req.valid('param').id, await bodyOf(c), 'update', expected);
      return c.json(show(row), 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'delete',
      path: `/${path}/{id}`,
      summary: `Delete a ${label.toLowerCase()}`,
      description: 'With `If-Match`, refused (412) when the row changed since that version.',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.object({ ok: z.literal(true) }), 'Deleted'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
        412: errorResponses[409],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const actor = c.get('user');
      const expected = await expectedVersion(c);
      const row = await mutate(ctx, async (ctx) => {
        const row = find(id);
        if (!row) throw notFound(`${label} ${id}`);
        checkVersion(ctx, path, id, `${label} ${id}`, expected);
        const blocked = resource.blocksDelete?.(row, actor);
        if (blocked) throw new ApiError(409, 'in_use', blocked);
        const { ops, after } = resource.deleteOps ? resource.deleteOps(row) : { ops: [remove(collection, id)] };
        await ctx.store.commit([...ops, audited(ctx, actor, 'delete', path, id, `Deleted ${resource.describe(row)}`)]);
        after?.();
        return row;
      });
      ctx.streams.revalidate();
      await resource.afterWrite?.(row, 'delete');
      return c.json({ ok: true as const }, 200);
    },
  );
}
