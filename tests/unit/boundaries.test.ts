import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rules that keep main, renderer and shared apart must keep refusing what they refuse. */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(import.meta.dirname, '../..', file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the boundaries between main, renderer and shared', () => {
  it('keeps Node, Electron and the DOM out of shared/', async () => {
    expect(await problems('shared/probe.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
    expect(await problems('shared/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await problems('shared/probe.ts', 'export const a = window.location;\n')).toContain('no-restricted-globals');
    expect(await problems('shared/probe.ts', 'export const a = document.title;\n')).toContain('no-restricted-globals');
  });

  it('keeps Node, Electron and main code out of the renderer', async () => {
    expect(await problems('renderer/src/probe.ts', "import path from 'path';\nexport const a = path;\n")).toContain('no-restricted-imports');
    expect(await problems('renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toContain('no-restricted-imports');
    expect(
      await problems('renderer/src/probe.ts', "import { createCore } from '../../main/core/index.js';\nexport const a = createCore;\n"),
    ).toContain('no-restricted-imports');
  });

  it('keeps Electron out of the core and the browser host', async () => {
    expect(await problems('main/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await problems('main/host/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
  });

  it('lets each side import what it may', async () => {
    expect(await problems('renderer/src/probe.ts', "import { channels } from '../../shared/contract/channels.js';\nexport const a = channels;\n")).toEqual([]);
    expect(await problems('main/core/probe.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
  });
});
