import type { z } from 'zod';
import { sessionStateSchema } from '../study/contract.js';
import { importProgressSchema } from '../transcripts/contract.js';
import { analysisExportProgressSchema } from '../analysisExports/contract.js';
import { exchangeProgressSchema } from '../exchange/contract.js';

/** What the core tells the UI without being asked. */
export const eventSchemas = {
  /** The session changed on its own (the idle lock fired). */
  'study.state': sessionStateSchema,
  /** How far an import of transcripts has come (files read, then stored). */
  'transcripts.importProgress': importProgressSchema,
  /** How far an export of the coding table or codebook has come. */
  'analysisExports.progress': analysisExportProgressSchema,
  /** How far an import of a REFI-QDA project has come. */
  'exchange.importProgress': exchangeProgressSchema,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.output<(typeof eventSchemas)[E]>;

/** The one global the renderer may use to reach the core; the host (Electron or browser) provides it. */
export interface GroundworkBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}
