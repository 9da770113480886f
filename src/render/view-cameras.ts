import { OrthographicCamera, PerspectiveCamera, Vector3 } from 'three/webgpu';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

export type ViewMode = 'orbit' | 'birdsEye';

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

  resize(width: number, height: number): void {
    const aspect = width / Math.max(1, height);
    this.orbit.aspect = aspect;
    this.orbit.updateProjectionMatrix();
    const h = this.#birdsEyeHalfHeight;
    Object.assign(this.birdsEye, { left: -h * aspect, right: h * aspect, top: h, bottom: -h });
    this.birdsEye.updateProjectionMatrix();
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
