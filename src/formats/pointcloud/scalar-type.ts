/** The scalar types that point-cloud files store, named as in typed arrays (PCD `U 1` is `uint8`). */
export type ScalarType =
  'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64';

const SIZES: Record<ScalarType, number> = {
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
  float32: 4,
  float64: 8,
};

/** Bytes one value of `type` takes in a file. */
export function getScalarSize(type: ScalarType): number {
  return SIZES[type];
}
