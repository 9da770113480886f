import { describe, expect, it } from 'vitest';
import { maximumWeightAssignment } from '../../../../src/core/agreement/hungarian';
import { createRandom } from '../../../../src/core/math/random';

/** The best total by trying every injection of the smaller side into the larger (small matrices only). */
function bruteForceBest(w: number[][]): number {
  const rows = w.length,
    cols = w[0]!.length;
  const tall = rows > cols;
  const at = (i: number, j: number) => (tall ? w[j]![i]! : w[i]![j]!);
  const [n, m] = tall ? [cols, rows] : [rows, cols];
  const used = new Array<boolean>(m).fill(false);
  const walk = (i: number): number => {
    if (i === n) return 0;
    let best = -Infinity;
    for (let j = 0; j < m; j++) {
      if (used[j]) continue;
      used[j] = true;
      best = Math.max(best, at(i, j) + walk(i + 1));
      used[j] = false;
    }
    return best;
  };
  return walk(0);
}

const total = (w: number[][], pairs: [number, number][]) => pairs.reduce((s, [i, j]) => s + w[i]![j]!, 0);

describe('maximumWeightAssignment', () => {
  it('solves a hand-checked 3 × 3 case where the greedy choice is wrong', () => {
    // Greedy takes 0.9 (0,0) and is left with 0.1 + 0.1; the optimum pairs 0.8 + 0.8 + 0.5.
    const w = [
      [0.9, 0.8, 0],
      [0.8, 0.1, 0],
      [0, 0, 0.5],
    ];
    expect(maximumWeightAssignment(w)).toEqual([
      [0, 1],
      [1, 0],
      [2, 2],
    ]);
  });

  it('handles empty and rectangular matrices', () => {
    expect(maximumWeightAssignment([])).toEqual([]);
    expect(maximumWeightAssignment([[], []])).toEqual([]);
    expect(maximumWeightAssignment([[0.2, 0.7, 0.4]])).toEqual([[0, 1]]);
    expect(maximumWeightAssignment([[0.2], [0.7], [0.4]])).toEqual([[1, 0]]);
  });

  it('finds the optimum of random matrices, as brute force does', () => {
    const random = createRandom(11);
    for (let n = 0; n < 300; n++) {
      const rows = 1 + Math.floor(random() * 6),
        cols = 1 + Math.floor(random() * 6);
      // Some zeros, as similarity matrices have, and some ties.
      const w = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random() < 0.3 ? 0 : Math.round(random() * 10) / 10))); // prettier-ignore
      const pairs = maximumWeightAssignment(w);
      expect(pairs).toHaveLength(Math.min(rows, cols));
      expect(new Set(pairs.map(([i]) => i)).size).toBe(pairs.length);
      expect(new Set(pairs.map(([, j]) => j)).size).toBe(pairs.length);
      expect(total(w, pairs)).toBeCloseTo(bruteForceBest(w), 9);
    }
  });
});
