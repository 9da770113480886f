/**
 * Surface materials of the demo world. `reflectivity` is the LiDAR return strength of a surface hit head-on
 * (0–1); `retro` surfaces (plates, signs, lamps) send light back almost regardless of incidence angle.
 * Colours are linear-ish sRGB in 0–1 for the camera renderer.
 */
export interface MaterialSpec {
  reflectivity: number;
  color: [number, number, number];
  retro: boolean;
}

export const MATERIAL = {
  asphalt: 0,
  paintWhite: 1,
  paintYellow: 2,
  curb: 3,
  sidewalk: 4,
  grass: 5,
  facade: 6,
  glass: 7,
  carPaint: 8,
  tyre: 9,
  plate: 10,
  tailLight: 11,
  bark: 12,
  foliage: 13,
  metal: 14,
  sign: 15,
  cloth: 16,
  skin: 17,
  lamp: 18,
} as const;

export type MaterialId = (typeof MATERIAL)[keyof typeof MATERIAL];

const spec = (reflectivity: number, color: [number, number, number], retro = false): MaterialSpec => ({
  reflectivity,
  color,
  retro,
});

/** Indexed by `MaterialId`. */
export const MATERIALS: readonly MaterialSpec[] = [
  spec(0.1, [0.22, 0.22, 0.23]), // asphalt
  spec(0.55, [0.85, 0.85, 0.82]), // white road paint (glass beads make it brighter than asphalt)
  spec(0.5, [0.85, 0.68, 0.15]), // yellow road paint
  spec(0.3, [0.62, 0.61, 0.58]), // curb stone
  spec(0.25, [0.55, 0.54, 0.52]), // sidewalk slabs
  spec(0.2, [0.25, 0.4, 0.18]), // grass verge
  spec(0.35, [0.6, 0.55, 0.5]), // building facade (colour varies per building)
  spec(0.06, [0.16, 0.2, 0.26]), // window and windscreen glass
  spec(0.3, [0.5, 0.5, 0.5]), // car paint (colour varies per car)
  spec(0.05, [0.05, 0.05, 0.05]), // tyres
  spec(0.95, [0.92, 0.92, 0.88], true), // retro-reflective number plates
  spec(0.8, [0.75, 0.08, 0.06], true), // tail lights (retro-reflectors behind red plastic)
  spec(0.2, [0.3, 0.22, 0.15]), // tree bark
  spec(0.15, [0.2, 0.38, 0.14]), // foliage
  spec(0.35, [0.45, 0.46, 0.48]), // metal poles
  spec(0.9, [0.85, 0.85, 0.9], true), // traffic sign faces
  spec(0.2, [0.3, 0.3, 0.4]), // clothing (colour varies per person)
  spec(0.3, [0.78, 0.6, 0.48]), // skin
  spec(0.4, [0.95, 0.93, 0.8]), // street lamp heads
];

export function materialSpec(id: number): MaterialSpec {
  return MATERIALS[id] ?? MATERIALS[MATERIAL.asphalt]!;
}
