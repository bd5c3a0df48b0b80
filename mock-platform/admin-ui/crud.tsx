import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, apiPage } from './api.ts';
import { ConflictBanner } from './conflict-banner.tsx';
import { t } from './i18n.ts';
import { Pager, SortableHeader } from './list-controls.tsx';
import { type ListState, listQuery, readListState, writeListState } from './list-state.ts';
import { Card, Empty, type Errors, ErrorText, useLoad, useSave } from './ui.tsx';

export interface Column<Row> {
  label: string;
  render: (row: Row) => ComponentChildren;
  /** The row field the platform orders this column by (`?sort=`); absent: not sortable. */
  sort?: string;
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
export function CrudPage<Row extends { id: string; version?: number }, Draft>({
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
  check,
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
  /**
   * Field errors found before saving, in the UI's language (the platform checks again): `rows` is
   * the list as shown, `id` the row being edited.
   */
  check?: (draft: Draft, rows: readonly Row[], id: string | undefined) => Errors;
}) {
  // Search, order and page live in the URL (list-state.ts): a reload or a shared link shows the same page.
  const [state, setState] = useState<ListState>(() => readListState(location.hash, path));
  const update = (next: ListState) => {
    setState(next);
    history.replaceState(null, '', writeListState(location.hash, path, next));
  };
  const q = state.q.trim();
  const query = listQuery(state);
  // The platform searches (accent- and case-insensitive), orders and pages (GET ?q=&sort=&limit=&cursor=).
  const list = useLoad(() => apiPage<Row[]>(`/api/admin/${path}${query}`), [path, query]);
  const rows = list.data?.data;
  const [editing, setEditing] = useState<{ id?: string; version?: number; draft: Draft } | undefined>(undefined);
  /** Another administrator changed the row being edited: what they did, until this one reloads or keeps editing. */
  const [conflict, setConflict] = useState<string[] | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const save = useSave();
  const remove = useSave();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!editing) return;
    setConflict(undefined);
    const found = check?.(editing.draft, rows ?? [], editing.id) ?? {};
    if (Object.keys(found).length > 0) {
      save.refuse(found);
      return;
    }
    const body = toBody(editing.draft);
    const saved = await save.run(
      () =>
        editing.id
          ? api<Row>(`/api/admin/${path}/${encodeURIComponent(editing.id)}`, {
              method: 'PUT',
              body,
              version: editing.version,
            })
          : api<Row>(`/api/admin/${path}`, { method: 'POST', body }),
      (failure) => {
        if (failure.code !== 'version_conflict') return;
        setConflict(failure.issues.map((issue) => issue.message));
        list.reload();
      },
    );
    if (saved) {
      setEditing(undefined);
      setNotice(t('saved'));
      list.reload();
    }
  };
  const destroy = async (row: Row, name: string) => {
    if (!window.confirm(t('confirmDelete', { name }))) return;
    const done = await remove.run(() =>
      api(`/api/admin/${path}/${encodeURIComponent(row.id)}`, { method: 'DELETE', version: row.version }),
    );
    if (!done) list.reload();
    if (done) {
      setNotice(t('deleted', { name }));
      list.reload();
    }
  };

  /** Discards the draft for the row as it is now (another administrator changed it). */
  const reloadEditing = async (id: string | undefined) => {
    if (!id) return;
    const fresh = await save.run(() => api<Row>(`/api/admin/${path}/${encodeURIComponent(id)}`));
    setConflict(undefined);
    list.reload();
    if (fresh) {
      save.reset();
      setEditing({ id, version: fresh.version, draft: fromRow(fresh) });
    }
  };

  /** Keeps this administrator's draft, now based on the current version: saving again overwrites theirs, knowingly. */
  const keepMine = async (id: string | undefined) => {
    if (!id || !editing) return;
    const fresh = await save.run(() => api<Row>(`/api/admin/${path}/${encodeURIComponent(id)}`));
    setConflict(undefined);
    if (fresh) setEditing({ ...editing, version: fresh.version });
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
        {(q || (rows && rows.length > 0)) && (
          <input
            type="search"
            class="list-search"
            data-testid="list-search"
            placeholder={t('search')}
            aria-label={t('search')}
            value={state.q}
            onInput={(event) => update({ ...state, q: (event.target as HTMLInputElement).value, trail: [] })}
          />
        )}
        {rows && rows.length === 0 && <Empty>{q ? t('noMatch', { q }) : t('nothingYet')}</Empty>}
        {rows && rows.length > 0 && (
          <table class="list">
            <thead>
              <tr>
                {columns.map((column) => (
                  <SortableHeader
                    key={column.label}
                    label={column.label}
                    field={column.sort}
                    sort={state.sort}
                    onSort={(sort) => update({ ...state, sort, trail: [] })}
                  />
                ))}
                <th class="row-actions">
                  <span class="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
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
                          setConflict(undefined);
                          setEditing({ id: row.id, version: row.version, draft: fromRow(row) });
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
        {rows && (rows.length > 0 || state.trail.length > 0) && (
          <Pager state={state} next={list.data?.next} onChange={update} />
        )}
      </Card>
      {below}
      {editing && (
        <Card title={editing.id ? t('editing') : t('adding')} testid="editor">
          <form class="form" onSubmit={submit} noValidate>
            {/* Called, not mounted: an inline editor function must not remount (and lose focus) on each keystroke. */}
            {Editor({ draft: editing.draft, set: (draft) => setEditing({ ...editing, draft }), errors: save.errors })}
            {conflict ? (
              <ConflictBanner
                changes={conflict}
                onReload={() => reloadEditing(editing.id)}
                onKeep={() => keepMine(editing.id)}
              />
            ) : (
              <ErrorText message={save.message} details={save.details} />
            )}
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
