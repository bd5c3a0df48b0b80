import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from './api.ts';
import { t } from './i18n.ts';
import { Card, Empty, type Errors, ErrorText, useLoad, useSave } from './ui.tsx';

export interface Column<Row> {
  label: string;
  render: (row: Row) => ComponentChildren;
}

export interface EditorProps<Draft> {
  draft: Draft;
  set: (draft: Draft) => void;
  errors: Errors;
}

/**
 * A list of one administrable resource with add, edit and delete: the pattern most admin pages
 * share. The API validates; its field errors are shown next to the fields.
 */
export function CrudPage<Row extends { id: string }, Draft>({
  title,
  intro,
  path,
  columns,
  blank,
  fromRow,
  toBody,
  Editor,
  testid,
  rowClass,
  below,
}: {
  title: string;
  intro?: ComponentChildren;
  path: string;
  columns: Column<Row>[];
  blank: () => Draft;
  fromRow: (row: Row) => Draft;
  toBody: (draft: Draft) => unknown;
  Editor: (props: EditorProps<Draft>) => ComponentChildren;
  testid: string;
  rowClass?: (row: Row) => string | undefined;
  below?: ComponentChildren;
}) {
  const list = useLoad(() => api<Row[]>(`/api/admin/${path}`), [path]);
  const [editing, setEditing] = useState<{ id?: string; draft: Draft } | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const save = useSave();
  const remove = useSave();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!editing) return;
    const body = toBody(editing.draft);
    const saved = await save.run(() =>
      editing.id
        ? api<Row>(`/api/admin/${path}/${encodeURIComponent(editing.id)}`, { method: 'PUT', body })
        : api<Row>(`/api/admin/${path}`, { method: 'POST', body }),
    );
    if (saved) {
      setEditing(undefined);
      setNotice(t('saved'));
      list.reload();
    }
  };
  const destroy = async (row: Row, name: string) => {
    if (!window.confirm(t('confirmDelete', { name }))) return;
    const done = await remove.run(() => api(`/api/admin/${path}/${encodeURIComponent(row.id)}`, { method: 'DELETE' }));
    if (done) {
      setNotice(t('deleted', { name }));
      list.reload();
    }
  };

  return (
    <div data-testid={testid}>
      <Card
        title={title}
        actions={
          !editing && (
            <button
              type="button"
              data-testid="add"
              onClick={() => {
                save.reset();
                setNotice(undefined);
                setEditing({ draft: blank() });
              }}
            >
              {t('add')}
            </button>
          )
        }
      >
        {intro && <div class="intro">{intro}</div>}
        {notice && (
          <p class="banner success" role="status" data-testid="notice">
            {notice}
          </p>
        )}
        <ErrorText message={remove.message ?? list.error} />
        {list.data && list.data.length === 0 && <Empty>{t('nothingYet')}</Empty>}
        {list.data && list.data.length > 0 && (
          <table class="list">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label}>{column.label}</th>
                ))}
                <th class="row-actions">
                  <span class="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((row) => {
                const name = String(
                  (row as { name?: string; displayName?: string }).name ??
                    (row as { displayName?: string }).displayName ??
                    row.id,
                );
                return (
                  <tr key={row.id} class={rowClass?.(row)} data-testid={`row-${row.id}`} data-name={name}>
                    {columns.map((column) => (
                      <td key={column.label}>{column.render(row)}</td>
                    ))}
                    <td class="row-actions">
                      <button
                        type="button"
                        class="secondary"
                        data-testid="edit"
                        aria-label={`${t('edit')} ${name}`}
                        onClick={() => {
                          save.reset();
                          setNotice(undefined);
                          setEditing({ id: row.id, draft: fromRow(row) });
                        }}
                      >
                        {t('edit')}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        data-testid="delete"
                        aria-label={`${t('delete')} ${name}`}
                        onClick={() => destroy(row, name)}
                      >
                        {t('delete')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
      {below}
      {editing && (
        <Card title={editing.id ? t('editing') : t('adding')} testid="editor">
          <form class="form" onSubmit={submit} noValidate>
            {/* Called, not mounted: an inline editor function must not remount (and lose focus) on each keystroke. */}
            {Editor({ draft: editing.draft, set: (draft) => setEditing({ ...editing, draft }), errors: save.errors })}
            <ErrorText message={save.message} />
            <div class="form-actions">
              <button type="submit" data-testid="save" disabled={save.busy}>
                {t('save')}
              </button>
              <button type="button" class="secondary" data-testid="cancel" onClick={() => setEditing(undefined)}>
                {t('cancel')}
              </button>
            </div>
          </form>
        </Card>
      )}
    </div>
  );
}
