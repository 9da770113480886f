/**
 * An assignment of rows to columns that maximises the summed weight (Kuhn–Munkres, "the Hungarian method";
 * Kuhn 1955, Munkres 1957), in the O(n²·m) shortest-augmenting-path form with row and column potentials.
 * Rectangular matrices are fine: the smaller side is assigned completely, so pairs of weight 0 may be in the
 * answer; callers drop the pairs they do not accept (below a threshold). Returns [row, column] pairs by row.
 */
export function maximumWeightAssignment(weights: readonly (readonly number[])[]): [number, number][] {
  const rows = weights.length,
    cols = rows === 0 ? 0 : weights[0]!.length;
  if (rows === 0 || cols === 0) return [];
  if (rows > cols) {
    // Solve the transpose, where rows ≤ columns, and turn its pairs back.
    const transposed = Array.from({ length: cols }, (_, j) => weights.map((row) => row[j]!));
    return maximumWeightAssignment(transposed)
      .map(([j, i]): [number, number] => [i, j])
      .sort((x, y) => x[0] - y[0]);
  }
  // Minimise cost = −weight. Index 0 of `colRow` and the potentials is a virtual column, as the method needs.
  const cost = (i: number, j: number) => -weights[i - 1]![j - 1]!;
  const u = new Float64Array(rows + 1),
    v = new Float64Array(cols + 1);
  const colRow = new Int32Array(cols + 1); // the row (1-based) each column holds; 0 = free
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    colRow[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    // Grow a tree of tight edges from row i until it reaches a free column, moving potentials by the least slack.
    do {
      used[j0] = 1;
      const i0 = colRow[j0]!;
      let delta = Infinity,
        j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const slack = cost(i0, j) - u[i0]! - v[j]!;
        if (slack < minv[j]!) {
          minv[j] = slack;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          const row = colRow[j]!;
          u[row] = u[row]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (colRow[j0] !== 0);
    // Flip the augmenting path back to the root.
    do {
      const j1 = way[j0]!;
      colRow[j0] = colRow[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= cols; j++) if (colRow[j]! > 0) pairs.push([colRow[j]! - 1, j - 1]);
  return pairs.sort((x, y) => x[0] - y[0]);
}
