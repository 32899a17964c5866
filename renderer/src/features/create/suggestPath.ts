import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/app/contract.js';
import { fileNameFor, joinPath } from '../../app/paths.js';
import { invoke } from '../../bridge/index.js';

/**
 * The suggested path for a new study, following the title. With native dialogs, asking the core
 * would open a save dialog at every keystroke, so the suggestion is made here; without them the
 * core's `dialog.chooseNewStudyFile` answers with its suggestion directly.
 */
export function useSuggestedPath(info: AppInfo, title: string, enabled: boolean): string | null {
  const local = joinPath(info.defaultStudyFolder, fileNameFor(title, info.studyFileExtension));
  const [fromCore, setFromCore] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled || info.nativeDialogs) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      invoke('dialog.chooseNewStudyFile', { suggestedName: title.slice(0, 200) })
        .then(({ path }) => !cancelled && setFromCore(path))
        .catch(() => {});
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [enabled, info.nativeDialogs, title]);
  return info.nativeDialogs ? local : (fromCore ?? local);
}
