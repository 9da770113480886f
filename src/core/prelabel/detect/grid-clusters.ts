import type { Clusters } from '../../fit/label-clusters';
import type { RaisedPoints } from './above-ground';
import { axisAlignedExtent } from './measure-cluster';

/** When two points are of one object (metres, radians; x, y in the ego frame, the sensor at sensorX, sensorY). */
export interface GridTolerance {
  /** Cell edge of the bird's-eye grid: points in touching cells are neighbours (gaps under ~1–2 cells join). */
  cell: number;
  /** Largest gap along the line of sight. */
  radial: number;
  /** Largest gap across the line of sight as an angle seen from the sensor, where it exceeds the cell. */
  angular: number;
  /** Largest height gap within one object (about: heights are binned by half of it). */
  maxDz: number;
  sensorX: number;
  sensorY: number;
}

/** Height bins a column holds (one bit each); heights above the top bin fall into it. */
const BINS = 32;

/**
 * Connected components of the points on a bird's-eye grid, line-of-sight aware like `labelClusters` but linear
 * in the points with no sort (a dense wall or hedge of tens of thousands of returns costs what its cells do):
 * 1. each cell's column is a bit mask of occupied height bins (maxDz / 2 high, from the ground); runs of bins
 *    with no two empty bins between them are its segments (a canopy over a roof is a segment of its own);
 * 2. segments of touching cells join when their bins come within one empty bin; so do those of cells up to
 *    `radial` farther along the line of sight (the bumper and the boot lid behind it) and up to `angular` ×
 *    range across it (a far object's sparse returns);
 * 3. union-find over the segments gives the clusters.
 * Across the line of sight objects a cell apart may join; 2 cells apart they never do.
 */
export function gridClusters(points: RaisedPoints, tolerance: GridTolerance): Clusters {
  const n = points.count;
  const { xyz, heights } = points;
  const { cell, sensorX, sensorY } = tolerance;
  if (n === 0) return { labels: new Int32Array(0), sizes: [] };
  const { minX, minY, maxX, maxY } = axisAlignedExtent(points);
  const inv = 1 / cell;
  const binInv = 2 / tolerance.maxDz;
  const cols = Math.floor((maxX - minX) * inv) + 1;
  const rows = Math.floor((maxY - minY) * inv) + 1;
  // Only the occupied cells are worked on (a sweep's raised points fill a few percent of a 160 m square): each
  // gets a compact number through `slotOf`, a scratch table over the whole grid kept between calls and cleared
  // cell by cell afterwards, so a call allocates and visits in proportion to its points, not to the area.
  const slotOf = scratchSlots(cols * rows);

  // 1. Occupied height bins per cell, then single empty bins filled: the runs left are the segments.
  const slotOfPoint = new Int32Array(n);
  const binOf = new Uint8Array(n);
  const cellOfSlot = new Int32Array(n);
  const mask = new Uint32Array(n);
  let slots = 0;
  for (let i = 0; i < n; i++) {
    const k = Math.floor((xyz[3 * i + 1]! - minY) * inv) * cols + Math.floor((xyz[3 * i]! - minX) * inv);
    let slot = slotOf[k]!;
    if (slot < 0) {
      slot = slotOf[k] = slots++;
      cellOfSlot[slot] = k;
    }
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(heights[i]! * binInv)));
    slotOfPoint[i] = slot;
    binOf[i] = bin;
    mask[slot]! |= 1 << bin;
  }
  const segFirst = new Int32Array(slots + 1);
  let segments = 0;
  for (let c = 0; c < slots; c++) {
    segFirst[c] = segments;
    const m = mask[c]!;
    const filled = (m | ((m << 1) & (m >>> 1))) >>> 0;
    mask[c] = filled;
    segments += popcount(runStarts(filled));
  }
  segFirst[slots] = segments;
  const segMask = new Uint32Array(segments);
  for (let c = 0, s = 0; c < slots; c++) {
    // Peel the runs off from the lowest bit: the lowest set bit, plus the set bits contiguous above it.
    for (let m = mask[c]!; m !== 0; s++) {
      const low = m & -m;
      const run = (m & ~(m + low)) >>> 0;
      segMask[s] = run;
      m = (m & ~run) >>> 0;
    }
  }

  // 2. Links, each pair of cells looked at from one side only.
  const parent = new Int32Array(segments);
  for (let s = 0; s < segments; s++) parent[s] = s;
  const find = (s: number): number => {
    while (parent[s] !== s) {
      parent[s] = parent[parent[s]!]!;
      s = parent[s]!;
    }
    return s;
  };
  const link = (a: number, b: number) => {
    for (let s = segFirst[a]!, se = segFirst[a + 1]!; s < se; s++) {
      const reach = segMask[s]! | (segMask[s]! << 1) | (segMask[s]! >>> 1);
      for (let t = segFirst[b]!, te = segFirst[b + 1]!; t < te; t++) {
        if ((reach & segMask[t]!) === 0) continue;
        const ra = find(s),
          rb = find(t);
        if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
      }
    }
  };
  const linkCell = (slot: number, m: number) => {
    const other = slotOf[m]!;
    if (other >= 0 && other !== slot) link(slot, other);
  };
  const reachCell = (c: number, r: number, slot: number) => {
    const cc = Math.round(c),
      rr = Math.round(r);
    if (cc < 0 || rr < 0 || cc >= cols || rr >= rows) return;
    linkCell(slot, rr * cols + cc);
  };
  // Cells s apart hold points at least (s − 1) cells apart: s = radial / cell never joins a gap much over radial.
  const radialSteps = Math.floor(tolerance.radial * inv);
  for (let slot = 0; slot < slots; slot++) {
    const k = cellOfSlot[slot]!;
    const row = Math.floor(k / cols),
      col = k - row * cols;
    if (col + 1 < cols) linkCell(slot, k + 1);
    if (row + 1 < rows) {
      linkCell(slot, k + cols);
      if (col > 0) linkCell(slot, k + cols - 1);
      if (col + 1 < cols) linkCell(slot, k + cols + 1);
    }
    // Farther along and across the line of sight, outward and to one side (the other cell sees us back).
    const cx = minX + (col + 0.5) * cell - sensorX,
      cy = minY + (row + 0.5) * cell - sensorY;
    const range = Math.hypot(cx, cy) || 1;
    const ux = cx / range,
      uy = cy / range;
    const across = Math.floor(range * tolerance.angular * inv);
    for (let step = 2; step <= radialSteps; step++) reachCell(col + ux * step, row + uy * step, slot);
    for (let step = 2; step <= across; step++) reachCell(col - uy * step, row + ux * step, slot);
  }

  // 3. Each point's segment (its cell's runs below its bin), roots to compact labels.
  const labelOfRoot = new Int32Array(segments).fill(-1);
  const labels = new Int32Array(n);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const slot = slotOfPoint[i]!;
    const below = runStarts(mask[slot]!) & (((2 << binOf[i]!) >>> 0) - 1);
    const root = find(segFirst[slot]! + popcount(below) - 1);
    let label = labelOfRoot[root]!;
    if (label < 0) {
      label = labelOfRoot[root] = sizes.length;
      sizes.push(0);
    }
    labels[i] = label;
    sizes[label]!++;
  }
  for (let slot = 0; slot < slots; slot++) slotOf[cellOfSlot[slot]!] = -1;
  return { labels, sizes };
}

/** The cell → slot table, all −1, at least `cells` long; one per thread, reused by every call. */
let slotTable = new Int32Array(0);
function scratchSlots(cells: number): Int32Array {
  if (slotTable.length < cells) slotTable = new Int32Array(Math.max(cells, 2 * slotTable.length)).fill(-1);
  return slotTable;
}

/** The lowest bit of every run of set bits. */
function runStarts(m: number): number {
  return (m & ~(m << 1)) >>> 0;
}

function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
