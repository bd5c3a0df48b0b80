import { t } from './i18n.ts';
import { type ListState, nextSort, PAGE_SIZES } from './list-state.ts';
import './list-controls.css';

/** A column header: a button that orders the list by its field (ascending, then descending). */
export function SortableHeader({
  label,
  field,
  sort,
  onSort,
}: {
  label: string;
  field: string | undefined;
  sort: string | undefined;
  onSort: (sort: string) => void;
}) {
  if (!field) return <th>{label}</th>;
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  const title =
    direction === 'ascending'
      ? t('sortedAscending', { column: label })
      : direction === 'descending'
        ? t('sortedDescending', { column: label })
        : t('sortBy', { column: label });
  return (
    <th aria-sort={direction ?? 'none'}>
      <button
        type="button"
        class="link sort"
        data-testid={`sort-${field}`}
        title={title}
        aria-label={title}
        onClick={() => onSort(nextSort(sort, field))}
      >
        {label}
        <span aria-hidden="true" class="sort-mark">
          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}
        </span>
      </button>
    </th>
  );
}

/** Page size and previous / next under a list; the platform pages with a cursor (`X-Next-Cursor`). */
export function Pager({
  state,
  next,
  onChange,
}: {
  state: ListState;
  next: string | undefined;
  onChange: (state: ListState) => void;
}) {
  return (
    <nav class="pager" aria-label={t('listPager')} data-testid="pager">
      <label>
        {t('pageSize')}{' '}
        <select
          data-testid="page-size"
          value={String(state.limit)}
          onChange={(event) =>
            onChange({ ...state, limit: Number((event.target as HTMLSelectElement).value), trail: [] })
          }
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={String(size)}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="secondary"
        data-testid="previous-page"
        disabled={state.trail.length === 0}
        onClick={() => onChange({ ...state, trail: state.trail.slice(0, -1) })}
      >
        {t('previousPage')}
      </button>
      <span data-testid="page-number">{t('pageNumber', { n: String(state.trail.length + 1) })}</span>
      <button
        type="button"
        class="secondary"
        data-testid="next-page"
        disabled={!next}
        onClick={() => next && onChange({ ...state, trail: [...state.trail, next] })}
      >
        {t('nextPage')}
      </button>
    </nav>
  );
}
