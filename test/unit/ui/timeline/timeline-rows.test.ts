import { describe, expect, it } from 'vitest';
import type { Track } from '../../../../src/core/model/labels';
import { buildTrackRows, matchesTrack, rowOfTrack } from '../../../../src/ui/timeline/timeline-rows';

const track = (id: string, classId: string): Track => ({
  type: 'track',
  id,
  sceneId: 's',
  classId,
  attributes: {},
  rigid: true,
});
const tracks = [track('zzz-late', 'car'), track('bbb-early', 'pedestrian'), track('aaa-early', 'car')];
const first: Record<string, number> = { 'zzz-late': 30, 'bbb-early': 2, 'aaa-early': 2 };
const classOf = (id: string) => ({ name: id === 'car' ? 'Car' : 'Pedestrian', color: id === 'car' ? '#f00' : '#0f0' });

describe('timeline rows', () => {
  it('lists tracks by first frame, then id, each by the name the naming rule gives it', () => {
    const rows = buildTrackRows(tracks, (id) => first[id], '', classOf);
    expect(rows.map((r) => r.trackId)).toEqual(['aaa-early', 'bbb-early', 'zzz-late']);
    expect(rows[0]).toEqual({ trackId: 'aaa-early', classId: 'car', label: 'Car 1', color: '#f00', first: 2 });
    expect(rows.map((r) => r.label)).toEqual(['Car 1', 'Pedestrian 1', 'Car 2']);
    expect(rowOfTrack(rows, 'zzz-late')).toBe(2);
    expect(rowOfTrack(rows, undefined)).toBe(-1);
  });

  it('keeps one class when filtered; a track with no box comes last', () => {
    const rows = buildTrackRows([...tracks, track('empty', 'car')], (id) => first[id], 'car', classOf);
    expect(rows.map((r) => r.trackId)).toEqual(['aaa-early', 'zzz-late', 'empty']);
    expect(rowOfTrack(rows, 'bbb-early')).toBe(-1);
  });

  it('keeps the tracks a search finds: words of the shown name, the own name or the dataset id, any case', () => {
    const named = [
      { ...track('t1', 'car'), externalId: '3f9a2c1e-77b0-4c1d-9e2a-1a2b3c4d5e6f' },
      { ...track('t2', 'car'), name: 'Blue van' },
      track('t3', 'pedestrian'),
    ];
    const find = (query: string) => buildTrackRows(named, () => 0, '', classOf, query).map((r) => r.label);
    expect(find('')).toEqual(['Car 3f9a2c…', 'Blue van', 'Pedestrian 1']);
    expect(find('  car ')).toEqual(['Car 3f9a2c…']);
    expect(find('VAN blue')).toEqual(['Blue van']);
    expect(find('1a2b3c4d5e6f')).toEqual(['Car 3f9a2c…']);
    expect(find('pedestrian 1')).toEqual(['Pedestrian 1']);
    expect(find('truck')).toEqual([]);
    expect(matchesTrack('blue', 'Car 2', { name: 'Blue van' })).toBe(true);
  });
});
