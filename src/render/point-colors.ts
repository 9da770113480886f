import { clamp, floor, length, mix, positionWorld, step, uniform, vec3 } from 'three/tsl';
import type { Node } from 'three/webgpu';

export type PointColorMode = 'height' | 'intensity' | 'distance' | 'label';

/** TSL nodes of one value a point: a float, and a colour (display sRGB, 0–1). */
export type FloatNode = Node<'float'>;
export type Vec3Node = Node<'vec3'>;

/**
 * Packs an sRGB hex colour into one float as r·65536 + g·256 + b (0–255 each): an exact integer below 2^24, so a
 * float32 vertex attribute carries a box's class colour per point with no palette to keep in sync. The shader
 * unpacks it with floor() alone (no float modulo, which GLSL ES spells differently from WGSL).
 */
export function packColor(hex: string): number {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const value = Number.parseInt(full, 16);
  // Anything that is not #rgb or #rrggbb draws white, as an unknown outline colour would.
  return full.length === 6 && Number.isFinite(value) ? value : 0xffffff;
}

/** The value a point outside every box carries in the label attribute. */
export const NO_LABEL = -1;

/** The values every colour mode reads; changing them uploads a few bytes of uniforms, nothing per point. */
export class PointColorUniforms {
  /** Height ramp, ego z in metres: blue at the ground, warm at `topZ`. */
  readonly groundZ = uniform(-0.3);
  readonly topZ = uniform(3.5);
  /** 1 / the sweep's largest intensity: datasets differ (KITTI 0–1, nuScenes 0–255). */
  readonly intensityScale = uniform(1);
  /** Range ramp: horizontal distance from the ego origin, metres, at which it reaches its far end. */
  readonly farRange = uniform(60);
  /** 1 on a light background: ramps darken so that points keep their contrast. */
  readonly light = uniform(0);
  /** 0 while the label attribute does not describe the sweep on screen (a new sweep, no labels painted yet). */
  readonly labelsValid = uniform(0);
}

/** Display colours for a dark background and their darker twins for a light one, mixed by `u.light`. */
function forBackground(u: PointColorUniforms, onDark: Vec3Node): Vec3Node {
  return mix(onDark, onDark.mul(0.62), u.light);
}

function heightColor(u: PointColorUniforms): Vec3Node {
  const t = clamp(positionWorld.z.sub(u.groundZ).div(u.topZ.sub(u.groundZ)), 0, 1);
  const low = mix(vec3(0.42, 0.63, 0.98), vec3(0.48, 0.95, 0.7), clamp(t.mul(2), 0, 1));
  return forBackground(u, mix(low, vec3(1.0, 0.77, 0.42), clamp(t.mul(2).sub(1), 0, 1)));
}

/**
 * Dark to warm white on a dark background, light grey to deep amber on a light one. The square root spreads the
 * low end, where asphalt sits, so paint, plates and signs stand out without the road vanishing.
 */
function intensityColor(u: PointColorUniforms, intensity: FloatNode): Vec3Node {
  const i = clamp(intensity.mul(u.intensityScale), 0, 1).sqrt();
  const onDark = mix(vec3(0.1, 0.11, 0.14), vec3(1.0, 0.88, 0.55), i);
  const onLight = mix(vec3(0.7, 0.72, 0.76), vec3(0.55, 0.2, 0.0), i);
  return mix(onDark, onLight, u.light);
}

/** Near to far from the ego origin (horizontal range, metres): red, amber, green, cyan, blue. */
function distanceColor(u: PointColorUniforms): Vec3Node {
  const t = clamp(length(positionWorld.xy).div(u.farRange), 0, 1).mul(4);
  const a = mix(vec3(1.0, 0.35, 0.3), vec3(1.0, 0.78, 0.3), clamp(t, 0, 1));
  const b = mix(a, vec3(0.45, 0.95, 0.45), clamp(t.sub(1), 0, 1));
  const c = mix(b, vec3(0.3, 0.85, 0.95), clamp(t.sub(2), 0, 1));
  return forBackground(u, mix(c, vec3(0.4, 0.5, 1.0), clamp(t.sub(3), 0, 1)));
}

/** The neutral grey of points in no box, and its light-background twin. */
function unlabelledColor(u: PointColorUniforms): Vec3Node {
  return mix(vec3(0.42, 0.45, 0.5), vec3(0.66, 0.68, 0.72), u.light);
}

/** A packed class colour (see `packColor`) where the point is in a box, else the neutral grey. */
function labelColor(u: PointColorUniforms, packed: FloatNode): Vec3Node {
  const r = floor(packed.div(65536));
  const rest = packed.sub(r.mul(65536));
  const g = floor(rest.div(256));
  const b = rest.sub(g.mul(256));
  const labelled = step(0, packed).mul(u.labelsValid);
  return mix(unlabelledColor(u), vec3(r, g, b).div(255), labelled);
}

/** The base colour of a point in `mode`; `read` gives its per-point attributes (vertex or instanced). */
export function modeColor(
  mode: PointColorMode,
  u: PointColorUniforms,
  read: (name: 'intensity' | 'label') => FloatNode,
): Vec3Node {
  switch (mode) {
    case 'height':
      return heightColor(u);
    case 'intensity':
      return intensityColor(u, read('intensity'));
    case 'distance':
      return distanceColor(u);
    case 'label':
      return labelColor(u, read('label'));
  }
}
