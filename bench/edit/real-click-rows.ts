import { fitCuboidAtClick } from '../../src/core/fit/index';
import { budgetRow, FRAME_MS } from '../lib/make-time-row';
import { measure } from '../lib/measure';
import type { BenchContext, ResultRow } from '../lib/section';
import { loadRealClicks, REAL_SCENES, SHARED_DATA, type RealClick } from './real-clicks';

/** Clicks a series takes at least: every labelled object is clicked in turn, again and again, up to this. */
const MIN_CLICKS = 50;

function fitAt(click: RealClick, reuse: boolean) {
  const { sweep, x, y, classId, defaultSize } = click;
  const options = { classId, defaultSize, ...(reuse ? sweep.context : {}) };
  return fitCuboidAtClick(sweep.cloud, sweep.egoFromLidar, { x, y }, options);
}

/**
 * Fit per click on real sweeps (KITTI object, SUSTechPOINTS), at every labelled object, with the frame's ground
 * and grid index reused as the app does once the frame has landed; anchor: the same click building both. Goal:
 * our p95 within a 60 Hz frame. A scene whose data is missing is left out with a note.
 */
export async function realClickRows(context: BenchContext): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const { name, folder } of REAL_SCENES) {
    const loaded = await loadRealClicks(folder);
    if (!loaded || loaded.clicks.length === 0) {
      context.note(`edit: no labelled sweeps in ${SHARED_DATA}/${folder}; fit per click on ${name} left out.`);
      continue;
    }
    const { clicks, points } = loaded;
    let k = 0;
    let fitted = 0;
    const samples = context.quick ? 20 : Math.max(MIN_CLICKS, clicks.length);
    const ours = measure(
      () => {
        const box = fitAt(clicks[k++ % clicks.length]!, true);
        if (box) fitted++;
        return box;
      },
      { warmup: 2, samples },
    );
    const anchor = measure(() => fitAt(clicks[k++ % clicks.length]!, false), {
      warmup: 2,
      samples: context.samplesFor(points),
    });
    const sweeps = new Set(clicks.map((c) => c.sweep)).size;
    const classes = [...new Set(clicks.map((c) => c.classId))].sort().join(', ');
    rows.push(
      budgetRow(
        {
          section: 'edit',
          case: `fit per click, ${name}, at labelled objects`,
          points,
          figure: 'fitCuboidAtClick, ground + index reused',
          anchor: 'the same click building ground + index',
          ratioName: 'speed-up ×',
          note:
            `${clicks.length} labelled objects on ${sweeps} real sweeps (${classes}), clicked at their centres ` +
            `with their class; a box for ${Math.round((100 * fitted) / (ours.samples + 2))} % of clicks`,
        },
        ours,
        anchor,
        FRAME_MS,
      ),
    );
    context.log(`edit: fit per click on ${name} done`);
  }
  return rows;
}
