import { describe, expect, it } from 'vitest';
import { nextTrackNumber, shortIds, trackDisplayNames, type NamedTrack } from '../../../../src/core/model/track-names';

const NAMES: Record<string, string> = { car: 'Car', truck: 'Truck', pedestrian: 'Pedestrian' };
const className = (id: string) => NAMES[id] ?? id;
const t = (id: string, classId = 'car', extra: Partial<NamedTrack> = {}): NamedTrack => ({ id, classId, ...extra });
const shown = (tracks: NamedTrack[]) => Object.fromEntries(trackDisplayNames(tracks, className));

describe('trackDisplayNames', () => {
  it('numbers tracks with no name or dataset id per class, in natural id order (t-2 before t-10)', () => {
    const tracks = [t('s-t-10'), t('s-t-2', 'truck'), t('s-t-1'), t('s-t-3'), t('s-t-0', 'pedestrian')];
    expect(shown(tracks)).toEqual({
      's-t-0': 'Pedestrian 1',
      's-t-1': 'Car 1',
      's-t-2': 'Truck 1',
      's-t-3': 'Car 2',
      's-t-10': 'Car 3',
    });
  });

  it("shows the track's own name first, then the dataset's id, a long one by its shortest distinct prefix", () => {
    const tracks = [
      t('a', 'car', { externalId: '12' }),
      t('b', 'car', { externalId: '3f9a2c1e-77b0-4c1d-9e2a-1a2b3c4d5e6f' }),
      t('c', 'truck', { externalId: '3f9a2c7b-0d41-4e8a-b2c9-6f5e4d3c2b1a' }),
      t('d', 'car', { externalId: 'e0b3f1c2a9d84b7f8c6e5d4c3b2a1f00' }),
      t('e', 'car', { name: 'Blue van', externalId: '7' }),
    ];
    expect(shown(tracks)).toEqual({
      a: 'Car 12',
      b: 'Car 3f9a2c1…',
      c: 'Truck 3f9a2c7…',
      d: 'Car e0b3f1…',
      e: 'Blue van',
    });
  });

  it('gives every track a different name: numbers skip names shown by dataset ids, repeats get (2)', () => {
    const tracks = [t('a', 'car', { externalId: '1' }), t('b'), t('c', 'car', { name: 'Car 2' }), t('d'), t('e', 'car', { name: 'Car 2' })]; // prettier-ignore
    const names = shown(tracks);
    expect(names).toEqual({ a: 'Car 1', b: 'Car 3', c: 'Car 2', d: 'Car 4', e: 'Car 2 (2)' });
    expect(new Set(Object.values(names)).size).toBe(tracks.length);
  });

  it('keeps a stored number while others come and go, and shows tracks stored before names existed by number', () => {
    const old = [t('x1'), t('x2'), t('x3')];
    expect(shown(old)).toEqual({ x1: 'Car 1', x2: 'Car 2', x3: 'Car 3' });
    const added = t('0a-new', 'car', { number: nextTrackNumber(old, 'car') });
    expect(added.number).toBe(4);
    // The new id sorts first, but its stored number holds; deleting x1 renumbers only the unnumbered ones.
    expect(shown([...old, added])).toMatchObject({ '0a-new': 'Car 4', x1: 'Car 1' });
    expect(shown([old[1]!, old[2]!, added])).toEqual({ x2: 'Car 1', x3: 'Car 2', '0a-new': 'Car 4' });
    // Two tracks storing one number (a copy): the second in id order takes a free one.
    expect(shown([t('p', 'car', { number: 2 }), t('q', 'car', { number: 2 })])).toEqual({ p: 'Car 2', q: 'Car 1' });
    expect(nextTrackNumber([t('p', 'car', { number: 9 }), t('q', 'truck')], 'truck')).toBe(2);
    expect(nextTrackNumber([], 'car')).toBe(1);
  });

  it('takes the class name in the UI language and treats a blank name as none', () => {
    const names = trackDisplayNames(
      [t('a', 'car', { name: '  ' }), t('b', 'car', { name: ' 左边的车 ' })],
      () => '轿车',
    );
    expect(Object.fromEntries(names)).toEqual({ a: '轿车 1', b: '左边的车' });
  });
});

describe('shortIds', () => {
  it('keeps short ids whole and cuts long ones where no other long id shares the prefix', () => {
    const ids = ['7', 'abcdefgh', 'abcdefghij', 'abcdefgxyz', 'zzzzzzzzzzzz'];
    expect(Object.fromEntries(shortIds(ids))).toEqual({
      '7': '7',
      abcdefgh: 'abcdefgh',
      abcdefghij: 'abcdefgh…',
      abcdefgxyz: 'abcdefgx…',
      zzzzzzzzzzzz: 'zzzzzz…',
    });
  });
});
