import { describe, expect, it } from 'vitest';
import { mapClass, toClassId } from '../../../../src/formats/labels/map-class';

describe('mapClass', () => {
  it('maps KITTI classes, keeping others lower-cased', () => {
    expect(
      ['Car', 'Van', 'Truck', 'Pedestrian', 'Person_sitting', 'Cyclist', 'Tram', 'Misc'].map((n) =>
        mapClass('kitti', n),
      ),
    ).toEqual([
      // prettier-ignore
      { classId: 'car', known: true },
      { classId: 'car', known: true },
      { classId: 'truck', known: true },
      { classId: 'pedestrian', known: true },
      { classId: 'pedestrian', known: true },
      { classId: 'cyclist', known: true },
      { classId: 'tram', known: false },
      { classId: 'misc', known: false },
    ]);
  });

  it('maps nuScenes categories, full and mmdet3d short names, keeping the last segment of others', () => {
    const ids = (names: string[]) => names.map((n) => mapClass('nuscenes', n).classId);
    expect(ids(['vehicle.car', 'car'])).toEqual(['car', 'car']);
    expect(ids(['vehicle.truck', 'vehicle.bus.rigid', 'vehicle.bus.bendy', 'vehicle.trailer', 'vehicle.construction', 'bus', 'construction_vehicle'])).toEqual(new Array(7).fill('truck')); // prettier-ignore
    expect(ids(['human.pedestrian.adult', 'human.pedestrian.child', 'pedestrian'])).toEqual(new Array(3).fill('pedestrian')); // prettier-ignore
    expect(ids(['vehicle.bicycle', 'vehicle.motorcycle', 'bicycle'])).toEqual(new Array(3).fill('cyclist'));
    expect(mapClass('nuscenes', 'movable_object.barrier')).toEqual({ classId: 'barrier', known: false });
    expect(mapClass('nuscenes', 'traffic_cone')).toEqual({ classId: 'traffic_cone', known: false });
  });

  it('maps SUSTechPOINTS types and keeps the rest in snake_case', () => {
    const ids = ['Car', 'Van', 'Bus', 'Truck', 'Pedestrian', 'Rider', 'Motor', 'ScooterRider', 'Bicycle'].map((n) => mapClass('sustech', n).classId); // prettier-ignore
    expect(ids).toEqual(['car', 'car', 'truck', 'truck', 'pedestrian', 'cyclist', 'cyclist', 'cyclist', 'cyclist']);
    expect(mapClass('sustech', 'TrafficBarrier')).toEqual({ classId: 'traffic_barrier', known: false });
  });

  it('takes manifest ids as written and flags those outside the ontology', () => {
    expect(mapClass('manifest', 'car')).toEqual({ classId: 'car', known: true });
    expect(mapClass('manifest', 'forklift')).toEqual({ classId: 'forklift', known: false });
    expect(toClassId('Person sitting')).toBe('person_sitting');
  });
});
