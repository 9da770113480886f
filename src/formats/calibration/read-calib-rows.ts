/**
 * Reads the `key: n n n …` rows shared by KITTI's calibration files. Also accepts the colon-less form of the
 * tracking benchmark (`R_rect 0.99 …`). Rows whose values are not all numbers (`calib_time: 09-Jan-2012 …`)
 * are left out: no calibration matrix holds text.
 */
export function readCalibRows(text: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([A-Za-z_][\w]*)\s*:?\s*(.*)$/.exec(line);
    if (!match) continue;
    const fields = match[2]!.trim().split(/\s+/).filter(Boolean);
    const values = fields.map(Number);
    if (values.length === 0 || values.some((v) => !Number.isFinite(v))) continue;
    rows.set(match[1]!, values);
  }
  return rows;
}
