import { Discard, Fn, abs, max, mix, positionWorld, step, uniform, vec3, vec4 } from 'three/tsl';
import { Color, Matrix4, Vector3 } from 'three/webgpu';
import { fromPose, invertRigid } from '../core/math/mat4';
import type { BoxPose } from '../core/fit/index';
import type { PointColorMode, Vec3Node } from './point-colors';
import { toMatrix4 } from './to-matrix4';

/**
 * Which per-point test a material compiles in: none (no box selected, or nothing to show for it), the inside
 * test, or the inside test and isolation's discard. Each is its own shader, so a view without a selection pays
 * nothing for the feature (the test cost about a fifth of a frame at 1M points on a software rasterizer).
 */
export type SelectionVariant = 'off' | 'test' | 'isolate';

/** How far round the selected box isolation keeps points, metres in the box frame (x, y sideways, z up/down). */
const ISOLATE_MARGIN = new Vector3(2, 2, 1);

/**
 * The selected box as uniforms, tested per point on the GPU: its inverse pose (`boxFromEgo`) and half size. A
 * drag changes these few bytes and nothing per point, so highlighting and isolating cost the main thread
 * nothing however large the sweep.
 */
export class BoxSelection {
  readonly boxFromEgo = uniform(new Matrix4());
  /** Metres, box frame. */
  readonly halfSize = uniform(new Vector3());
  /** 1 while a box is selected. */
  readonly active = uniform(0);
  /** The selected box's class colour (display sRGB). */
  readonly color = uniform(new Color());
  /** 1: points inside the selected box are drawn in its class colour. */
  readonly highlight = uniform(1);
  /** Points farther than ISOLATE_MARGIN from the selected box are not drawn (the 'isolate' variant). */
  isolate = false;
  readonly margin = uniform(ISOLATE_MARGIN);

  /** The shader a mode needs now: switching it compiles once per mode and variant, then it is cached. */
  variantFor(mode: PointColorMode): SelectionVariant {
    if (this.active.value === 0) return 'off';
    if (this.isolate) return 'isolate';
    return this.highlight.value === 1 || mode === 'label' ? 'test' : 'off';
  }

  set(box: BoxPose | undefined, color: string): void {
    this.active.value = box ? 1 : 0;
    if (!box) return;
    const egoFromBox = fromPose(box.position, box.yaw, box.pitch ?? 0, box.roll ?? 0);
    this.boxFromEgo.value.copy(toMatrix4(invertRigid(egoFromBox)));
    this.halfSize.value.set(box.size[0] / 2, box.size[1] / 2, box.size[2] / 2);
    this.color.value.set(color);
  }

  /**
   * The final colour of a point: `base` from the colour mode, then the selected box's test. Inside it, points
   * take its class colour when highlighted, and always in label mode (lightened there when highlighted, so the
   * selection still stands out among boxes of its class). Isolated, points beyond the margin are discarded.
   */
  colorNode(mode: PointColorMode, base: Vec3Node, variant: SelectionVariant): Vec3Node {
    if (variant === 'off') return base;
    return Fn(() => {
      const local = this.boxFromEgo.mul(vec4(positionWorld, 1)).xyz;
      // Per axis, how far outside the box the point is (metres, negative inside).
      const excess = abs(local).sub(this.halfSize).toVar();
      const inside = step(max(excess.x, excess.y, excess.z), 0).mul(this.active);
      const beyond = max(excess.x.sub(this.margin.x), excess.y.sub(this.margin.y), excess.z.sub(this.margin.z));
      if (variant === 'isolate') Discard(step(0, beyond).greaterThan(0.5));
      if (mode === 'label') {
        const lit = mix(this.color, vec3(1, 1, 1), this.highlight.mul(0.35));
        return mix(base, lit, inside);
      }
      return mix(base, this.color, inside.mul(this.highlight));
    })() as Vec3Node;
  }
}
