import { describe, expect, it } from 'vitest';
import { participantTable, participantTables, tablesEmptiedOnWithdrawal, tablesReachedThrough } from '../../../main/core/participants/participantData.js';

type Words = Record<string, string>;
// The renderer's texts, loaded at run time: the Node projects' type-check does not take in renderer files.
const messages = new URL('../../../renderer/src/features/withdrawal/messages.ts', import.meta.url).href;
const { withdrawalMessages } = (await import(messages)) as {
  withdrawalMessages: Record<'en' | 'nb', { tables: Words; because: Words; columns: Words }>;
};

/**
 * The plan shown before a withdrawal names every table, every reason for keeping and every emptied
 * column in the researcher's words, in both languages: a table added to participantData.ts without
 * words here would show the researcher its schema name.
 */
describe('the withdrawal plan in the researcher’s words', () => {
  for (const language of ['en', 'nb'] as const) {
    it(`has words in ${language} for every table, reason and emptied column of the participant-data list`, () => {
      const texts = withdrawalMessages[language];
      const tables = [
        ...participantTables.map((entry) => entry.table),
        ...tablesReachedThrough.map((entry) => entry.table),
        ...tablesEmptiedOnWithdrawal,
        participantTable,
      ];
      for (const table of tables) expect(texts.tables, table).toHaveProperty(table);
      const reasons = [...participantTables.flatMap((entry) => (entry.keptBecause ? [entry.keptBecause] : [])), 'pseudonymAndStatus'];
      for (const reason of reasons) expect(texts.because, reason).toHaveProperty(reason);
      for (const column of participantTables.flatMap((entry) => entry.clearedOnKeep ?? [])) expect(texts.columns, column).toHaveProperty(column);
    });
  }
});
