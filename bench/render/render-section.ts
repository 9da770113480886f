import { forEachBackend, gpuSamplesFor, SYNC_NOTE, uploadStats } from '../browser/gpu-session';
import type { GpuSeries } from '../browser/pages/gpu-page';
import { atMost, type Goal } from '../lib/goal';
import { makeTimeRow } from '../lib/make-time-row';
import { summarize } from '../lib/measure';
import type { ResultRow, Section } from '../lib/section';

const LOWER = '× anchor (lower is better)';

/** PERFORMANCE.md: a frame ≤ 1.5× a raw point draw at 120k points, ≤ 1.25× at 1M; it sets none in between. */
function frameGoal(points: number): Goal | undefined {
  if (points === 120_000) return atMost(1.5);
  if (points === 1_000_000) return atMost(1.25);
  return undefined;
}

const NO_UPLOADS: Goal = { text: 'max = 0 B', isMet: (max) => max === 0 };

function uploadRows(points: number, backend: string, viewer: GpuSeries, raw: GpuSeries, rawName: string): ResultRow[] {
  const ours = uploadStats(viewer.uploads);
  const anchor = uploadStats(raw.uploads);
  const base = { section: 'render', case: `orbit, ${backend}`, points, unit: 'B/frame' as const, anchor: rawName };
  return [
    {
      ...base,
      figure: 'bytes uploaded / frame, all but uniforms',
      p50: ours.data.p50,
      p95: ours.data.p95,
      anchorP50: anchor.data.p50,
      anchorP95: anchor.data.p95,
      ratioName: 'bytes (no ratio: goal is none)',
      ratio: Number.NaN,
      ratioP95: Number.NaN,
      goal: NO_UPLOADS,
      met: NO_UPLOADS.isMet(ours.dataMax),
      judged: ours.dataMax,
      note:
        `vertex/index/storage buffers and textures; max ${ours.dataMax} B over ${viewer.uploads.length} frames` +
        (ours.dataMax > 0 ? ` (${(ours.dataMax / points).toFixed(1)} B/pt): ${ours.dataNames} a frame` : ''),
    },
    {
      ...base,
      figure: 'uniform bytes uploaded / frame',
      p50: ours.uniform.p50,
      p95: ours.uniform.p95,
      anchorP50: anchor.uniform.p50,
      anchorP95: anchor.uniform.p95,
      ratioName: LOWER,
      ratio: ours.uniform.p50 / anchor.uniform.p50,
      ratioP95: ours.uniform.p95 / anchor.uniform.p95,
      goal: undefined,
      met: undefined,
      note: `ours: ${ours.uniformNames}; raw: ${anchor.uniformNames}`,
    },
  ];
}

export const renderSection: Section = {
  name: 'render',
  summary:
    'Chromium: frame time while orbiting, our Viewer vs a raw WebGPU / WebGL2 point draw; bytes uploaded a frame',
  usesGpu: true,
  notes: [
    "render: each sample moves the orbit camera through the Viewer's OrbitControls, runs the frame's " +
      "requestAnimationFrame callbacks (the Viewer's draw and three.js's own loop; the page holds them so that no " +
      'vsync wait is timed) and waits for the GPU. The raw anchor draws the same points (x y z float32, coloured by ' +
      'height in the shader, 1 px points, depth test) from the same pose on its own 800×600 canvas.',
    SYNC_NOTE,
    'Uploads are counted by wrapping GPUQueue.writeBuffer/writeTexture, GPUDevice.createBuffer(mappedAtCreation) ' +
      'and WebGL2 bufferData/bufferSubData/texImage*/texSubImage* before the app runs; uniform buffers (camera and ' +
      'object matrices) are reported apart. The raw WebGL2 anchor sets its matrix with uniformMatrix4fv, which is ' +
      'not a buffer upload.',
  ],
  async run(context) {
    return forEachBackend(context, 'render', async (session, _backend, info) => {
      const rows: ResultRow[] = [];
      const rawName = info.backend === 'WebGPU' ? 'raw WebGPU point-list draw' : 'raw WebGL2 gl.POINTS draw';
      for (const points of context.sizes) {
        const samples = gpuSamplesFor(points, context.quick);
        await session.call('clouds', points);
        const { viewer, raw } = await session.call('orbit', samples);
        const ours = summarize(viewer.samples.times);
        const anchor = summarize(raw.samples.times);
        context.log(
          `render ${info.backend} ${points} points: Viewer p50 ${ours.p50.toFixed(1)} ms, raw ${anchor.p50.toFixed(1)} ms`,
        );
        const goal = frameGoal(points);
        const spec = {
          section: 'render',
          case: `orbit, ${info.backend}`,
          points,
          figure: 'Viewer frame (camera move → GPU done)',
          anchor: rawName,
          ratioName: LOWER,
          ratioOf: 'ours/anchor' as const,
        };
        rows.push(
          makeTimeRow(
            { ...spec, ...(goal ? { goal } : {}), note: `${samples} frames a case, interleaved` },
            ours,
            anchor,
          ),
          ...uploadRows(points, info.backend, viewer, raw, rawName),
        );
        if (points === context.sizes[0]) {
          // Diagnostics, smallest size only: the same orbit with one cost of ours taken away.
          const direct = await session.call('orbit', samples, 'direct-output');
          const staticUsage = await session.call('orbit', samples, 'dynamic-usage');
          const staticUploads = uploadStats(staticUsage.viewer.uploads);
          rows.push(
            makeTimeRow(
              {
                ...spec,
                figure: 'diagnostic: same, no sRGB output pass',
                note: 'outputColorSpace = working space for this series only: no half-float target + full-screen pass',
              },
              summarize(direct.viewer.samples.times),
              summarize(direct.raw.samples.times),
            ),
            makeTimeRow(
              {
                ...spec,
                figure: 'diagnostic: same, points StaticDrawUsage',
                note:
                  'point attributes set to StaticDrawUsage for this series only; non-uniform bytes a frame then: ' +
                  `p50 ${staticUploads.data.p50}, max ${staticUploads.dataMax}`,
              },
              summarize(staticUsage.viewer.samples.times),
              summarize(staticUsage.raw.samples.times),
            ),
          );
        }
      }
      return rows;
    });
  },
};
