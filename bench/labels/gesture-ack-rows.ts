import type { Page } from 'playwright-core';
import { withPage, type PageSession } from '../browser/page-session';
import type { AppPageApi, GestureAck } from '../browser/pages/app-page';
import { egoToClient, storedCuboids, targetCar } from '../../test/browser/app-flow';
import { budgetRow } from '../lib/make-time-row';
import { summarize } from '../lib/measure';
import type { BenchContext, ResultRow } from '../lib/section';

/** A held key repeats about 30 times a second; a mouse reports a move every frame at 60 Hz. */
const KEY_REPEAT_MS = 33;
const POINTER_MOVE_MS = 16;
/** Steps of one gesture: a key pressed and repeated three times, a drag of eight moves (5 px each). */
const KEY_STEPS = 4;
const DRAG_MOVES = 8;
const DRAG_STEP_PX = 5;
const WARMUP = 2;

type Session = PageSession<AppPageApi>;

/** The app on the demo drive, drawn (WebGL2, headless), with a box fitted on a car and selected. */
async function openWithABox(page: Page): Promise<void> {
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=point-count]')?.textContent?.replace(/[^\d]/g, '')) > 50_000,
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  await page.getByTestId('view-birds-eye').click();
  const [x, y] = await egoToClient(page, targetCar().position);
  await page.keyboard.press('n');
  await page.mouse.click(x, y);
  await page.getByTestId('box-panel').waitFor();
}

/** The one gesture that ended since `reset`, once the page acknowledged every edit made before its end. */
async function ackOfGesture(session: Session): Promise<GestureAck> {
  const handle = await session.page.waitForFunction(
    () => (window as unknown as { bench: AppPageApi }).bench.acks(),
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  const acks = (await handle.jsonValue())!;
  if (acks.length !== 1) throw new Error(`expected one gesture, the page saw ${acks.length}`);
  // A drag that missed the box pans the view: it would time nothing.
  if (acks[0]!.edits === 0) throw new Error(`a ${acks[0]!.kind} gesture edited nothing`);
  return acks[0]!;
}

/** `W` then `S` (5 cm forward, back) held for KEY_STEPS steps at the repeat rate, let go right after the last. */
async function keyGesture(session: Session, i: number): Promise<GestureAck> {
  const key = i % 2 === 0 ? 'w' : 's';
  await session.call('reset');
  for (let step = 0; step < KEY_STEPS; step++) {
    if (step > 0) await session.page.waitForTimeout(KEY_REPEAT_MS);
    await session.page.keyboard.down(key);
  }
  await session.page.keyboard.up(key);
  return ackOfGesture(session);
}

/** A drag of the selected box in the bird's-eye view, right then back left, let go right after the last move. */
async function dragGesture(session: Session, i: number): Promise<GestureAck> {
  const { page } = session;
  const [box] = await storedCuboids(page);
  const [x, y] = await egoToClient(page, box!.position);
  const dx = (i % 2 === 0 ? 1 : -1) * DRAG_STEP_PX;
  await page.mouse.move(x, y);
  await session.call('reset');
  await page.mouse.down();
  for (let move = 1; move <= DRAG_MOVES; move++) {
    await page.waitForTimeout(POINTER_MOVE_MS);
    await page.mouse.move(x + dx * move, y);
  }
  await page.mouse.up();
  return ackOfGesture(session);
}

interface Series {
  acks: GestureAck[];
  anchor: number[];
}

/** Gestures one after another, each followed by the anchor's raw add of the record its last step stored. */
async function series(
  session: Session,
  samples: number,
  gesture: (s: Session, i: number) => Promise<GestureAck>,
): Promise<Series> {
  const out: Series = { acks: [], anchor: [] };
  for (let i = -WARMUP; i < samples; i++) {
    const ack = await gesture(session, i);
    const raw = await session.call('rawAdd');
    if (i < 0) continue;
    out.acks.push(ack);
    out.anchor.push(raw);
  }
  return out;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/** What the figure rests on: writes left at the gesture's end, and the main-thread work (redraws) around them. */
function gestureNote(acks: GestureAck[]): string {
  const pending = acks.map((a) => a.pendingAtEnd);
  const early = acks.filter((a) => a.pendingAtEnd === 0).length;
  const tasks = acks.flatMap((a) => a.longTasks);
  return (
    `${median(acks.map((a) => a.edits))} edits a gesture; writes pending at its end: median ${median(pending)}, ` +
    `max ${Math.max(...pending)}; ${early} of ${acks.length} stored before it ended (0 ms); main-thread tasks ` +
    `> 50 ms meanwhile: ${(tasks.length / acks.length).toFixed(1)} a gesture, median ${median(tasks).toFixed(0)} ms`
  );
}

/**
 * How long an edit takes from the end of a gesture (key up, pointer up) until the page acknowledges it stored:
 * the status bar's `data-stored` counts it, which it does only once the journal append's transaction has
 * committed. The whole app, driven by Playwright's keyboard and mouse as the browser tests drive it.
 */
export async function gestureAckRows(context: BenchContext): Promise<ResultRow[]> {
  const samples = context.quick ? 20 : 30;
  return withPage<AppPageApi, ResultRow[]>(context, 'app', 'plain', async (session) => {
    await openWithABox(session.page);
    context.log('labels: the app is open with a box; timing gestures');
    const keys = await series(session, samples, keyGesture);
    const drags = await series(session, samples, dragGesture);
    const base = {
      section: 'labels',
      case: 'the app on the demo drive, WebGL2 headless',
      points: 0,
      anchor: 'raw IDB add, same record',
      ratioName: '× anchor (lower is better)',
      ratioOf: 'ours/anchor' as const,
    };
    const ms = (s: Series) => summarize(s.acks.map((a) => a.ms));
    return [
      budgetRow(
        {
          ...base,
          figure: `key up → edit acknowledged stored (${KEY_STEPS} steps held at ${KEY_REPEAT_MS} ms)`,
          note: gestureNote(keys.acks),
        },
        ms(keys),
        summarize(keys.anchor),
      ),
      budgetRow(
        {
          ...base,
          figure: `pointer up → drag acknowledged stored (${DRAG_MOVES} moves at ${POINTER_MOVE_MS} ms)`,
          note: gestureNote(drags.acks),
        },
        ms(drags),
        summarize(drags.anchor),
      ),
    ];
  });
}
