import type { AppInfo } from '../../../../shared/app/contract.js';
import { fileNameFor } from '../../../../shared/study/fileName.js';
import { joinPath } from '../../app/paths.js';

/** The suggested path for a new study, in the default study folder, following the title. */
export function suggestedPath(info: AppInfo, title: string): string {
  return joinPath(info.defaultStudyFolder, fileNameFor(title, info.studyFileExtension));
}
