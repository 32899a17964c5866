import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { GroundworkError } from '../../../shared/contract/errors.js';

/** Applies `update` at once, then moves focus to the first field marked invalid in `form`. */
export function showErrorsAndFocus(form: HTMLElement | null, update: () => void): void {
  flushSync(update);
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** The code of any failure; anything that is not from the core counts as `internal`. */
export function errorCodeOf(error: unknown): GroundworkError['code'] {
  return error instanceof GroundworkError ? error.code : 'internal';
}

/** Turns any failure into the user's-language text for its code. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${errorCodeOf(error)}`);
}

/** Ctrl+key on Windows and Linux, Cmd+key on macOS, as the user would read it. */
export function shortcutLabel(key: string): string {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return mac ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`;
}

export function isShortcut(event: KeyboardEvent, key: string): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === key;
}
