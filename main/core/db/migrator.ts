import { GroundworkError } from '../../../shared/contract/errors.js';
import type { Connection } from './cipher.js';
import { latestSchemaVersion, migrations, type Migration } from './migrations/index.js';

export function schemaVersion(db: Connection): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a study up to this build's schema, one step per transaction, so a failed step leaves the
 * study at the last good version. A study from a newer build is refused before anything is written.
 */
export function migrate(db: Connection, steps: readonly Migration[] = migrations): { from: number; to: number } {
  const from = schemaVersion(db);
  if (from > steps.length) throw new GroundworkError('study.tooNew');
  for (let version = from; version < steps.length; version++) {
    const step = steps[version]!;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return { from, to: steps.length };
}

export { latestSchemaVersion };
