import { fnv1a32 } from '../../math/fnv1a';
import { canonicalJson } from '../../model/canonical-json';

/** The classical detector's engine version: bump it when the pipeline changes what it finds for given params. */
export const ENGINE_VERSION = '1.0.0';

/** The knobs of the classical detector (metres unless said otherwise; heights above the local ground). */
export interface ClassicParams {
  /** Points farther than this from the sensor (in x, y) are left out. */
  maxRange: number;
  /** Points at most this high are road, kerb or low vegetation. */
  minHeight: number;
  /** Points above this are canopy, signs and building fronts, never a road user's. */
  maxHeight: number;
  /** Cell of the clustering grid: objects this far apart may join, twice this far apart never do (see `gridClusters`). */
  cell: number;
  /** Largest gap along the line of sight within one object. */
  radial: number;
  /** Largest gap across the line of sight within one object, radians seen from the sensor, where over a cell. */
  angular: number;
  /** Largest height gap within one object: a canopy above a car's roof stays apart. */
  maxDz: number;
  /** Clusters with fewer points are not looked at. */
  minPoints: number;
  /**
   * A cluster too tall or too large for any class (a car under a canopy, a car against a hedge) is cut at this
   * height and looked at again, for a vehicle only.
   */
  cutHeight: number;
  /** Points at which the point-count factor of the score reaches 1 − 1/e. */
  pointsScale: number;
  /** Detections scoring less are dropped. */
  minScore: number;
}

export const CLASSIC_PARAMS: Readonly<ClassicParams> = Object.freeze({
  maxRange: 80,
  minHeight: 0.25,
  maxHeight: 4,
  cell: 0.15,
  radial: 0.8,
  angular: 0.005,
  maxDz: 0.6,
  minPoints: 8,
  cutHeight: 2.3,
  pointsScale: 25,
  minScore: 0.05,
});

/** The defaults with `overrides` laid over them (undefined values ignored). */
export function resolveParams(overrides: Partial<ClassicParams> = {}): ClassicParams {
  const out: ClassicParams = { ...CLASSIC_PARAMS };
  for (const [key, value] of Object.entries(overrides) as [keyof ClassicParams, number | undefined][]) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** 8 hex digits of the parameters' canonical JSON: two runs with different settings never share a version. */
export function hashParams(params: ClassicParams): string {
  return fnv1a32(canonicalJson(params));
}
