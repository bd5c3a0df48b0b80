import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { Card, ErrorText, useLoad } from '../ui.tsx';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
};
type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
};
type Document = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function typeOf(schema: Schema): string {
  if (schema.$ref) return schema.$ref.split('/').pop() ?? 'object';
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeOf).join(' | ');
  if (schema.type === 'array' && schema.items) return `${typeOf(schema.items)}[]`;
  const base = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'object');
  const limits = [
    schema.minLength !== undefined ? `≥${schema.minLength} chars` : '',
    schema.maxLength !== undefined ? `≤${schema.maxLength} chars` : '',
    schema.minimum !== undefined ? `≥${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤${schema.maximum}` : '',
  ].filter(Boolean);
  return limits.length ? `${base} (${limits.join(', ')})` : base;
}

/** A schema's fields, nested, with types, limits and whether each is required. */
function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  const target = schema.type === 'array' && schema.items ? schema.items : schema;
  const properties = target.properties;
  if (!properties || depth > 4) return <code>{typeOf(schema)}</code>;
  return (
    <ul class="schema">
      {Object.entries(properties).map(([name, property]) => (
        <li key={name}>
          <code>{name}</code>
          {target.required?.includes(name) ? <span class="required">*</span> : null}:{' '}
          <span class="type">{typeOf(property)}</span>
          {property.description && <span class="muted"> — {property.description}</span>}
          {(property.properties || property.items?.properties) && <SchemaView schema={property} depth={depth + 1} />}
        </li>
      ))}
    </ul>
  );
}

/** A browsable reference of `/openapi.json` (BY-5), generated from the platform's zod schemas. */
export function ApiReferencePage() {
  const doc = useLoad(() => api<Document>('/openapi.json'));
  if (!doc.data) return <ErrorText message={doc.error} />;
  const byTag = new Map<string, { path: string; method: string; operation: Operation }[]>();
  for (const [path, methods] of Object.entries(doc.data.paths)) {
    for (const method of METHODS) {
      const operation = methods[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, operation }]);
    }
  }
  return (
    <div data-testid="api-reference">
      <Card title={`${doc.data.info.title} ${doc.data.info.version}`}>
        <p class="intro">{doc.data.info.description}</p>
        <p>
          {t('apiRaw')} <a href="/openapi.json">/openapi.json</a>
        </p>
      </Card>
      {[...byTag.entries()].map(([tag, operations]) => (
        <Card key={tag} title={tag}>
          {operations.map(({ path, method, operation }) => {
            const body = operation.requestBody?.content?.['application/json']?.schema;
            return (
              <details key={`${method} ${path}`} class="operation" data-testid="operation">
                <summary>
                  <span class={`method ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>{' '}
                  <span class="muted">{operation.summary}</span>
                </summary>
                {operation.parameters && operation.parameters.length > 0 && (
                  <>
                    <h4>{t('parameters')}</h4>
                    <ul class="schema">
                      {operation.parameters.map((parameter) => (
                        <li key={`${parameter.in}-${parameter.name}`}>
                          <code>{parameter.name}</code> ({parameter.in})
                          {parameter.required ? <span class="required">*</span> : null}:{' '}
                          <span class="type">{parameter.schema ? typeOf(parameter.schema) : ''}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {body && (
                  <>
                    <h4>{t('requestBody')}</h4>
                    <SchemaView schema={body} />
                  </>
                )}
                <h4>{t('responses')}</h4>
                <ul class="schema">
                  {Object.entries(operation.responses ?? {}).map(([status, response]) => (
                    <li key={status}>
                      <code>{status}</code> {response.description}
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
        </Card>
      ))}
    </div>
  );
}
