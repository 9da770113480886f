import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../../../src/cli/main';
import { FRUSTUM_VERSION } from '../../../src/core/version';

const run = async (args: string[], lang = 'en_US.UTF-8') => {
  const lines: string[] = [];
  const code = await runCli(args, { lang }, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
};

describe('frustum CLI', () => {
  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(FRUSTUM_VERSION).toBe(pkg.version);
    expect(await run(['--version'])).toEqual({ code: 0, text: pkg.version });
  });

  it('prints help, in Chinese under a Chinese locale', async () => {
    expect((await run([])).text).toMatch(/Usage: frustum <command>/);
    expect((await run([])).text).toMatch(/inspect +Describe a point-cloud file or a scene folder/);
    expect((await run(['help'], 'zh_CN.UTF-8')).text).toMatch(/用法/);
  });

  it('gives the whole help in Chinese: every line the English help has, each described in Chinese', async () => {
    const english = (await run(['help'])).text.split('\n');
    const chinese = (await run(['help'], 'zh_CN.UTF-8')).text.split('\n');
    expect(chinese).toHaveLength(english.length);
    // The first line is `frustum <version>`, then a blank; every other line says something in words.
    chinese.forEach((line, i) => {
      if (english[i]!.trim() !== '' && i > 0) expect(line, english[i]).toMatch(/\p{Script=Han}/u);
    });
    // Each command keeps its name, so the help still says what to type.
    for (const command of ['help', 'version', 'inspect', 'fit', 'convert', 'validate'])
      expect(chinese.some((line) => line.trimStart().startsWith(`${command} `))).toBe(true);
  });

  it('fails with a clear message on an unknown command', async () => {
    const { code, text } = await run(['frobnicate']);
    expect(code).not.toBe(0);
    expect(text).toContain('"frobnicate"');
  });
});
