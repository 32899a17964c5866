/**
 * What the benches that drive the core share: the module hooks that let Node load the core's
 * TypeScript, and a fresh encrypted study in a temp folder to measure in.
 *
 * Node's type stripping neither maps the core's `.js` import specifiers to its `.ts` files nor
 * accepts parameter properties (`constructor(readonly db: …)`), so two module hooks do that:
 * resolve `./x.js` to `./x.ts`, and load the core's `.ts` files through TypeScript's transform mode.
 * They are registered when this module is imported, so a bench imports it first (statically) and
 * the core afterwards (with `await import(…)`).
 */
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as CoreModule from '../../main/core/index.js';
import type { Core } from '../../main/core/index.js';

export * from './figures.ts';

module.registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
    const source = fs.readFileSync(new URL(url), 'utf8');
    return { format: 'module', source: module.stripTypeScriptTypes(source, { mode: 'transform' }), shortCircuit: true };
  },
});

/** A temp folder `gw-bench-<name>-…`; the caller removes it (`removeFolder`) when done. */
export const tempFolder = (name: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `gw-bench-${name}-`));

export const removeFolder = (folder: string): void => fs.rmSync(folder, { recursive: true, force: true });

export type { Core };

export interface BenchStudy {
  folder: string;
  core: Core;
  /** A channel through the core's router (validation included); an error answer throws. */
  call<T = unknown>(channel: string, input: unknown): Promise<T>;
  /** Shuts the core down and removes the temp folder with the study in it. */
  close(): void;
}

/**
 * A core with a new, empty encrypted study open, in a temp folder of its own. Close it in a
 * `finally`, so the study file does not outlive the bench.
 */
export async function openBenchStudy(name: string, passphrase: string): Promise<BenchStudy> {
  const { createCore } = (await import('../../main/core/index.js')) as typeof CoreModule;
  const folder = tempFolder(name);
  const core = createCore({ appVersion: 'bench', userDataDir: path.join(folder, 'userData'), defaultStudyFolder: folder, systemLanguage: 'nb', dialogs: null });
  const close = () => {
    core.shutdown();
    removeFolder(folder);
  };
  async function call<T>(channel: string, input: unknown): Promise<T> {
    const result = await core.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }
  try {
    await call('study.create', { title: 'Benk', path: path.join(folder, 'Benk.groundwork'), passphrase });
  } catch (error) {
    close();
    throw error;
  }
  return { folder, core, call, close };
}
