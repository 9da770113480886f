/**
 * A constant-velocity Kalman filter on the ground plane. With the same model, noise and measurements on both
 * axes, x and y share one 2×2 covariance (position, velocity), so the state is two [position, velocity] pairs
 * and one covariance: cheaper and clearer than a 4×4 filter that would compute the same numbers twice.
 * Process noise: continuous white acceleration of spectral density q, Q = q·[[dt³/3, dt²/2], [dt²/2, dt]].
 */
export interface CvState {
  x: number;
  y: number;
  vx: number;
  vy: number;
  /** Covariance of each axis: position variance, position–velocity covariance, velocity variance. */
  pp: number;
  pv: number;
  vv: number;
}

export function initialState(x: number, y: number, positionSigma: number, speedSigma: number): CvState {
  return { x, y, vx: 0, vy: 0, pp: positionSigma ** 2, pv: 0, vv: speedSigma ** 2 };
}

export function predict(s: CvState, dt: number, q: number): CvState {
  return {
    x: s.x + s.vx * dt,
    y: s.y + s.vy * dt,
    vx: s.vx,
    vy: s.vy,
    pp: s.pp + 2 * s.pv * dt + s.vv * dt * dt + (q * dt ** 3) / 3,
    pv: s.pv + s.vv * dt + (q * dt * dt) / 2,
    vv: s.vv + q * dt,
  };
}

/** Update with a measured centre of variance r². */
export function update(s: CvState, zx: number, zy: number, r2: number): CvState {
  const innovation = s.pp + r2;
  const kp = s.pp / innovation,
    kv = s.pv / innovation;
  const ex = zx - s.x,
    ey = zy - s.y;
  return {
    x: s.x + kp * ex,
    y: s.y + kp * ey,
    vx: s.vx + kv * ex,
    vy: s.vy + kv * ey,
    pp: s.pp - s.pp * kp,
    pv: s.pv - s.pp * kv,
    vv: s.vv - s.pv * kv,
  };
}

/** One step of a filtering pass: the prediction to this step and the state after its measurement (if any). */
export interface FilterStep {
  dt: number;
  predicted: CvState;
  filtered: CvState;
}

/**
 * Filters a sequence of steps (a measurement or none on each), then smooths it backwards (Rauch–Tung–Striebel):
 * every step's state then uses all measurements, before and after. Gaps are filled by the model's motion
 * between both ends. Returns the smoothed states.
 */
export function smoothSequence(
  dts: readonly number[],
  measurements: readonly ({ x: number; y: number } | undefined)[],
  q: number,
  r2: number,
  speedSigma: number,
): CvState[] {
  const first = measurements[0]!;
  const steps: FilterStep[] = [];
  let s = initialState(first.x, first.y, Math.sqrt(r2), speedSigma);
  steps.push({ dt: 0, predicted: s, filtered: s });
  for (let k = 1; k < measurements.length; k++) {
    const predicted = predict(s, dts[k]!, q);
    const z = measurements[k];
    s = z ? update(predicted, z.x, z.y, r2) : predicted;
    steps.push({ dt: dts[k]!, predicted, filtered: s });
  }
  const out = new Array<CvState>(steps.length);
  out[steps.length - 1] = steps[steps.length - 1]!.filtered;
  for (let k = steps.length - 2; k >= 0; k--) {
    const f = steps[k]!.filtered,
      next = steps[k + 1]!,
      p = next.predicted,
      sn = out[k + 1]!;
    const dt = next.dt;
    // Gain C = P_f · Fᵀ · P_p⁻¹ for F = [[1, dt], [0, 1]].
    const a = f.pp + f.pv * dt,
      b = f.pv,
      c = f.pv + f.vv * dt,
      d = f.vv;
    const det = p.pp * p.vv - p.pv * p.pv;
    if (!(det > 1e-18)) {
      out[k] = f;
      continue;
    }
    const i00 = p.vv / det,
      i01 = -p.pv / det,
      i11 = p.pp / det;
    const c00 = a * i00 + b * i01,
      c01 = a * i01 + b * i11,
      c10 = c * i00 + d * i01,
      c11 = c * i01 + d * i11;
    const dx = sn.x - p.x,
      dvx = sn.vx - p.vx,
      dy = sn.y - p.y,
      dvy = sn.vy - p.vy;
    out[k] = {
      ...f,
      x: f.x + c00 * dx + c01 * dvx,
      vx: f.vx + c10 * dx + c11 * dvx,
      y: f.y + c00 * dy + c01 * dvy,
      vy: f.vy + c10 * dy + c11 * dvy,
    };
  }
  return out;
}
