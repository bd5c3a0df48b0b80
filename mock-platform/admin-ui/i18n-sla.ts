/** The SLA dashboard's export, drill-down and refresh text, in English and Spanish (merged into the admin UI's dictionaries). */

export const slaEn = {
  csvGroup: 'Group',
  exportCsv: 'Export CSV',
  openBreach: 'Open',
  openBreachOf: 'Open the conversation with {customer}',
  refreshedAt: 'Updated {time}; refreshes every minute.',
  barTooltip: '{row} · {clock} · {state}: {count}',
  byHourIn: 'By hour of day (start of the conversation, {zone} time)',
};

export const slaEs: Record<keyof typeof slaEn, string> = {
  csvGroup: 'Grupo',
  exportCsv: 'Exportar CSV',
  openBreach: 'Abrir',
  openBreachOf: 'Abrir la conversación con {customer}',
  refreshedAt: 'Actualizado {time}; se actualiza cada minuto.',
  barTooltip: '{row} · {clock} · {state}: {count}',
  byHourIn: 'Por hora del día (inicio de la conversación, hora de {zone})',
};
