/** The import and export page's text, in English and Spanish (merged into the admin UI's dictionaries). */

export const transferEn = {
  importExport: 'Import and export',
  importExportIntro:
    'Export users, skills or the whole configuration, edit the file, then import it: a dry run shows what would be created, changed or refused before anything is applied. Passwords are never exported.',
  transfer_users: 'Users (CSV)',
  transfer_skills: 'Skills (CSV)',
  transfer_configuration: 'Whole configuration (JSON)',
  exportFile: 'Export',
  chooseFile: 'File to import',
  dryRun: 'Dry run',
  applyImport: 'Apply',
  skipRefused: 'Apply the other rows and leave the refused ones out',
  importCounts: '{create} to create, {update} to change, {unchanged} unchanged, {refused} refused',
  importApplied: 'Imported: {create} created, {update} changed, {unchanged} unchanged, {refused} refused and left out.',
  importRow: 'Row',
  importWhat: 'What',
  importDetails: 'Details',
  action_create: 'Create',
  action_update: 'Change',
  action_refused: 'Refused',
  action_unchanged: 'Unchanged',
  notJson: 'The file is not JSON: export the configuration again.',
  fixRefused: 'Fix the refused rows, or tick “leave the refused ones out”, before applying.',
};

export const transferEs: Record<keyof typeof transferEn, string> = {
  importExport: 'Importar y exportar',
  importExportIntro:
    'Exporte usuarios, habilidades o toda la configuración, edite el archivo e impórtelo: una simulación muestra qué se crearía, cambiaría o rechazaría antes de aplicar nada. Las contraseñas nunca se exportan.',
  transfer_users: 'Usuarios (CSV)',
  transfer_skills: 'Habilidades (CSV)',
  transfer_configuration: 'Toda la configuración (JSON)',
  exportFile: 'Exportar',
  chooseFile: 'Archivo que importar',
  dryRun: 'Simular',
  applyImport: 'Aplicar',
  skipRefused: 'Aplicar las demás filas y dejar fuera las rechazadas',
  importCounts: '{create} para crear, {update} para cambiar, {unchanged} sin cambios, {refused} rechazadas',
  importApplied:
    'Importado: {create} creadas, {update} cambiadas, {unchanged} sin cambios, {refused} rechazadas y dejadas fuera.',
  importRow: 'Fila',
  importWhat: 'Qué',
  importDetails: 'Detalles',
  action_create: 'Crear',
  action_update: 'Cambiar',
  action_refused: 'Rechazada',
  action_unchanged: 'Sin cambios',
  notJson: 'El archivo no es JSON: vuelva a exportar la configuración.',
  fixRefused: 'Corrija las filas rechazadas, o marque «dejar fuera las rechazadas», antes de aplicar.',
};
