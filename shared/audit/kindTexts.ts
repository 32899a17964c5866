/**
 * Each kind of audit event in words, in both languages. The UI and the exported trail use the same
 * texts. A test checks that every kind in `main/core/audit/audit.ts` has both; a kind without one
 * is shown by its code rather than hidden.
 */
export const auditKindTexts: Record<'en' | 'nb', Record<string, string>> = {
  en: {
    'study.created': 'Study created',
    'study.opened': 'Study opened',
    'study.migrated': 'Study file brought up to date',
    'study.locked': 'Study locked',
    'study.closed': 'Study closed',
    'study.passphraseChanged': 'Passphrase changed',
    'study.pageUpdated': 'Study page changed',
    'study.settingsChanged': 'Security settings changed',
    'backup.made': 'Backup made',
    'backup.failed': 'Backup failed',
    'backup.removed': 'Old automatic backup removed',
    'export.written': 'Export saved',
  },
  nb: {
    'study.created': 'Studien ble opprettet',
    'study.opened': 'Studien ble åpnet',
    'study.migrated': 'Studiefilen ble oppdatert',
    'study.locked': 'Studien ble låst',
    'study.closed': 'Studien ble lukket',
    'study.passphraseChanged': 'Passordfrasen ble endret',
    'study.pageUpdated': 'Studiesiden ble endret',
    'study.settingsChanged': 'Sikkerhetsinnstillingene ble endret',
    'backup.made': 'Sikkerhetskopi laget',
    'backup.failed': 'Sikkerhetskopi mislyktes',
    'backup.removed': 'Gammel automatisk sikkerhetskopi fjernet',
    'export.written': 'Eksport lagret',
  },
};

export function auditKindText(kind: string, language: 'en' | 'nb'): string {
  return auditKindTexts[language][kind] ?? kind;
}

/** The detail's keys in words (counts and kinds only ever). Unknown keys are shown as they are. */
export const auditDetailTexts: Record<'en' | 'nb', Record<string, string>> = {
  en: { format: 'format', rows: 'rows', columns: 'columns', what: 'what', count: 'count' },
  nb: { format: 'format', rows: 'rader', columns: 'kolonner', what: 'hva', count: 'antall' },
};

export function auditDetailText(detail: Record<string, string | number | boolean | null>, language: 'en' | 'nb'): string {
  return Object.entries(detail)
    .map(([key, value]) => `${auditDetailTexts[language][key] ?? key}: ${String(value)}`)
    .join(', ');
}
