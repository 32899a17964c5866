import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod';
import type { AppInfo } from '../../shared/app/contract.js';
import { App } from './app/App.js';
import { invoke } from './bridge/index.js';
import { initI18n } from './i18n/index.js';
import './styles/app.css';

// The page's policy forbids eval: tell zod not to probe for it (the probe would be reported as a
// policy violation even though zod catches it).
zodConfig({ jitless: true });

async function boot(): Promise<void> {
  let info: AppInfo | null = null;
  try {
    info = await invoke('app.info', {});
  } catch {
    // Without the core there is little to show; App says so in the language the browser prefers.
  }
  const fallback = navigator.language.toLowerCase().startsWith('n') ? 'nb' : 'en';
  await initI18n(info ? (info.language ?? info.systemLanguage) : fallback);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App info={info} />
    </StrictMode>,
  );
}

void boot();
