import { z } from 'zod';
import { defineChannel } from '../contract/define.js';

export const languages = ['nb', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const recentStudySchema = z.object({
  path: z.string(),
  /** The file's name without folder, for display. */
  fileName: z.string(),
  lastOpenedAt: z.string(),
  exists: z.boolean(),
});
export type RecentStudy = z.infer<typeof recentStudySchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  /** The newest study schema this build understands. */
  schemaVersion: z.number().int(),
  /** The language chosen in settings, or null to follow the system. */
  language: languageSchema.nullable(),
  systemLanguage: languageSchema,
  defaultStudyFolder: z.string(),
  studyFileExtension: z.string(),
  /** Whether the host can show native file dialogs (Electron can; the browser host cannot). */
  nativeDialogs: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const nothing = z.object({}).strict();
const pathOrNull = z.object({ path: z.string().nullable() });

export const appChannels = {
  'app.info': defineChannel(nothing, appInfoSchema),
  'app.setLanguage': defineChannel(z.object({ language: languageSchema.nullable() }).strict(), z.object({})),
  'recent.list': defineChannel(nothing, z.array(recentStudySchema)),
  'recent.forget': defineChannel(z.object({ path: z.string().min(1) }).strict(), z.object({})),
  'dialog.chooseNewStudyFile': defineChannel(z.object({ suggestedName: z.string().max(200) }).strict(), pathOrNull),
  'dialog.chooseStudyFile': defineChannel(nothing, pathOrNull),
  'dialog.chooseBackupFile': defineChannel(z.object({ suggestedName: z.string().max(200) }).strict(), pathOrNull),
  'dialog.chooseFolder': defineChannel(z.object({ current: z.string().optional() }).strict(), pathOrNull),
  /**
   * Where to save an export: the native save dialog, starting at the suggested file and offering the
   * format's extension. Where the host has no dialogs (the browser host) the answer is null and the
   * UI keeps its typed path.
   */
  'dialog.chooseExportFile': defineChannel(
    z
      .object({
        suggestedPath: z.string().max(4096),
        format: z.string().regex(/^[a-z0-9]{1,8}$/),
      })
      .strict(),
    pathOrNull,
  ),
  /** The user did something: the idle lock starts counting again. */
  'session.activity': defineChannel(nothing, z.object({})),
} as const;
