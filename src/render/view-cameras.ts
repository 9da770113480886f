import { OrthographicCamera, PerspectiveCamera, Vector3 } from 'three/webgpu';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

export type ViewMode = 'orbit' | 'birdsEye';

type Vec3 = [number, number, number];

/** Where both cameras stand, to restore a view after a reload. Metres, ego frame. */
export interface CameraPose {
  /** The orbit camera's position and the point it turns about. */
  orbit: { position: Vec3; target: Vec3 };
  /** The point straight below the centre of the bird's-eye view, and its zoom (1: 60 m from top to bottom). */
  birdsEye: { target: Vec3; zoom: number };
}

/**
 * The two ways to look at a sweep. Orbit: a perspective camera behind and above the ego, rotate/pan/zoom.
 * Bird's-eye: an orthographic camera straight down with the ego's forward (+x) pointing up the screen,
 * pan and zoom only. Both live in the ego frame (z up).
 */
export class ViewCameras {
  readonly orbit = new PerspectiveCamera(55, 1, 0.1, 2000);
  readonly birdsEye = new OrthographicCamera(-1, 1, 1, -1, 0.1, 2000);
  readonly orbitControls: OrbitControls;
  readonly birdsEyeControls: OrbitControls;
  #mode: ViewMode = 'orbit';
  /** Half the visible height of the bird's-eye view, metres. */
  #birdsEyeHalfHeight = 30;

  constructor(element: HTMLElement, onChange: () => void) {
    this.orbit.up.set(0, 0, 1);
    this.orbit.position.set(-18, -6, 14);
    this.orbitControls = new OrbitControls(this.orbit, element);
    this.orbitControls.target.set(8, 0, 0);
    this.orbitControls.update();

    // Looking down −z with +x (forward) up the screen.
    this.birdsEye.up.set(1, 0, 0);
    this.birdsEye.position.set(10, 0, 200);
    this.birdsEyeControls = new OrbitControls(this.birdsEye, element);
    this.birdsEyeControls.enableRotate = false;
    this.birdsEyeControls.screenSpacePanning = true;
    this.birdsEyeControls.mouseButtons.LEFT = 2; // MOUSE.PAN
    this.birdsEyeControls.target.set(10, 0, 0);
    this.birdsEyeControls.update();

    for (const c of [this.orbitControls, this.birdsEyeControls]) c.addEventListener('change', onChange);
    this.setMode('orbit');
  }

  get mode(): ViewMode {
    return this.#mode;
  }

  get active(): PerspectiveCamera | OrthographicCamera {
    return this.#mode === 'orbit' ? this.orbit : this.birdsEye;
  }

  setMode(mode: ViewMode): void {
    this.#mode = mode;
    this.orbitControls.enabled = mode === 'orbit';
    this.birdsEyeControls.enabled = mode === 'birdsEye';
  }

  /**
   * Shows the band of rows [top, top + height) of a view `fullHeight` pixels tall (CSS pixels): when panels
   * take the lower part of the view's area, what is still shown stays where it was on screen instead of the
   * whole view being fitted again into less room.
   */
  frame(width: number, height: number, fullHeight: number, top: number): void {
    this.resize(width, fullHeight);
    for (const camera of [this.orbit, this.birdsEye]) {
      if (fullHeight > height) camera.setViewOffset(width, fullHeight, 0, top, width, height);
      else camera.clearViewOffset();
    }
  }

  /**
   * The top row for `frame` that keeps `point` (ego frame) where it is on screen if it stays in the shown band,
   * else moves the band down just far enough to show it `margin` pixels above the band's bottom.
   */
  topKeeping(point: Vector3, width: number, height: number, fullHeight: number, margin = 48): number {
    if (fullHeight <= height) return 0;
    this.frame(width, fullHeight, fullHeight, 0);
    const y = ((1 - point.clone().project(this.active).y) / 2) * fullHeight;
    return Math.round(Math.min(fullHeight - height, Math.max(0, y + margin - height)));
  }

  resize(width: number, height: number): void {
    const aspect = width / Math.max(1, height);
    this.orbit.aspect = aspect;
    this.orbit.updateProjectionMatrix();
    const h = this.#birdsEyeHalfHeight;
    Object.assign(this.birdsEye, { left: -h * aspect, right: h * aspect, top: h, bottom: -h });
    this.birdsEye.updateProjectionMatrix();
  }

  /** Calls `listener` when the user ends a move of either camera (a drag let go, a wheel step). */
  onMoved(listener: () => void): void {
    for (const c of [this.orbitControls, this.birdsEyeControls]) c.addEventListener('end', listener);
  }

  pose(): CameraPose {
    const xyz = (v: Vector3): Vec3 => [v.x, v.y, v.z];
    return {
      orbit: { position: xyz(this.orbit.position), target: xyz(this.orbitControls.target) },
      birdsEye: { target: xyz(this.birdsEyeControls.target), zoom: this.birdsEye.zoom },
    };
  }

  setPose(pose: CameraPose): void {
    this.orbit.position.set(...pose.orbit.position);
    this.orbitControls.target.set(...pose.orbit.target);
    this.orbitControls.update();
    this.birdsEye.zoom = pose.birdsEye.zoom;
    this.birdsEye.updateProjectionMatrix();
    this.lookDownAt(new Vector3(...pose.birdsEye.target));
  }

  /** Centres the bird's-eye view on an ego-frame point. */
  lookDownAt(target: Vector3): void {
    this.birdsEyeControls.target.copy(target);
    this.birdsEye.position.set(target.x, target.y, 200);
    this.birdsEyeControls.update();
  }

  dispose(): void {
    this.orbitControls.dispose();
    this.birdsEyeControls.dispose();
  }
}
