import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { formatTime, t } from '../i18n.ts';
import { useBoard } from '../live-board.ts';
import { slaCsv } from '../sla-csv.ts';
import type { SlaReport } from '../types.ts';
import { Card, Empty, ErrorText } from '../ui.tsx';
import { SupervisedConversation } from './supervised-conversation.tsx';

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
        <svg
          width={width}
          height={rows.length * rowHeight}
          viewBox={`0 0 ${width} ${rows.length * rowHeight}`}
          style={{ maxWidth: '100%', height: 'auto' }}
          role="img"
          aria-label={title}
        >
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
                    const w = (counts[state] / max) * (width - label - 100);
                    const rect =
                      w > 0 ? (
                        <rect key={state} x={x} y={top} width={w} height={bar} fill={color} data-state={state}>
                          <title>
                            {t('barTooltip', {
                              row: row.label,
                              clock: t(clock),
                              state: t(`sla_${state}`),
                              count: String(counts[state]),
                            })}
                          </title>
                        </rect>
                      ) : null;
                    x += w;
                    return rect;
                  });
                  return (
                    <g key={clock}>
                      {rects}
                      <text x={x + 4} y={top + bar - 2}>
                        {clock === 'firstResponse' ? t('frShort') : t('resShort')} {percent(counts)} ({counts.met}/
                        {counts.met + counts.breached})
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

const REFRESH_MS = 60_000;

/**
 * A breach drilled down: the conversation read-only with its live transcript, and the
 * supervisor's actions on it (administrators may supervise), over the supervisors' live board.
 */
function BreachConversation({ id, onClose }: { id: string; onClose: () => void }) {
  const { board } = useBoard();
  return board ? <SupervisedConversation id={id} board={board} onClose={onClose} /> : null;
}

/** Each skill's service level against its target (RT-6), with its campaign. */
function ServiceLevelTable({ rows }: { rows: SlaReport['bySkill'] }) {
  return (
    <Card title={t('serviceLevelBySkill')} testid="service-level">
      {rows.length === 0 ? (
        <Empty>{t('noConversationsPeriod')}</Empty>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th>{t('skill')}</th>
              <th>{t('campaign')}</th>
              <th>{t('slTarget')}</th>
              <th>{t('slAnsweredWithin')}</th>
              <th>{t('slPercent')}</th>
              <th>{t('slMet')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.skillId} data-testid="service-level-row" data-skill={row.skillId}>
                <td>{row.skill}</td>
                <td>{row.campaign ?? '—'}</td>
                <td>
                  {row.targetPercent !== undefined && row.thresholdSeconds !== undefined
                    ? t('slTargetValue', { percent: String(row.targetPercent), seconds: String(row.thresholdSeconds) })
                    : t('slNoTarget')}
                </td>
                <td>
                  {t('slCounts', {
                    within: String(row.answeredWithin),
                    counted: String(row.counted),
                    offered: String(row.offered),
                  })}
                </td>
                <td data-testid="sl-percent">{row.percentWithin !== undefined ? `${row.percentWithin}%` : '—'}</td>
                <td class={row.met === false ? 'breached' : undefined}>
                  {row.met === undefined ? '—' : row.met ? t('slMetYes') : t('slMetNo')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

/** The SLA dashboard (BY-4): compliance by channel, queue and hour, each skill's service level, the breaches. */
export function SlaDashboardPage() {
  const [days, setDays] = useState(7);
  const [campaign, setCampaign] = useState('');
  const [report, setReport] = useState<SlaReport | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loadedAt, setLoadedAt] = useState<number | undefined>(undefined);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  useEffect(() => {
    const load = () => {
      const to = Date.now() + 1;
      const only = campaign ? `&campaign=${encodeURIComponent(campaign)}` : '';
      api<SlaReport>(`/api/admin/sla-report?from=${to - days * 86_400_000}&to=${to}${only}`).then(
        (value) => {
          setReport(value);
          setLoadedAt(Date.now());
          setError(undefined);
          document.body.dataset.ready = 'true';
        },
        (failure: Error) => setError(failure.message),
      );
    };
    load();
    // Live: the report is recomputed on the platform each minute the page is open.
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [days, campaign]);
  const exportCsv = () => {
    if (!report) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([slaCsv(report, formatTime)], { type: 'text/csv;charset=utf-8' }));
    link.download = `sla-${new Date(report.to).toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
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
          <>
            <label>
              {t('period')}{' '}
              <select data-testid="sla-period" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
                <option value={1}>{t('last24h')}</option>
                <option value={7}>{t('last7d')}</option>
                <option value={30}>{t('last30d')}</option>
              </select>
            </label>{' '}
            <label>
              {t('campaign')}{' '}
              <select data-testid="sla-campaign" value={campaign} onChange={(e) => setCampaign(e.currentTarget.value)}>
                <option value="">{t('allCampaigns')}</option>
                {(report?.campaigns ?? []).map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="button" class="secondary" onClick={exportCsv} disabled={!report} data-testid="sla-export">
              {t('exportCsv')}
            </button>
          </>
        }
      >
        <ErrorText message={error} />
        {loadedAt && (
          <p class="muted" data-testid="sla-refreshed">
            {t('refreshedAt', { time: formatTime(loadedAt) })}
          </p>
        )}
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
          <ServiceLevelTable rows={report.bySkill} />
          <Chart title={t('byHourIn', { zone: report.timeZone })} rows={report.byHour} testid="chart-hour" />
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
                    <th>
                      <span class="sr-only">{t('actions')}</span>
                    </th>
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
                      <td>
                        <button
                          type="button"
                          class="link"
                          aria-label={t('openBreachOf', { customer: breach.customer })}
                          onClick={() => setOpenId(breach.conversationId)}
                          data-testid="open-breach"
                        >
                          {t('openBreach')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          {openId && <BreachConversation id={openId} onClose={() => setOpenId(undefined)} />}
        </>
      )}
    </div>
  );
}
