import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FRUSTUM_VERSION } from '../../../../src/core/version';
import { buildLineage } from '../../../../src/formats/labels/build-lineage';
import { randomLabelSet } from './random-label-set';

describe('buildLineage', () => {
  it('hashes each input through the function given, and lists the ontology and the pre-label models once', async () => {
    const set = randomLabelSet(9);
    const box = set.cuboids[0]!;
    const prelabel = { kind: 'prelabel' as const, model: 'pp', version: '3', score: 0.5 };
    set.cuboids = [{ ...box, source: prelabel }, { ...box, id: 'b', source: prelabel }, { ...box, id: 'c', source: { kind: 'manual' } }]; // prettier-ignore
    const files: Record<string, Uint8Array> = {
      'a.txt': new TextEncoder().encode('abc'),
      'b/c.bin': new Uint8Array(3),
    };
    const lineage = await buildLineage({
      set,
      inputs: ['a.txt', 'b/c.bin'],
      read: async (p) => files[p]!,
      sha256: async (bytes) => createHash('sha256').update(bytes).digest('hex'),
      author: 'ann',
      time: '2024-01-01T00:00:00.000Z',
      labelVersionId: 'v9',
    });
    expect(lineage).toEqual({
      frustumVersion: FRUSTUM_VERSION,
      labelVersionId: 'v9',
      author: 'ann',
      time: '2024-01-01T00:00:00.000Z',
      inputs: [
        { path: 'a.txt', sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
        { path: 'b/c.bin', sha256: createHash('sha256').update(new Uint8Array(3)).digest('hex') },
      ],
      ontology: { id: 'general-driving', version: expect.any(Number) as number },
      prelabelModels: [{ name: 'pp', version: '3', boxes: { pending: 2, confirmed: 0, edited: 0 } }],
    });
  });
});
