import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { languageSchema, type Language, type RecentStudy } from '../../../shared/app/contract.js';

/**
 * The app's own settings, outside any study: the language and the list of recent studies.
 * This file is plaintext, so it holds only file paths and times: never a study's title or contents.
 */
const appSettingsSchema = z.object({
  language: languageSchema.nullable().default(null),
  recent: z.array(z.object({ path: z.string(), lastOpenedAt: z.string() })).default([]),
});
type AppSettingsData = z.infer<typeof appSettingsSchema>;

const maximumRecent = 10;

export class AppSettings {
  private data: AppSettingsData;
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'settings.json');
    this.data = this.load();
  }

  get language(): Language | null {
    return this.data.language;
  }

  setLanguage(language: Language | null): void {
    this.data = { ...this.data, language };
    this.save();
  }

  recent(): RecentStudy[] {
    return this.data.recent.map((entry) => ({
      path: entry.path,
      fileName: path.basename(entry.path),
      lastOpenedAt: entry.lastOpenedAt,
      exists: fs.existsSync(entry.path),
    }));
  }

  rememberOpened(file: string, at = new Date()): void {
    const recent = [{ path: file, lastOpenedAt: at.toISOString() }, ...this.data.recent.filter((entry) => entry.path !== file)];
    this.data = { ...this.data, recent: recent.slice(0, maximumRecent) };
    this.save();
  }

  forget(file: string): void {
    this.data = { ...this.data, recent: this.data.recent.filter((entry) => entry.path !== file) };
    this.save();
  }

  private load(): AppSettingsData {
    try {
      return appSettingsSchema.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch {
      // Missing or unreadable: start afresh. Nothing in this file is precious.
      return appSettingsSchema.parse({});
    }
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
  }
}
