import type { Passage, UndoState } from '../../../../shared/coding/contract.js';
import type { Quote } from '../../../../shared/quotes/contract.js';
import { invoke } from '../../bridge/index.js';

/**
 * Marks a passage as a quote, for any view that shows passages (the coding workspace). Only a
 * passage of an anonymised transcript (`quote.passageRaw` otherwise); one undo step, whose state
 * comes with the answer. The Quotes page is where its wording is written.
 */
export function markQuote(passage: Passage, options: { wording?: string; categoryId?: number | null } = {}): Promise<{ quote: Quote; undo: UndoState }> {
  return invoke('quotes.create', { passage, ...(options.wording !== undefined ? { wording: options.wording } : {}), ...(options.categoryId !== undefined ? { categoryId: options.categoryId } : {}) });
}
