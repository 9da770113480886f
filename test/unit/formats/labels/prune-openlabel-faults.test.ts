import { describe, expect, it } from 'vitest';
import { pruneOpenLabelFaults } from '../../../../src/formats/labels/prune-openlabel-faults';

const typeFault = (place: string, expected = 'object') => ({ place, message: `must be ${expected}`, keyword: 'type', expected }); // prettier-ignore

describe('pruneOpenLabelFaults', () => {
  it('removes values of the wrong type, closing up lists of objects; indices are those before any removal', () => {
    const json = { openlabel: { metadata: { name: 5 }, list: [{}, 3, {}, null], map: { 'a/b': 1, 'c~d': 2, ok: 3 } } };
    pruneOpenLabelFaults(json, [
      typeFault('/openlabel/list/1'),
      typeFault('/openlabel/list/3'),
      typeFault('/openlabel/map/a~1b', 'array'),
      typeFault('/openlabel/map/c~0d', 'object'),
      typeFault('/openlabel/metadata/name', 'string'),
    ]);
    expect(json).toEqual({ openlabel: { metadata: {}, list: [{}, {}], map: { ok: 3 } } });
  });

  it('keeps lists of numbers whole, the file frame, and every fault that is not of type', () => {
    const val = [1, 2, 'x', 4, 5, 6, 7, 8, 9];
    const json = { openlabel: { metadata: 7, objects: { '0': { name: 'a' }, car: { val } } } };
    pruneOpenLabelFaults(json, [
      typeFault('/openlabel/metadata'),
      typeFault('/openlabel/objects/car/val/2', 'number'),
      { place: '/openlabel/objects/0', message: "must have required property 'type'", keyword: 'required' },
      { place: '/openlabel/objects/car', message: 'is not an element key', keyword: 'propertyNames' },
      typeFault('/openlabel/nothing/here'),
    ]);
    expect(json).toEqual({ openlabel: { metadata: 7, objects: { '0': { name: 'a' }, car: { val: [1, 2, 'x', 4, 5, 6, 7, 8, 9] } } } }); // prettier-ignore
  });

  it('passes over a fault inside a value already removed', () => {
    const json = { openlabel: { objects: { '0': { frame_intervals: 'all', object_data: 5 } } } };
    pruneOpenLabelFaults(json, [typeFault('/openlabel/objects/0/object_data'), typeFault('/openlabel/objects/0/object_data/cuboid', 'array')]); // prettier-ignore
    expect(json).toEqual({ openlabel: { objects: { '0': { frame_intervals: 'all' } } } });
  });
});
