import { describe, expect, it } from 'vitest';
import { SHIPPED_ONTOLOGIES, shippedOntology } from '../../../../src/core/model/shipped-ontologies';
import { classLabel, displayName, enumValueName, UNKNOWN_CLASS_COLOR } from '../../../../src/core/model/display-name';
import { checkAttributeValue } from '../../../../src/core/model/attribute-value';
import { generalDriving } from '../../../../src/core/model/default-ontology';
import type { AttributeSpec } from '../../../../src/core/model/ontology';
import { DEFAULT_SEGMENT_KINDS, segmentKindLabel, segmentKindsOf } from '../../../../src/core/model/segment-kinds';

describe('the shipped ontologies', () => {
  it('are general driving, KITTI and nuScenes, the default first', () => {
    expect(SHIPPED_ONTOLOGIES.map((o) => o.id)).toEqual(['general-driving', 'kitti', 'nuscenes']);
    expect(shippedOntology('kitti')?.classes.map((c) => c.name)).toEqual([
      ...['Car', 'Van', 'Truck', 'Pedestrian', 'Person sitting', 'Cyclist', 'Tram', 'Misc'],
    ]);
    expect(shippedOntology('nuscenes')?.classes.map((c) => c.id)).toEqual([
      ...['car', 'truck', 'bus', 'trailer', 'construction_vehicle', 'pedestrian', 'motorcycle', 'bicycle'],
      ...['traffic_cone', 'barrier'],
    ]);
    expect(shippedOntology('nope')).toBeUndefined();
  });

  it.each(SHIPPED_ONTOLOGIES.map((o) => [o.id, o] as const))(
    '%s: every class named in English and 简体中文, in its own colour, with a plausible size and a guideline in both',
    (_, o) => {
      expect(o.description, o.id).toBeTruthy();
      expect(o.descriptions?.['zh-CN'], o.id).toMatch(/\p{Script=Han}/u);
      expect(new Set(o.classes.map((c) => c.color)).size).toBe(o.classes.length);
      for (const c of o.classes) {
        expect(c.name, c.id).toBeTruthy();
        expect(c.names?.['zh-CN'], c.id).toMatch(/\p{Script=Han}/u);
        expect(c.guideline.length, c.id).toBeGreaterThan(20);
        expect(c.guidelines?.['zh-CN'], c.id).toMatch(/\p{Script=Han}/u);
        // Nothing on a road is under 20 cm or over 20 m long, and height stays under 5 m.
        expect(Math.min(...c.defaultSize), c.id).toBeGreaterThanOrEqual(0.2);
        expect(Math.max(...c.defaultSize), c.id).toBeLessThanOrEqual(20);
        expect(c.defaultSize[2], c.id).toBeLessThan(5);
        for (const a of c.attributes) {
          expect(a.names?.['zh-CN'], `${c.id}.${a.id}`).toBeTruthy();
          if (a.guideline) expect(a.guidelines?.['zh-CN'], `${c.id}.${a.id}`).toMatch(/\p{Script=Han}/u);
          if (a.kind === 'enum') for (const v of a.values) expect(a.valueNames?.[v]?.names?.['zh-CN']).toBeTruthy();
        }
      }
    },
  );

  it('KITTI judges truncation (0–1) and occlusion (0–3) per frame; nuScenes its attribute sets', () => {
    const car = shippedOntology('kitti')!.classes[0]!;
    expect(car.attributes.map((a) => [a.id, a.kind, a.dynamic])).toEqual([
      ['truncated', 'number', true],
      ['occluded', 'enum', true],
    ]);
    const nu = shippedOntology('nuscenes')!;
    const values = (id: string) =>
      nu.classes.find((c) => c.id === id)!.attributes.map((a) => a.kind === 'enum' && a.values);
    expect(values('bus')[0]).toEqual(['vehicle.moving', 'vehicle.stopped', 'vehicle.parked']);
    expect(values('bicycle')[0]).toEqual(['cycle.with_rider', 'cycle.without_rider']);
    expect(values('pedestrian')[0]).toEqual([
      'pedestrian.moving',
      'pedestrian.standing',
      'pedestrian.sitting_lying_down',
    ]);
    expect(values('barrier')).toEqual([['v0-40', 'v40-60', 'v60-80', 'v80-100']]);
  });
});

describe('display names', () => {
  const car = generalDriving.classes[0]!;

  it('shows the locale’s name, else the English name, else the id', () => {
    expect(displayName(car, 'zh-CN')).toBe('轿车');
    expect(displayName(car, 'de')).toBe('Car');
    expect(displayName({ id: 'tram' }, 'zh-CN')).toBe('tram');
  });

  it('names enum values, and shows a value without a name as written', () => {
    const occluded = car.attributes[0]!;
    expect(enumValueName(occluded, 'partly', 'zh-CN')).toBe('部分遮挡');
    expect(enumValueName(occluded, 'partly', 'en')).toBe('Partly occluded');
    expect(enumValueName(occluded, 'half', 'en')).toBe('half');
  });

  it('shows a class the ontology lacks by its id, in grey', () => {
    expect(classLabel(generalDriving, 'car', 'en')).toMatchObject({ name: 'Car', color: car.color });
    expect(classLabel(generalDriving, 'tram', 'zh-CN')).toEqual({
      name: 'tram',
      color: UNKNOWN_CLASS_COLOR,
      cls: undefined,
    });
  });
});

describe('checkAttributeValue', () => {
  const spec = (s: Partial<AttributeSpec> & Pick<AttributeSpec, 'kind'>) =>
    ({ id: 'a', dynamic: true, ...s }) as AttributeSpec;

  it('takes values of the right kind within bounds, inclusive', () => {
    expect(checkAttributeValue(spec({ kind: 'enum', values: ['x', 'y'] }), 'y')).toBeUndefined();
    expect(checkAttributeValue(spec({ kind: 'boolean' }), false)).toBeUndefined();
    expect(checkAttributeValue(spec({ kind: 'text' }), '')).toBeUndefined();
    expect(checkAttributeValue(spec({ kind: 'number', min: 0, max: 1 }), 1)).toBeUndefined();
    expect(checkAttributeValue(spec({ kind: 'number' }), -1e9)).toBeUndefined();
  });

  it('says why it refuses a value', () => {
    expect(checkAttributeValue(spec({ kind: 'enum', values: ['x'] }), 'z')).toEqual({
      kind: 'notAllowed',
      values: ['x'],
    });
    expect(checkAttributeValue(spec({ kind: 'enum', values: ['1'] }), 1)).toEqual({
      kind: 'wrongType',
      expected: 'enum',
    });
    expect(checkAttributeValue(spec({ kind: 'boolean' }), 'yes')).toEqual({ kind: 'wrongType', expected: 'boolean' });
    expect(checkAttributeValue(spec({ kind: 'text' }), true)).toEqual({ kind: 'wrongType', expected: 'text' });
    expect(checkAttributeValue(spec({ kind: 'number', min: 0, max: 1 }), -0.1)).toEqual({ kind: 'belowMin', min: 0 });
    expect(checkAttributeValue(spec({ kind: 'number', min: 0, max: 1 }), 1.5)).toEqual({ kind: 'aboveMax', max: 1 });
    expect(checkAttributeValue(spec({ kind: 'number' }), NaN)).toEqual({ kind: 'notFinite' });
  });
});

describe('segment kinds', () => {
  it('every shipped ontology offers the default kinds, named in English and 简体中文', () => {
    for (const o of SHIPPED_ONTOLOGIES) expect(segmentKindsOf(o)).toBe(DEFAULT_SEGMENT_KINDS);
    expect(DEFAULT_SEGMENT_KINDS.map((k) => k.id)).toEqual([
      ...['lane_change', 'occluded', 'braking', 'parked', 'turning', 'stopped'],
    ]);
    for (const k of DEFAULT_SEGMENT_KINDS) {
      expect(k.names?.['zh-CN'], k.id).toMatch(/\p{Script=Han}/u);
      for (const a of k.attributes) expect(a.dynamic, `${k.id}.${a.id}`).toBe(false);
    }
  });

  it('an ontology without kinds offers the defaults; a kind it lacks shows its id in grey', () => {
    const { segmentKinds: _, ...bare } = generalDriving;
    expect(segmentKindsOf(bare)).toBe(DEFAULT_SEGMENT_KINDS);
    expect(segmentKindLabel(bare, 'lane_change', 'zh-CN')).toMatchObject({ name: '变道', color: '#8b5cf6' });
    expect(segmentKindLabel(bare, 'drifting', 'en')).toEqual({
      name: 'drifting',
      color: UNKNOWN_CLASS_COLOR,
      kind: undefined,
    });
  });
});
