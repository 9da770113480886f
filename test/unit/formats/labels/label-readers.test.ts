import { describe, expect, it } from 'vitest';
import { readNuscenesBoxes } from '../../../../src/formats/labels/nuscenes-boxes';
import { readSustechLabels } from '../../../../src/formats/labels/sustech-labels';

describe('readSustechLabels', () => {
  it('reads psr objects, obj_id as text', () => {
    const text = '[{"obj_id": 4, "obj_type": "Car", "psr": {"position": {"x": 1, "y": 2, "z": 3}, "scale": {"x": 4, "y": 2, "z": 1.5}, "rotation": {"x": 0.1, "y": 0, "z": 1}}}]'; // prettier-ignore
    expect(readSustechLabels(text, 'l.json')).toEqual([
      { objId: '4', objType: 'Car', position: [1, 2, 3], scale: [4, 2, 1.5], rotation: [0.1, 0, 1] },
    ]);
  });

  it('names the file and the object at fault', () => {
    expect(() => readSustechLabels('{}', 'l.json')).toThrow('l.json: expected an array of objects');
    expect(() => readSustechLabels('[{"obj_id": "1", "obj_type": "Car", "psr": {}}]', 'l.json')).toThrow('l.json: [0].psr.position must have numeric x, y, z'); // prettier-ignore
  });
});

describe('readNuscenesBoxes', () => {
  it('reads boxes and their validity, naming a malformed one', () => {
    const boxes = readNuscenesBoxes([{ category: 'car', center: [1, 2, 3], size_lwh: [4, 2, 1.5], yaw: 0.5, valid: false }], 'j'); // prettier-ignore
    expect(boxes).toEqual([{ category: 'car', center: [1, 2, 3], sizeLwh: [4, 2, 1.5], yaw: 0.5, valid: false }]);
    expect(() => readNuscenesBoxes([{ category: 'car', center: [1, 2], size_lwh: [1, 1, 1], yaw: 0 }], 'j')).toThrow('j: boxes_lidar[0].center must be 3 numbers'); // prettier-ignore
  });

  it("keeps a box's instance token where the file has one", () => {
    const token = 'e91afa15647c4c4994f19aeb302c7179';
    const [box] = readNuscenesBoxes([{ category: 'car', center: [1, 2, 3], size_lwh: [4, 2, 1.5], yaw: 0.5, instance_token: token }], 'j'); // prettier-ignore
    expect(box!.instanceToken).toBe(token);
  });
});
