import type { CheckId, Severity } from './finding';

/** A check's numeric settings: thresholds (one number) and size bounds ([length, width, height], metres). */
export type CheckParams = Record<string, number | readonly number[]>;

/** Settings that a profile may give for one class: on or off, its severity, its thresholds. */
export interface ClassSettings {
  enabled?: boolean;
  severity?: Severity;
  params?: CheckParams;
}

/** A check's settings in a profile; `classes` by class id (matched ignoring case, as `Car` and `car`). */
export interface CheckSettings extends ClassSettings {
  classes?: Record<string, ClassSettings>;
}

/** Which checks run and how: whatever a profile leaves out keeps its default (`DEFAULT_PROFILE`). */
export interface LintProfile {
  checks: Partial<Record<CheckId, CheckSettings>>;
}

/** What one check does for one class, every setting settled. */
export interface ResolvedSettings {
  enabled: boolean;
  severity: Severity;
  params: Record<string, number | readonly number[]>;
}

/** Size bounds of one class, [length, width, height] metres, from KITTI tracking's spread (see README.md). */
function sizes(min: readonly number[], max: readonly number[]): ClassSettings {
  return { params: { min, max } };
}

// Motion limits per kind of road user: vehicles up to motorway speeds and hard braking; people on foot turn on
// the spot, which a vehicle cannot. Each is well past what the KITTI tracking sequences hold (README.md).
/** Every class not listed in `motion` moves like a vehicle: the check-wide defaults. */
const vehicleMotion = { maxSpeed: 55, maxAccel: 15, maxYawRateDeg: 60 };
const personMotion = { maxSpeed: 8, maxAccel: 8, maxYawRateDeg: 360 };
const cycleMotion = { maxSpeed: 20, maxAccel: 8, maxYawRateDeg: 120 };
type MotionLimits = typeof vehicleMotion;
function motion(key: 'maxSpeed' | 'maxAccel' | 'maxYawRateDeg'): Record<string, ClassSettings> {
  const of = (m: MotionLimits): ClassSettings => ({ params: { [key]: m[key] } });
  return {
    pedestrian: of(personMotion),
    person: of(personMotion),
    person_sitting: of(personMotion),
    cyclist: of(cycleMotion),
    bicycle: of(cycleMotion),
    motorcycle: of({ ...cycleMotion, maxSpeed: 45 }),
  };
}

/**
 * The defaults, stated once: every check on, with the severity and thresholds README.md lists. Class entries
 * beat the check's own settings, whichever profile gives them (a profile that raises `speed.maxSpeed` for all
 * keeps the pedestrians' lower default unless it names them too).
 */
export const DEFAULT_PROFILE: LintProfile = {
  checks: {
    unknownClass: { severity: 'error' },
    attributeMissing: { severity: 'warning' },
    attributeValue: { severity: 'error' },
    attributeUnknown: { severity: 'info' },
    size: {
      severity: 'warning',
      // A class without bounds here is checked against its ontology size: half to twice each dimension.
      params: { minScale: 0.5, maxScale: 2 },
      classes: {
        car: sizes([2.5, 1.2, 1.1], [6.2, 2.4, 2.5]),
        van: sizes([3, 1.4, 1.5], [7.5, 2.6, 3.6]),
        truck: sizes([4, 1.7, 1.7], [20, 3.2, 4.6]),
        bus: sizes([6, 2.2, 2.4], [25, 3.2, 4.6]),
        trailer: sizes([2, 1.2, 1], [18, 3.2, 4.6]),
        tram: sizes([8, 2, 2.5], [60, 3.2, 4.6]),
        construction_vehicle: sizes([2.5, 1.5, 1.5], [20, 4, 6]),
        pedestrian: sizes([0.15, 0.15, 0.8], [1.6, 1.6, 2.3]),
        person: sizes([0.15, 0.15, 0.6], [1.6, 1.6, 2.3]),
        person_sitting: sizes([0.2, 0.2, 0.6], [1.6, 1.6, 1.8]),
        cyclist: sizes([1, 0.3, 1], [2.6, 1.2, 2.3]),
        bicycle: sizes([1, 0.3, 0.6], [2.6, 1.2, 2.3]),
        motorcycle: sizes([1.2, 0.4, 0.8], [3.2, 1.4, 2.3]),
      },
    },
    rigidSize: { severity: 'warning', params: { tolerance: 0.05 } },
    duplicate: { severity: 'error', params: { minIou: 0.7 } },
    overlap: {
      severity: 'warning',
      params: { maxIou: 0.1 },
      // People walking side by side touch; their boxes overlap by up to a fifth on KITTI tracking 0013.
      classes: { pedestrian: { params: { maxIou: 0.25 } }, person: { params: { maxIou: 0.25 } } },
    },
    gap: { severity: 'info', params: { maxFrames: 10 } },
    headingFlip: { severity: 'error', params: { maxTurnDeg: 90 } },
    speed: {
      severity: 'warning',
      params: { maxSpeed: vehicleMotion.maxSpeed, windowS: 0.5 },
      classes: motion('maxSpeed'),
    },
    acceleration: {
      severity: 'warning',
      params: { maxAccel: vehicleMotion.maxAccel, windowS: 0.5 },
      classes: motion('maxAccel'),
    },
    yawRate: {
      severity: 'warning',
      params: { maxYawRateDeg: vehicleMotion.maxYawRateDeg, windowS: 0.5 },
      classes: motion('maxYawRateDeg'),
    },
    points: { severity: 'warning', params: { minPoints: 1, maxRange: 80 } },
    // The ground under a box is estimated from one sweep: past about 40 m its returns are few and objects
    // dominate them (the demo drive's true boxes read 0.3–1.8 m "under" it there), so farther boxes are skipped.
    belowGround: { severity: 'warning', params: { maxDepth: 0.3, maxRange: 40 } },
    aboveGround: { severity: 'warning', params: { maxHeight: 0.5, maxRange: 40 } },
  },
};

/** The settings of one check for one class: defaults, then the profile; class entries last (see above). */
export function settingsFor(profile: LintProfile, check: CheckId, classId?: string): ResolvedSettings {
  const base = DEFAULT_PROFILE.checks[check] ?? {};
  const mine = profile.checks[check] ?? {};
  const layers: ClassSettings[] = [base, mine];
  if (classId !== undefined) layers.push(classEntry(base, classId) ?? {}, classEntry(mine, classId) ?? {});
  const out: ResolvedSettings = { enabled: true, severity: 'warning', params: {} };
  for (const layer of layers) {
    if (layer.enabled !== undefined) out.enabled = layer.enabled;
    if (layer.severity !== undefined) out.severity = layer.severity;
    Object.assign(out.params, layer.params);
  }
  return out;
}

/** Whether a check runs for any class at all (a check off for all but one class still runs). */
export function checkRuns(profile: LintProfile, check: CheckId): boolean {
  if (settingsFor(profile, check).enabled) return true;
  const classes = profile.checks[check]?.classes ?? {};
  return Object.values(classes).some((c) => c.enabled === true);
}

function classEntry(settings: CheckSettings, classId: string): ClassSettings | undefined {
  const classes = settings.classes;
  if (!classes) return undefined;
  if (classes[classId]) return classes[classId];
  const lower = classId.toLowerCase();
  const key = Object.keys(classes).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : classes[key];
}

/** A number setting (the defaults hold every one a check reads, so a missing one is a programming error). */
export function num(settings: ResolvedSettings, name: string): number {
  const v = settings.params[name];
  return typeof v === 'number' ? v : NaN;
}

/** A [length, width, height] setting, or undefined where neither the defaults nor the profile give one. */
export function vec3(settings: ResolvedSettings, name: string): readonly number[] | undefined {
  const v = settings.params[name];
  return Array.isArray(v) && v.length === 3 ? (v as readonly number[]) : undefined;
}
