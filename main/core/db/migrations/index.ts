import type { Connection } from '../cipher.js';
import m0001 from './0001-study.js';
import m0002 from './0002-backups.js';
import m0003 from './0003-participants.js';
import m0004 from './0004-interviews.js';
import m0005 from './0005-calendar.js';
import m0006 from './0006-coding.js';

export type Migration = (db: Connection) => void;

/**
 * Every schema step, in order. Step N takes a study from schema version N-1 to N (`user_version`).
 * Never edit a step that has shipped: add the next one, with its test in `tests/unit/migrations/`.
 */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];

export const latestSchemaVersion = migrations.length;
