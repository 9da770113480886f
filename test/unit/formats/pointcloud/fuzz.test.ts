import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/core/math/random';
import { readKittiBin } from '../../../../src/formats/pointcloud/read-kitti-bin';
import { readLas } from '../../../../src/formats/pointcloud/read-las';
import { readLaz } from '../../../../src/formats/pointcloud/read-laz';
import { readNuscenesBin } from '../../../../src/formats/pointcloud/read-nuscenes-bin';
import { readPcd } from '../../../../src/formats/pointcloud/read-pcd';
import { readPly } from '../../../../src/formats/pointcloud/read-ply';
import { findContractBreaks, makeByteFlips, makeTruncations, type FuzzCase, type Reader } from './fuzz-check';
import { makeLasInputs, makePcdInputs, makePlyInputs, sliceSweep, type FuzzInput } from './fuzz-inputs';
import { LAZ_FIXTURES, readLazFixture } from './laz-fixtures';
import { ABSURD_PCDS, ABSURD_PLYS, makeAbsurdLasHeaders } from './fuzz-absurd-headers';

/**
 * Every reader, fed truncated, bit-flipped and absurd inputs, must either return a valid cloud or throw a
 * FormatError that starts with the file name: no engine RangeError/TypeError, no hang, no absurd allocation.
 */
const FLIPS = 300;

async function expectContract(read: Reader, fileName: string, cases: FuzzCase[]) {
  const breaks = await findContractBreaks(read, fileName, cases);
  expect(breaks.slice(0, 10), `${breaks.length} of ${cases.length} cases broke the contract`).toEqual([]);
}

function mutate(input: FuzzInput, seed: number): FuzzCase[] {
  const flips = makeByteFlips(input.bytes, input.headerEnd, FLIPS, createRandom(seed));
  return [...makeTruncations(input.bytes, input.headerEnd), ...flips];
}

describe('fuzzing the point-cloud readers', () => {
  for (const [index, input] of makePcdInputs().entries()) {
    it(`readPcd survives truncations and byte flips of ${input.name}`, async () => {
      await expectContract(readPcd, input.name, mutate(input, 100 + index));
    });
  }

  it('readPcd survives absurd headers', async () => {
    await expectContract(readPcd, 'absurd.pcd', ABSURD_PCDS);
  });

  const kitti: FuzzInput = {
    name: '000000.bin',
    bytes: sliceSweep('kitti-object/training/velodyne/000000.bin', 300, 16),
    headerEnd: 0,
  };
  const nuscenes: FuzzInput = {
    name: 'sweep.pcd.bin',
    bytes: sliceSweep(
      'nuscenes-sample/samples/LIDAR_TOP/n015-2018-07-24-11-22-45+0800__LIDAR_TOP__1532402927647951.pcd.bin',
      300,
      20,
    ),
    headerEnd: 0,
  };
  it('readKittiBin and readNuscenesBin survive truncations and byte flips', async () => {
    await expectContract(readKittiBin, kitti.name, mutate(kitti, 200));
    await expectContract(readNuscenesBin, nuscenes.name, mutate(nuscenes, 201));
  });

  for (const [index, input] of makePlyInputs().entries()) {
    it(`readPly survives truncations and byte flips of ${input.name}`, async () => {
      await expectContract(readPly, input.name, mutate(input, 300 + index));
    });
  }

  it('readPly survives absurd headers', async () => {
    await expectContract(readPly, 'absurd.ply', ABSURD_PLYS);
  });

  for (const [index, input] of makeLasInputs().entries()) {
    it(`readLas survives truncations, byte flips and absurd headers of ${input.name}`, async () => {
      await expectContract(readLas, input.name, [...mutate(input, 400 + index), ...makeAbsurdLasHeaders(input.bytes)]);
    });
  }

  for (const [index, fixture] of [LAZ_FIXTURES[1]!, LAZ_FIXTURES[5]!].entries()) {
    it(`readLaz survives truncations, byte flips and absurd headers of ${fixture.name}`, async () => {
      const bytes = readLazFixture(fixture);
      const input = { name: `${fixture.name}.laz`, bytes, headerEnd: 600 };
      await expectContract(readLaz, input.name, [...mutate(input, 500 + index), ...makeAbsurdLasHeaders(bytes)]);
    });
  }
});
