import {
  Color,
  ColorManagement,
  LinearSRGBColorSpace,
  Plane,
  Raycaster,
  Scene,
  Vector2,
  Vector3,
  WebGPURenderer,
} from 'three/webgpu';
import { PointsLayer, type PointColorMode } from './points-layer';
import { TrajectoryLayer, type TrajectoryStyle } from './trajectory-layer';
import { CuboidLayer, type CuboidStyle } from './cuboid-layer';
import { RangeRings } from './ground-grid';
import { ViewCameras, type CameraPose, type ViewMode } from './view-cameras';
import type { PointCloud } from '../core/model/point-cloud';
import { pickEgoPoint } from './pick-cloud-point';
import type { Cuboid } from '../core/model/labels';
import type { Mat4 } from '../core/math/mat4';

type Vec3Tuple = [number, number, number];
import type { BoxPose } from '../core/fit/index';

export type Backend = 'WebGPU' | 'WebGL2';

export interface ViewerEvents {
  /** The renderer in use changed (first start, or a fallback after the GPU device was lost). */
  onBackend(backend: Backend): void;
  /** The GPU device was lost; the viewer is restarting on WebGL2. */
  onDeviceLost(): void;
  onError(message: string): void;
  /** A draw was submitted: what was pushed in before it is on screen now (playback waits for this). */
  onDrawn?(): void;
  /** The user ended a move of the camera (`cameraPose()` says where it is now). */
  onCameraMoved?(): void;
}

// Every colour in the 3D view is a display (sRGB) value written straight to the canvas. With colour management
// on, three.js would draw into a half-float target and add a full-screen sRGB pass to every frame, which cost
// more than a third of the frame time at 120k points; a data view gains nothing from it.
ColorManagement.enabled = false;

/** The 3D view's background, display sRGB: dark (the default) or light (for daylight or print). */
export const BACKGROUNDS = { dark: '#0b0f17', light: '#eef1f5' } as const;
export type BackgroundName = keyof typeof BACKGROUNDS;

/**
 * The 3D view: a plain class that owns the renderer, its canvas and its layers, and draws only when something
 * changed. It never reads application state; the UI pushes data in.
 */
export class Viewer {
  readonly scene = new Scene();
  readonly points = new PointsLayer();
  readonly cuboids = new CuboidLayer();
  readonly rings = new RangeRings();
  readonly trajectories = new TrajectoryLayer();
  readonly cameras: ViewCameras;
  #renderer: WebGPURenderer | undefined;
  #canvas: HTMLCanvasElement | undefined;
  #pending = false;
  #disposed = false;
  #size = { width: 1, height: 1 };
  /** The height the view's whole area has (the view itself may be shorter while panels take part of it). */
  #fullHeight = 0;
  #selected: BoxPose | undefined;
  #resizeObserver: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: ViewerEvents,
  ) {
    this.scene.background = new Color(BACKGROUNDS.dark);
    this.scene.add(
      this.rings.object,
      this.points.object,
      this.points.sprites,
      this.cuboids.object,
      this.trajectories.object,
    );
    this.cameras = new ViewCameras(container, () => this.invalidate());
    this.cameras.onMoved(() => this.events.onCameraMoved?.());
    this.#resizeObserver = new ResizeObserver(() => this.#resize());
    this.#resizeObserver.observe(container);
  }

  /** Starts on WebGPU where the browser has it, else on WebGL2; resolves with the backend really in use. */
  async start(forceWebGL = false): Promise<Backend> {
    const previous = this.#renderer;
    // Cleared before disposing, so the loss that disposing causes is not taken for a failure.
    this.#renderer = undefined;
    previous?.dispose();
    this.#canvas?.remove();
    // A canvas that held a WebGPU context cannot give a WebGL2 one: every start gets a fresh canvas.
    const canvas = document.createElement('canvas');
    canvas.className = 'viewer-canvas';
    this.container.prepend(canvas);
    this.#canvas = canvas;
    const renderer = new WebGPURenderer({ canvas, antialias: false, forceWebGL });
    renderer.outputColorSpace = LinearSRGBColorSpace;
    renderer.setPixelRatio(Math.min(2, window.devicePixelRatio));
    try {
      await renderer.init();
    } catch (error) {
      if (forceWebGL) throw error;
      return this.start(true);
    }
    this.#renderer = renderer;
    const device = (renderer.backend as { device?: GPUDevice }).device;
    if (device) {
      // three.js ignores losses with reason "destroyed", but Chromium reports exactly that when it cannot
      // present to the canvas (headless, some drivers): any loss we did not cause moves us to WebGL2.
      void device.lost.then(() => this.#onLost(renderer));
    } else {
      renderer.onDeviceLost = () => this.#onLost(renderer);
    }
    const backend: Backend = device ? 'WebGPU' : 'WebGL2';
    this.#resize();
    this.events.onBackend(backend);
    return backend;
  }

  #onLost(renderer: WebGPURenderer): void {
    if (this.#disposed || this.#renderer !== renderer) return;
    this.events.onDeviceLost();
    this.start(true).catch((error: unknown) => this.events.onError(String(error)));
  }

  setCloud(cloud: PointCloud | undefined, egoFromLidar: Mat4 | undefined): void {
    this.points.setCloud(cloud, egoFromLidar);
    this.invalidate();
  }

  setColorMode(mode: PointColorMode): void {
    this.points.setColorMode(mode);
    this.invalidate();
  }

  setCuboids(cuboids: readonly Cuboid[], styleOf: (c: Cuboid) => CuboidStyle): void {
    this.cuboids.setCuboids(cuboids, styleOf);
    this.invalidate();
  }

  /** Point size in CSS pixels (1 is the fastest path: one pixel a point). */
  /** The vehicle's and the tracks' paths through the drive (none: hidden). */
  setTrajectories(paths: readonly TrajectoryStyle[]): void {
    this.trajectories.setPaths(paths);
    this.invalidate();
  }

  setPointSize(pixels: number): void {
    this.points.setPointSize(pixels);
    this.invalidate();
  }

  setRangeRings(visible: boolean): void {
    this.rings.object.visible = visible;
    this.invalidate();
  }

  /** Background, range rings and point ramps together, so that points and rings keep their contrast. */
  setBackground(name: BackgroundName): void {
    (this.scene.background as Color).set(BACKGROUNDS[name]);
    this.rings.setLight(name === 'light');
    this.cuboids.setLight(name === 'light');
    this.points.colors.light.value = name === 'light' ? 1 : 0;
    this.invalidate();
  }

  /** The selected box (ego frame) and its class colour: uniforms only, so a drag step uploads nothing per point. */
  setSelectedBox(box: BoxPose | undefined, color: string): void {
    this.#selected = box;
    this.points.setSelectedBox(box, color);
    this.invalidate();
  }

  /** Draw the points inside the selected box in its class colour. */
  setHighlightInside(on: boolean): void {
    this.points.setHighlight(on);
    this.invalidate();
  }

  /** Draw only the selected box and the points round it (nothing changes while no box is selected). */
  setIsolate(on: boolean): void {
    this.points.setIsolate(on);
    this.cuboids.setIsolated(on);
    this.invalidate();
  }

  /** Per point, the packed class colour of its box (colour by label), or undefined when no point is in one. */
  setPointLabels(values: Float32Array | undefined): void {
    this.points.setPointLabels(values);
    this.invalidate();
  }

  cameraPose(): CameraPose {
    return this.cameras.pose();
  }

  setCameraPose(pose: CameraPose): void {
    this.cameras.setPose(pose);
    this.invalidate();
  }

  setViewMode(mode: ViewMode): void {
    this.cameras.setMode(mode);
    this.invalidate();
  }

  /** Schedules one draw on the next animation frame; repeated calls before it coalesce. */
  invalidate(): void {
    if (this.#pending || this.#disposed) return;
    this.#pending = true;
    requestAnimationFrame(() => {
      this.#pending = false;
      if (!this.#renderer || this.#disposed) return;
      this.#renderer.render(this.scene, this.cameras.active);
      this.events.onDrawn?.();
    });
  }

  /**
   * Where a click meets the ground: the ego-frame point on the horizontal plane z = `groundZ` under the pointer,
   * or undefined when the ray misses it (looking at the sky).
   */
  pickGround(clientX: number, clientY: number, groundZ = 0): [number, number, number] | undefined {
    const rect = this.container.getBoundingClientRect();
    const ndc = new Vector2(
      ((clientX - rect.left) / rect.width) * 2 - 1,
      -((clientY - rect.top) / rect.height) * 2 + 1,
    );
    const raycaster = new Raycaster();
    raycaster.setFromCamera(ndc, this.cameras.active);
    const hit = raycaster.ray.intersectPlane(new Plane(new Vector3(0, 0, 1), -groundZ), new Vector3());
    return hit ? [hit.x, hit.y, hit.z] : undefined;
  }

  /**
   * The ego-frame position of the sweep point drawn under a click (within a few pixels), or undefined where
   * none is: what an issue pinned to a point of the cloud is pinned to.
   */
  pickPoint(clientX: number, clientY: number, cloud: PointCloud, egoFromLidar: Mat4): Vec3Tuple | undefined {
    const rect = this.container.getBoundingClientRect();
    const at = { x: clientX - rect.left, y: clientY - rect.top, width: rect.width, height: rect.height };
    return pickEgoPoint(this.cameras.active, at, cloud, egoFromLidar);
  }

  /** The client (CSS pixel) position of an ego-frame point in the current view. */
  egoToClient(p: readonly [number, number, number]): [number, number] {
    const rect = this.container.getBoundingClientRect();
    const v = new Vector3(...p).project(this.cameras.active);
    return [rect.left + ((v.x + 1) / 2) * rect.width, rect.top + ((1 - v.y) / 2) * rect.height];
  }

  /**
   * The height of the area the view sits in, CSS pixels. While panels take its lower part (the side views of
   * a selected box), the view shows the top of what it would show in the whole area, so nothing moves under
   * the pointer, unless the selected box would be hidden: then just enough lower down to show it.
   */
  setFullHeight(pixels: number): void {
    if (pixels === this.#fullHeight) return;
    this.#fullHeight = pixels;
    this.#resize();
  }

  #resize(): void {
    const { clientWidth: width, clientHeight: height } = this.container;
    if (width === 0 || height === 0) return;
    const full = Math.max(height, this.#fullHeight);
    const box = this.#selected;
    // The first row of the full-height view that is shown.
    const top = box ? this.cameras.topKeeping(new Vector3(...box.position), width, height, full) : 0;
    this.#size = { width, height };
    this.#renderer?.setSize(width, height, true);
    this.cameras.frame(width, height, full, top);
    this.invalidate();
  }

  get size(): { width: number; height: number } {
    return this.#size;
  }

  dispose(): void {
    this.#disposed = true;
    const renderer = this.#renderer;
    this.#renderer = undefined;
    this.#resizeObserver.disconnect();
    this.cameras.dispose();
    this.points.dispose();
    this.cuboids.dispose();
    this.trajectories.dispose();
    this.rings.dispose();
    renderer?.dispose();
    this.#canvas?.remove();
  }
}
