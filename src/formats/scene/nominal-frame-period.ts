/**
 * 100 ms, µs: the sweep period of the 10 Hz spinning LiDARs of KITTI and SUSTechPOINTS. Layouts without
 * timestamps place their frames on this grid (by index or by frame number) so that time still orders them.
 */
export const NOMINAL_FRAME_PERIOD_US = 100_000;
