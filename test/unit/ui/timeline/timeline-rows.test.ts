import { describe, expect, it } from 'vitest';
import type { Track } from '../../../../src/core/model/labels';
import { buildTrackRows, rowOfTrack } from '../../../../src/ui/timeline/timeline-rows';

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
  it('lists tracks by first frame, then id, named by class and short id', () => {
    const rows = buildTrackRows(tracks, (id) => first[id], '', classOf);
    expect(rows.map((r) => r.trackId)).toEqual(['aaa-early', 'bbb-early', 'zzz-late']);
    expect(rows[0]).toEqual({ trackId: 'aaa-early', classId: 'car', label: 'Car aaa-ea', color: '#f00', first: 2 });
    expect(rowOfTrack(rows, 'zzz-late')).toBe(2);
    expect(rowOfTrack(rows, undefined)).toBe(-1);
  });

  it('keeps one class when filtered; a track with no box comes last', () => {
    const rows = buildTrackRows([...tracks, track('empty', 'car')], (id) => first[id], 'car', classOf);
    expect(rows.map((r) => r.trackId)).toEqual(['aaa-early', 'zzz-late', 'empty']);
    expect(rowOfTrack(rows, 'bbb-early')).toBe(-1);
  });
});
