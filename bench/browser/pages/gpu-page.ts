// First: both wrap browser APIs before three.js or the Viewer touch them.
import { runFrame } from './frame-loop';
import { takeUploads, type UploadTally } from './upload-counter';

import {
  type BufferAttribute,
  type InterleavedBuffer,
  InterleavedBufferAttribute,
  LinearSRGBColorSpace,
  PerspectiveCamera,
  StaticDrawUsage,
  Vector3,
  WebGPUCoordinateSystem,
  WebGPURenderer,
  type Usage,
} from 'three/webgpu';
import type { PointCloud } from '../../../src/core/model/point-cloud';
import { identity } from '../../../src/core/math/mat4';
import { Viewer, type Backend } from '../../../src/render/viewer';
import { cacheGet, checkCloud, fillCache, getCached, rawGetSeries } from './cache-bench';
import { readPcd } from '../../../src/formats/pointcloud/read-pcd';
import { encodePcdBinary } from '../../inputs/encode-point-files';
import { timeFirstFrame, type FirstFrameResult } from './first-frame';
import { makeLidarSweep } from '../../inputs/make-lidar-sweep';
import { RawWebGl2Points, readOnePixel } from './raw-webgl2';
import { RawWebGpuPoints } from './raw-webgpu';
import { sample, samplePair, type PageSamples } from './sample';

/** The fixed canvas of every GPU case, CSS pixels at device pixel ratio 1. */
const WIDTH = 800;
const HEIGHT = 600;
/** The Viewer's height ramp (src/render/points-layer.ts), which the raw anchors reproduce. */
const GROUND_Z = -0.3;
const TOP_Z = 3.5;
/** The Viewer's orbit camera at rest (src/render/view-cameras.ts): the orbit goes around its target. */
const TARGET = new Vector3(8, 0, 0);
const START = new Vector3(-18, -6, 14);
/** Frames per full turn of the orbit. */
const TURN = 40;

// three.js creates the renderer inside Viewer.start(): keep a handle on it for the GPU sync and the draw count.
let renderer: WebGPURenderer | undefined;
let viewerDraws = 0;
const originalInit = WebGPURenderer.prototype.init;
WebGPURenderer.prototype.init = function (this: WebGPURenderer) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the page needs the instance the Viewer made
  renderer = this;
  const render = this.render.bind(this);
  this.render = (scene, camera) => {
    viewerDraws++;
    return render(scene, camera);
  };
  return originalInit.call(this);
};

type Raw = RawWebGpuPoints | RawWebGl2Points;

interface Setup {
  viewer: Viewer;
  backend: Backend;
  raw: Raw;
  /** Waits for the Viewer's renderer's GPU work. */
  syncViewer(): Promise<void>;
}

interface Clouds {
  points: number;
  /** As the app has them: read from their files (`readPcd`: the records as they are, stride 4). */
  frames: [PointCloud, PointCloud];
  /** The same points as packed x y z, for the raw anchors. */
  packed: [Float32Array, Float32Array];
  files: [Uint8Array, Uint8Array];
}

let setup: Setup | undefined;
let clouds: Clouds | undefined;
const errors: string[] = [];

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`gpu page: ${what} first`);
  return value;
}

/** What one timed series gives back: samples, and per timed call the bytes uploaded. */
export interface GpuSeries {
  samples: PageSamples;
  uploads: UploadTally[];
}

export interface SetupInfo {
  backend: Backend;
  canvas: string;
  device: string;
  devicePixelRatio: number;
}

/** Creates the Viewer (as the app does) and the raw anchor's canvas, both 800×600, side by side, both shown. */
async function start(want: 'webgpu' | 'webgl2'): Promise<SetupInfo> {
  let left = 0;
  const place = (element: HTMLElement): void => {
    Object.assign(element.style, {
      position: 'absolute',
      left: `${left}px`,
      top: '0',
      width: `${WIDTH}px`,
      height: `${HEIGHT}px`,
    });
    left += WIDTH + 10;
    document.body.append(element);
  };
  const container = document.createElement('div');
  place(container);
  const viewer = new Viewer(container, {
    onBackend: () => {},
    onDeviceLost: () => errors.push('the Viewer lost its GPU device'),
    onError: (message) => errors.push(message),
  });
  const backend = await viewer.start(want === 'webgl2');
  if (backend !== (want === 'webgpu' ? 'WebGPU' : 'WebGL2'))
    throw new Error(`asked for ${want}, the Viewer runs ${backend}`);
  // The Viewer sizes itself from a ResizeObserver: wait until it has.
  for (let i = 0; i < 200 && viewer.size.width !== WIDTH; i++) await new Promise((r) => setTimeout(r, 10));
  const canvas = container.querySelector('canvas')!;
  const active = need(renderer, 'a renderer');
  const rawCanvas = document.createElement('canvas');
  rawCanvas.width = WIDTH;
  rawCanvas.height = HEIGHT;
  place(rawCanvas);
  const raw = want === 'webgpu' ? await RawWebGpuPoints.create(rawCanvas) : new RawWebGl2Points(rawCanvas);
  const pixel = new Uint8Array(4);
  const device = (active.backend as { device?: GPUDevice }).device;
  const gl = (active.backend as { gl?: WebGL2RenderingContext }).gl;
  const syncViewer = device
    ? () => device.queue.onSubmittedWorkDone()
    : () => {
        readOnePixel(gl!, pixel);
        return Promise.resolve();
      };
  setup = { viewer, backend, raw, syncViewer };
  return {
    backend,
    canvas: `${canvas.width}×${canvas.height}`,
    device: raw instanceof RawWebGpuPoints ? raw.adapterInfo : raw.rendererInfo,
    devicePixelRatio: window.devicePixelRatio,
  };
}

/**
 * Two different seeded sweeps of `points` (a frame switch alternates them), their PCD binary files, and the
 * clouds the app reads from those files (its records as they are).
 */
function makeClouds(points: number): void {
  clouds = undefined;
  const make = (seed: number): [PointCloud, Float32Array, Uint8Array] => {
    const sweep = makeLidarSweep(points, seed);
    const file = encodePcdBinary(sweep);
    const cloud = readPcd(file, `sweep-${seed}.pcd`);
    if (cloud.count !== points || !cloud.interleaved) throw new Error('gpu page: the sweep was not read as records');
    return [cloud, sweep.positions, file];
  };
  const [a, packedA, fileA] = make(1);
  const [b, packedB, fileB] = make(2);
  clouds = { points, frames: [a, b], packed: [packedA, packedB], files: [fileA, fileB] };
}

/** The orbit pose of frame `i`: the rest pose turned about the target's vertical axis. */
function orbitPosition(i: number, out: Vector3): Vector3 {
  const angle = (2 * Math.PI * i) / TURN;
  const dx = START.x - TARGET.x;
  const dy = START.y - TARGET.y;
  return out.set(
    TARGET.x + dx * Math.cos(angle) - dy * Math.sin(angle),
    TARGET.y + dx * Math.sin(angle) + dy * Math.cos(angle),
    START.z,
  );
}

/** The raw anchors' camera: the Viewer's orbit camera's parameters, clip z as each API wants it. */
function makeRawCamera(backend: Backend): PerspectiveCamera {
  const camera = new PerspectiveCamera(55, WIDTH / HEIGHT, 0.1, 2000);
  camera.up.set(0, 0, 1);
  if (backend === 'WebGPU') camera.coordinateSystem = WebGPUCoordinateSystem;
  camera.updateProjectionMatrix();
  return camera;
}

function viewProjection(camera: PerspectiveCamera, position: Vector3): Float32Array {
  camera.position.copy(position);
  camera.lookAt(TARGET);
  camera.updateMatrixWorld();
  const matrix = camera.projectionMatrix.clone().multiply(camera.matrixWorldInverse);
  return new Float32Array(matrix.elements);
}

/**
 * Runs a series and keeps, for every timed call, the bytes it uploaded (the tally is cut before each call,
 * outside the timing).
 */
async function series(fn: (i: number) => Promise<void>, samples: number): Promise<GpuSeries> {
  const perCall: UploadTally[] = [];
  const result = await sample(fn, {
    samples,
    before: (i) => {
      const tally = takeUploads();
      if (i > 0) perCall.push(tally);
    },
  });
  perCall.push(takeUploads());
  return { samples: result, uploads: perCall.slice(-samples) };
}

/** The Viewer's case and the raw anchor's, interleaved call by call (`samplePair`), with each call's uploads. */
export interface GpuPair {
  viewer: GpuSeries;
  raw: GpuSeries;
}

async function pairedSeries(
  viewerFn: (i: number) => Promise<void>,
  rawFn: (i: number) => Promise<void>,
  samples: number,
): Promise<GpuPair> {
  const uploads: [UploadTally[], UploadTally[]] = [[], []];
  let last: 0 | 1 | undefined;
  const cut = (): void => {
    const tally = takeUploads();
    if (last !== undefined) uploads[last].push(tally);
  };
  takeUploads();
  const [viewer, raw] = await samplePair(viewerFn, rawFn, {
    samples,
    before: (which) => {
      cut();
      last = which;
    },
  });
  cut();
  return {
    viewer: { samples: viewer, uploads: uploads[0].slice(-samples) },
    raw: { samples: raw, uploads: uploads[1].slice(-samples) },
  };
}

function checkErrors(): void {
  if (errors.length > 0) throw new Error(`the Viewer reported: ${errors.join('; ')}`);
}

/** Throws unless the Viewer drew exactly once per call since `before`. */
function checkDraws(before: number, calls: number): void {
  if (viewerDraws - before !== calls) throw new Error(`${calls} calls drew ${viewerDraws - before} frames`);
}

/**
 * Frame time while orbiting, the cloud already on the GPU. Viewer: move its orbit camera through its
 * OrbitControls (whose change event invalidates the view), run the frame's animation callbacks (the Viewer's
 * draw), wait for the GPU. Raw: the same pose's matrix, one draw, wait for the GPU. Interleaved.
 *
 * `without` takes one thing away for the series, as a diagnostic for the findings (the app is not changed):
 * `direct-output` sets the output colour space to the working one, so three.js draws straight into the canvas
 * instead of into a half-float target plus a full-screen sRGB pass; `dynamic-usage` marks the point attributes
 * StaticDrawUsage (three.js re-uploads DynamicDrawUsage attributes on every render).
 */
async function orbit(samples: number, without?: 'direct-output' | 'dynamic-usage'): Promise<GpuPair> {
  const { viewer, raw, backend, syncViewer } = need(setup, 'start()');
  const active = need(renderer, 'start()');
  const { frames, packed } = need(clouds, 'clouds()');
  viewer.setCloud(frames[0], identity());
  runFrame();
  await syncViewer();
  const rawCamera = makeRawCamera(backend);
  raw.upload(packed[0]);
  raw.draw(viewProjection(rawCamera, START), GROUND_Z, TOP_Z);
  await raw.sync();

  const colorSpace = active.outputColorSpace;
  // Usage lives on the buffer: a strided attribute's (x y z and intensity of a sweep's records) is its records'.
  const owners = Object.values(viewer.points.object.geometry.attributes).map((a) =>
    a instanceof InterleavedBufferAttribute ? a.data : a,
  );
  const attributes: (BufferAttribute | InterleavedBuffer)[] = [...new Set(owners)];
  const usages = attributes.map((a) => a.usage);
  if (without === 'direct-output') active.outputColorSpace = LinearSRGBColorSpace;
  if (without === 'dynamic-usage') for (const a of attributes) a.setUsage(StaticDrawUsage);
  try {
    const camera = viewer.cameras.orbit;
    const viewerPose = new Vector3();
    const rawPose = new Vector3();
    const drawsBefore = viewerDraws;
    let calls = 0;
    const pair = await pairedSeries(
      async (i) => {
        camera.position.copy(orbitPosition(i + 1, viewerPose));
        viewer.cameras.orbitControls.update();
        runFrame();
        calls++;
        await syncViewer();
      },
      async (i) => {
        raw.draw(viewProjection(rawCamera, orbitPosition(i + 1, rawPose)), GROUND_Z, TOP_Z);
        await raw.sync();
      },
      samples,
    );
    checkDraws(drawsBefore, calls);
    checkErrors();
    return pair;
  } finally {
    active.outputColorSpace = colorSpace;
    attributes.forEach((a, i) => a.setUsage(usages[i] as Usage));
  }
}

/**
 * A frame switch with the next cloud already in memory: the Viewer's `setCloud` and the frame it draws; raw:
 * a new vertex buffer with the points uploaded, one draw. Clouds A and B alternate, the camera stays.
 * Interleaved.
 */
async function switchPrefetched(samples: number): Promise<GpuPair> {
  const { viewer, raw, backend, syncViewer } = need(setup, 'start()');
  const { frames, packed } = need(clouds, 'clouds()');
  viewer.cameras.orbit.position.copy(START);
  viewer.cameras.orbitControls.update();
  const matrix = viewProjection(makeRawCamera(backend), START);
  const drawsBefore = viewerDraws;
  let calls = 0;
  const pair = await pairedSeries(
    async (i) => {
      viewer.setCloud(frames[i % 2]!, identity());
      runFrame();
      calls++;
      await syncViewer();
    },
    async (i) => {
      raw.upload(packed[i % 2]!);
      raw.draw(matrix, GROUND_Z, TOP_Z);
      await raw.sync();
    },
    samples,
  );
  checkDraws(drawsBefore, calls);
  checkErrors();
  return pair;
}

/** A frame switch from the cache: `FrameCache.get`, `setCloud`, the frame it draws. */
async function switchFromCache(samples: number): Promise<GpuSeries> {
  const { viewer, syncViewer } = need(setup, 'start()');
  const { points } = need(clouds, 'clouds()');
  const result = await series(async (i) => {
    viewer.setCloud(checkCloud(await getCached(i), points), identity());
    runFrame();
    await syncViewer();
  }, samples);
  checkErrors();
  return result;
}

/** File bytes to the first frame drawn (first-frame.ts), from the Viewer's resting pose. */
function firstFrame(points: number, samples: number): Promise<FirstFrameResult> {
  const { viewer, raw, backend, syncViewer } = need(setup, 'start()');
  viewer.cameras.orbit.position.copy(START);
  viewer.cameras.orbitControls.update();
  const matrix = viewProjection(makeRawCamera(backend), START);
  const drawRaw = () => raw.draw(matrix, GROUND_Z, TOP_Z);
  return timeFirstFrame({ viewer, syncViewer, raw, drawRaw }, points, samples).finally(checkErrors);
}

const api = {
  start,
  clouds: (points: number) => makeClouds(points),
  orbit,
  switchPrefetched,
  fillCache: () => fillCache(need(clouds, 'clouds()').frames),
  switchFromCache,
  firstFrame: (points: number, samples: number) => firstFrame(points, samples),
  rawGet: (samples: number) => rawGetSeries(samples, need(clouds, 'clouds()').points),
  cacheGet: (which: 'ours' | 'raw' | 'dexie', samples: number) =>
    cacheGet(which, samples, need(clouds, 'clouds()').points),
  isolated: () => crossOriginIsolated,
};
export type GpuPageApi = typeof api;
(window as unknown as { bench: GpuPageApi }).bench = api;
