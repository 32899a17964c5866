import { createContext, useContext } from 'react';
import type { AppInfo, Language } from '../../../shared/app/contract.js';
import type { Screen } from './screens.js';

export interface AppContextValue {
  info: AppInfo;
  /** The language chosen in settings, or null to follow the system. */
  languageSetting: Language | null;
  setLanguageSetting: (language: Language | null) => Promise<void>;
  go: (screen: Screen) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
