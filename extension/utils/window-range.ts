/**
 * Which rows of a fixed-row-height list to render for a scroll position: the visible ones plus
 * `overscan` on each side. Everything else is a spacer, so a 500-row list renders ~15 rows.
 */
export function windowRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 4,
): { start: number; end: number; top: number; bottom: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, top: start * rowHeight, bottom: Math.max(0, (count - end) * rowHeight) };
}
