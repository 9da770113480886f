import { FormatError } from '../pointcloud/format-error';

/**
 * Reads a KITTI raw `timestamps.txt`: one `YYYY-MM-DD HH:MM:SS.fffffffff` a line, to µs since the epoch. The
 * recordings carry no time zone; they are read as UTC, which keeps every difference exact. Nanoseconds are
 * truncated to µs. Throws a `FormatError` naming the file and line.
 */
export function readKittiTimestamps(text: string, path: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*$/.exec(line);
    if (!m) throw new FormatError(path, 'expected a time like 2011-09-26 13:02:25.964389445', { code: 'kitti.timestamps.malformed', place: `line ${i + 1}` }); // prettier-ignore
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
    const fraction = Number((m[7] ?? '').padEnd(6, '0').slice(0, 6));
    out.push(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) * 1000 + fraction);
  });
  return out;
}
