import type { Page } from 'playwright-core';
import type { BenchContext } from '../lib/section';
import { launchChromium, type BrowserMode } from './launch-chromium';
import { getPageServer, type PageName } from './serve-pages';

type Method = (...args: never[]) => unknown;

/** A benchmark page open in its own Chromium; `call` runs a method of the page's `window.bench`. */
export interface PageSession<Api extends Record<string, Method>> {
  page: Page;
  call<K extends keyof Api & string>(method: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>>;
}

/**
 * Builds and serves the pages (once a run), launches Chromium for `mode` on a fresh persistent profile, opens
 * `page`, runs `body`, and closes the browser whatever happens.
 */
export async function withPage<Api extends Record<string, Method>, T>(
  context: BenchContext,
  name: PageName,
  mode: BrowserMode,
  body: (session: PageSession<Api>) => Promise<T>,
): Promise<T> {
  const server = await getPageServer(context.log);
  const browser = await launchChromium(server.urlOf(name), mode, context.gpu, context.log);
  const page = browser.page;
  const session: PageSession<Api> = {
    page,
    call: (method, ...args) =>
      page.evaluate(
        ({ method, args }) => {
          const api = (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench;
          return api[method]!(...args);
        },
        { method, args: args as unknown[] },
      ) as never,
  };
  try {
    return await body(session);
  } finally {
    await browser.close();
  }
}
