import { describe, expect, it } from 'vitest';
import { packColor } from '../../../src/render/point-colors';

describe('packColor', () => {
  it('packs sRGB bytes as r·65536 + g·256 + b, exact in a float32', () => {
    expect(packColor('#f59e0b')).toBe(0xf5 * 65536 + 0x9e * 256 + 0x0b);
    expect(packColor('#000000')).toBe(0);
    expect(packColor('#ffffff')).toBe(0xffffff);
    expect(Math.fround(packColor('#fffffe'))).toBe(0xfffffe);
    expect(packColor('#f90')).toBe(0xff9900);
    expect(packColor('teal')).toBe(0xffffff);
  });
});
