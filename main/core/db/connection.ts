import type { Connection } from './cipher.js';
import type Database from 'better-sqlite3-multiple-ciphers';

type Params = unknown[] | [Record<string, unknown>];

/** A prepared statement that can only read. */
export interface ReadStatement<Row> {
  get(...params: Params): Row | undefined;
  all(...params: Params): Row[];
  iterate(...params: Params): IterableIterator<Row>;
}

/** A prepared statement that may change the study. */
export interface WriteStatement<Row = unknown> extends ReadStatement<Row> {
  run(...params: Params): Database.RunResult;
}

/** What a read path gets: statements that SQLite itself has confirmed do not write. */
export interface StudyReader {
  query<Row>(sql: string): ReadStatement<Row>;
}

/** What a write path gets, always inside one transaction. */
export interface StudyWriter extends StudyReader {
  statement<Row = unknown>(sql: string): WriteStatement<Row>;
  exec(sql: string): void;
}

/**
 * One open study database, split into readers and writers (after Signal Desktop): `read` hands out
 * only statements that SQLite reports as read-only, so a read path cannot write by mistake, and
 * `write` runs its whole callback in one transaction, so a failure leaves nothing half-done.
 */
export class StudyDatabase {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly reader: StudyReader;
  private readonly writer: StudyWriter;

  constructor(readonly connection: Connection) {
    this.reader = {
      query: <Row>(sql: string) => {
        const statement = this.prepare(sql);
        if (!statement.readonly) throw new Error('A reader may only prepare read-only statements');
        return statement as unknown as ReadStatement<Row>;
      },
    };
    this.writer = {
      query: this.reader.query,
      statement: <Row>(sql: string) => this.prepare(sql) as unknown as WriteStatement<Row>,
      exec: (sql: string) => {
        this.connection.exec(sql);
      },
    };
  }

  read<T>(work: (reader: StudyReader) => T): T {
    return work(this.reader);
  }

  write<T>(work: (writer: StudyWriter) => T): T {
    return this.connection.transaction(() => work(this.writer)).immediate();
  }

  close(): void {
    this.statements.clear();
    if (this.connection.open) this.connection.close();
  }

  get isOpen(): boolean {
    return this.connection.open;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
