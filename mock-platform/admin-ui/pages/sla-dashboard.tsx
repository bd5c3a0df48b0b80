import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { formatTime, t } from '../i18n.ts';
import type { SlaReport } from '../types.ts';
import { Card, Empty, ErrorText } from '../ui.tsx';

type Counts = { met: number; breached: number; active: number };
type Row = SlaReport['byChannel'][number];

const percent = (counts: Counts) => {
  const done = counts.met + counts.breached;
  return done ? `${Math.round((counts.met / done) * 100)}%` : '—';
};
const COLORS: [keyof Counts, string][] = [
  ['met', '#188038'],
  ['breached', '#c5221f'],
  ['active', '#dadce0'],
];

/** Stacked bars per row and clock: met (green), breached (red), still running (gray). */
function Chart({ title, rows, testid }: { title: string; rows: Row[]; testid: string }) {
  const width = 460;
  const label = 110;
  const bar = 12;
  const rowHeight = bar * 2 + 16;
  const max = Math.max(
    1,
    ...rows.flatMap((row) => [row.firstResponse, row.resolution].map((c) => c.met + c.breached + c.active)),
  );
  return (
    <Card title={title} testid={testid}>
      <div class="legend">
        {COLORS.map(([state, color]) => (
          <span key={state}>
            <i style={{ background: color }} />
            {t(`sla_${state}`)}
          </span>
        ))}
      </div>
      {rows.length === 0 ? (
        <Empty>{t('noConversationsPeriod')}</Empty>
      ) : (
        <svg width={width} height={rows.length * rowHeight} role="img" aria-label={title}>
          {rows.map((row, index) => {
            const y = index * rowHeight;
            return (
              <g key={row.key}>
                <text x={0} y={y + bar + 3}>
                  {row.label}
                </text>
                {(['firstResponse', 'resolution'] as const).map((clock, line) => {
                  const counts = row[clock];
                  const top = y + line * (bar + 2);
                  let x = label;
                  const rects = COLORS.map(([state, color]) => {
                    const w = (counts[state] / max) * (width - label - 60);
                    const rect =
                      w > 0 ? (
                        <rect key={state} x={x} y={top} width={w} height={bar} fill={color} data-state={state} />
                      ) : null;
                    x += w;
                    return rect;
                  });
                  return (
                    <g key={clock}>
                      {rects}
                      <text x={x + 4} y={top + bar - 2}>
                        {clock === 'firstResponse' ? t('frShort') : t('resShort')} {percent(counts)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      )}
    </Card>
  );
}

/** The SLA dashboard (BY-4): compliance by channel, queue and hour, with the breaches. */
export function SlaDashboardPage() {
  const [days, setDays] = useState(7);
  const [report, setReport] = useState<SlaReport | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    const to = Date.now() + 1;
    api<SlaReport>(`/api/admin/sla-report?from=${to - days * 86_400_000}&to=${to}`).then(
      (value) => {
        setReport(value);
        document.body.dataset.ready = 'true';
      },
      (failure: Error) => setError(failure.message),
    );
  }, [days]);
  const total = (key: 'firstResponse' | 'resolution') =>
    (report?.byChannel ?? []).reduce(
      (sum, row) => ({
        met: sum.met + row[key].met,
        breached: sum.breached + row[key].breached,
        active: sum.active + row[key].active,
      }),
      { met: 0, breached: 0, active: 0 },
    );
  return (
    <div data-testid="sla-dashboard">
      <Card
        title={t('serviceLevels')}
        actions={
          <label>
            {t('period')}{' '}
            <select data-testid="sla-period" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
              <option value={1}>{t('last24h')}</option>
              <option value={7}>{t('last7d')}</option>
              <option value={30}>{t('last30d')}</option>
            </select>
          </label>
        }
      >
        <ErrorText message={error} />
      </Card>
      {report && (
        <>
          <div class="kpis">
            <div class="card kpi">
              <div class="value" data-testid="kpi-conversations">
                {report.conversations}
              </div>
              <div class="label">{t('conversations')}</div>
            </div>
            <div class="card kpi">
              <div class="value" data-testid="kpi-first-response">
                {percent(total('firstResponse'))}
              </div>
              <div class="label">{t('firstResponsesInTime')}</div>
            </div>
            <div class="card kpi">
              <div class="value" data-testid="kpi-resolution">
                {percent(total('resolution'))}
              </div>
              <div class="label">{t('resolutionsInTime')}</div>
            </div>
          </div>
          <div class="grid">
            <Chart title={t('byChannel')} rows={report.byChannel} testid="chart-channel" />
            <Chart title={t('byQueue')} rows={report.byQueue} testid="chart-queue" />
          </div>
          <Chart title={t('byHour')} rows={report.byHour} testid="chart-hour" />
          <Card title={`${t('breaches')} (${report.breaches.length})`}>
            {report.breaches.length === 0 ? (
              <Empty>{t('noBreaches')}</Empty>
            ) : (
              <table class="list" data-testid="breaches">
                <thead>
                  <tr>
                    <th>{t('customer')}</th>
                    <th>{t('channel')}</th>
                    <th>{t('queue')}</th>
                    <th>{t('clock')}</th>
                    <th>{t('wasDue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.breaches.map((breach) => (
                    <tr key={`${breach.conversationId}-${breach.clock}`} data-testid="breach">
                      <td>{breach.customer}</td>
                      <td>{breach.channel}</td>
                      <td>{breach.queue}</td>
                      <td>{breach.clock === 'firstResponse' ? t('firstResponse') : t('resolution')}</td>
                      <td>{formatTime(breach.dueAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
