import { afterAll, describe, expect, inject, it } from 'vitest';
import { Profile } from './launch';
import { openApp } from './app-flow';

describe('language', () => {
  const profile = new Profile('WebGL2');
  afterAll(() => profile.dispose());

  it('switches to 简体中文 from the status bar and remembers it after a reload', async () => {
    const page = await profile.open();
    await openApp(page, inject('baseURL'), 'WebGL2');
    expect(await page.getByTestId('backend').textContent()).toBe('Renderer: WebGL2');
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('backend').textContent()).toBe('渲染器：WebGL2');
    expect(await page.getByTestId('view-birds-eye').textContent()).toBe('鸟瞰');
    await page.reload();
    await openApp(page, inject('baseURL'), 'WebGL2');
    expect(await page.getByTestId('backend').textContent()).toBe('渲染器：WebGL2');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
});
