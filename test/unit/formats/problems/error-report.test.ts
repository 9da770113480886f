import { describe, expect, it } from 'vitest';
import { reassignFrom } from '../../../../src/core/edits/track-operations';
import type { LabelDoc } from '../../../../src/core/edits/patch';
import type { LabelRecord } from '../../../../src/core/model/labels';
import { JsonFileError } from '../../../../src/formats/json/json-file-error';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { CodedError } from '../../../../src/formats/problems/coded-error';
import { reportError } from '../../../../src/formats/problems/error-report';

describe('reportError', () => {
  it('keeps the code and values of a coded error, and its English words', () => {
    const error = new CodedError('scene.missing', 'scene s-1 is not in this browser', { scene: 's-1' });
    expect(reportError(error)).toEqual({ message: 'scene s-1 is not in this browser', code: 'scene.missing', values: { scene: 's-1' } }); // prettier-ignore
  });

  it("keeps a file's error apart: the file, the place, its own reason, and the code where it has one", () => {
    const error = new FormatError('a.txt', 'expected 15 fields', { code: 'kitti.row.columns', place: 'line 3', values: { fields: 15 } }); // prettier-ignore
    expect(reportError(error)).toEqual({ message: 'a.txt: line 3: expected 15 fields', path: 'a.txt', reason: 'expected 15 fields', place: 'line 3', code: 'kitti.row.columns', values: { fields: 15 } }); // prettier-ignore
    expect(reportError(new FormatError('b.pcd', 'truncated'))).toEqual({ message: 'b.pcd: truncated', path: 'b.pcd', reason: 'truncated' }); // prettier-ignore
  });

  it("lists a JSON file's faults one by one, with the codes of those the app words", () => {
    const error = new JsonFileError('o.json', [{ place: '/classes/0/color', message: '"red" is not a colour written #rrggbb', code: 'ontology.color.invalid', values: { value: 'red' } }, '/ needs "sample"']); // prettier-ignore
    expect(error.errors).toEqual(['o.json: /classes/0/color "red" is not a colour written #rrggbb', 'o.json: / needs "sample"']); // prettier-ignore
    expect(reportError(error)).toMatchObject({
      code: 'json.schema',
      path: 'o.json',
      faults: [
        { place: '/classes/0/color', message: '"red" is not a colour written #rrggbb', code: 'ontology.color.invalid', values: { value: 'red' } }, // prettier-ignore
        { place: '/', message: 'needs "sample"' },
      ],
    });
  });

  it('names the frames of a refused change of identity, and keeps any other error as its message', () => {
    const track = (id: string): LabelRecord => ({ type: 'track', id, sceneId: 's', classId: 'car', attributes: {}, rigid: true }); // prettier-ignore
    const box = (trackId: string, frameIndex: number): LabelRecord => ({ type: 'cuboid', id: `${trackId}@${frameIndex}`, sceneId: 's', trackId, frameIndex, position: [0, 0, 0], size: [4, 2, 1.5], yaw: 0, pitch: 0, roll: 0, attributes: {}, keyframe: true, source: { kind: 'manual' } }); // prettier-ignore
    const records = [track('a'), track('b'), box('a', 2), box('a', 3), box('b', 3)];
    const doc: LabelDoc = new Map(records.map((r) => [r.id, r]));
    let thrown: unknown;
    try {
      reassignFrom(doc, { trackId: 'a', fromFrame: 0, toTrackId: 'b' });
    } catch (error) {
      thrown = error;
    }
    expect(reportError(thrown)).toEqual({ message: 'both tracks have a box on frame 4', code: 'tracks.overlap', values: { frames: '4' } }); // prettier-ignore
    expect(reportError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toEqual({ message: 'The quota has been exceeded.' }); // prettier-ignore
    expect(reportError('plain')).toEqual({ message: 'plain' });
  });
});
