type Operation = { tags?: string[]; security?: Record<string, string[]>[] };
type Document = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation an `/openapi.json` document describes, for tests that derive their cases from it. */
export function openApiOperations(doc: unknown) {
  return Object.entries((doc as Document).paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      path,
      method: method.toUpperCase(),
      operation: item[method] as Operation,
      /** The path with each `{parameter}` filled in, to call it. */
      url: path.replace(/\{[^}]+\}/g, 'x'),
      /** An empty JSON body where the method takes one: refusals come before validation. */
      body: method === 'get' || method === 'delete' ? undefined : {},
    })),
  );
}
