/**
 * How fast a vehicle goes along its route over time: a start speed, then phases of constant acceleration one
 * after another (seconds, m/s²), then the last speed held. Speed never goes below zero: a vehicle that brakes to
 * a stop stays there until a phase speeds it up again. Distance and speed are pure functions of time.
 */
export interface SpeedProfile {
  /** m/s at t = 0 (and before: the vehicle came at this speed). */
  v0: number;
  phases: SpeedPhase[];
}

export interface SpeedPhase {
  duration: number;
  accel: number;
}

/** Metres travelled since t = 0, and the speed (m/s), at `t` seconds. */
export function travelAt(profile: SpeedProfile, t: number): { s: number; v: number } {
  let s = 0;
  let v = profile.v0;
  if (t <= 0) return { s: v * t, v };
  let left = t;
  for (const phase of profile.phases) {
    const d = Math.min(left, phase.duration);
    // Braking stops at zero speed, whatever is left of the phase.
    const moving = phase.accel < 0 ? Math.min(d, v / -phase.accel) : d;
    s += v * moving + (phase.accel * moving * moving) / 2;
    v = Math.max(0, v + phase.accel * moving);
    left -= d;
    if (left <= 0) return { s, v };
  }
  return { s: s + v * left, v };
}

/** The phases that take a vehicle from `from` to `to` m/s at `accel` (its magnitude, m/s²). */
export function changeSpeed(from: number, to: number, accel: number): SpeedPhase {
  return { duration: Math.abs(to - from) / accel, accel: to >= from ? accel : -accel };
}

/** Holds the speed for `duration` seconds. */
export function hold(duration: number): SpeedPhase {
  return { duration, accel: 0 };
}

/**
 * Phases for a vehicle at `v0` m/s that brakes at `decel` m/s² so as to stand still exactly `stopAt` metres on,
 * waits until `goAt` seconds, then speeds up at `accel` m/s² to `vMax`. Throws when it cannot stop in time.
 */
export function stopAndGo(
  v0: number,
  stopAt: number,
  decel: number,
  goAt: number,
  accel: number,
  vMax: number,
): SpeedPhase[] {
  const braking = (v0 * v0) / (2 * decel);
  const cruise = (stopAt - braking) / v0;
  const stoppedAt = cruise + v0 / decel;
  if (cruise < 0 || goAt < stoppedAt) {
    throw new Error(`cannot stop ${stopAt} m on from ${v0} m/s at ${decel} m/s² and go at ${goAt} s`);
  }
  return [hold(cruise), changeSpeed(v0, 0, decel), hold(goAt - stoppedAt), changeSpeed(0, vMax, accel)];
}
