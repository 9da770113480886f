import type { Patch } from '../../core/edits/patch';
import type { LabelSet } from '../../core/model/label-set';
import type { LabelRecord } from '../../core/model/labels';
import { derivedId } from '../../core/tracks/interpolate';
import { isDerivedCuboid } from '../../core/tracks/materialize-cuboids';
import type { FileProblem } from '../problems/file-problem';

/** What a label file brings into an open scene: one patch that adds its records, and what was left out. */
export interface LabelsIntoScene {
  patch: Patch;
  tracks: number;
  boxes: number;
  problems: FileProblem[];
}

/**
 * The records of a label file read on its own (`readLabelFile`) as additions to an open scene that already
 * holds the ids `existing` has. Frames are matched by index (frame 0 of the file is the scene's first frame) and boxes
 * are taken as they are, in the ego frame of their frame: the file must describe this scene's drive. Boxes the
 * app derives again (interpolated between two stored ones) are not stored; boxes on frames past the scene's
 * last are left out and reported; time segments are cut to the scene; tracks left with nothing are dropped. Ids that the scene already uses get a
 * suffix (`~2`, `~3`, …), so importing a file twice adds a second copy and never overwrites the user's work.
 */
export function labelsIntoScene(
  set: LabelSet,
  scene: { id: string; frameCount: number },
  existing: { has(id: string): boolean },
  fileName: string,
): LabelsIntoScene {
  const taken = new Set<string>();
  const fresh = (id: string) => {
    let candidate = id;
    for (let n = 2; taken.has(candidate) || existing.has(candidate); n++) candidate = `${id}~${n}`;
    taken.add(candidate);
    return candidate;
  };
  const problems: FileProblem[] = [];
  const trackIds = new Map(set.tracks.map((t) => [t.id, fresh(t.id)]));
  const added: LabelRecord[] = [];
  const used = new Set<string>();
  for (const c of set.cuboids) {
    if (isDerivedCuboid(c)) continue;
    const trackId = trackIds.get(c.trackId);
    if (trackId === undefined) continue;
    if (c.frameIndex >= scene.frameCount) {
      problems.push({
        path: fileName,
        code: 'labels.frame.outside-scene',
        message: `a box on frame ${c.frameIndex + 1}, past the scene's last frame (${scene.frameCount}): left out`,
        place: `box ${c.id}`,
        values: { frame: c.frameIndex + 1, last: scene.frameCount },
      });
      continue;
    }
    // Boxes keep the reader's id scheme, `<track>@<frame>`, on the renamed track.
    const id = c.id === derivedId(c.trackId, c.frameIndex) ? fresh(derivedId(trackId, c.frameIndex)) : fresh(c.id);
    added.push({ ...c, id, trackId, sceneId: scene.id });
    used.add(trackId);
  }
  const boxes = added.length;
  for (const s of set.segments) {
    const trackId = s.trackId === undefined ? undefined : trackIds.get(s.trackId);
    if (s.startFrame >= scene.frameCount || (s.trackId !== undefined && trackId === undefined)) continue;
    const { trackId: _, ...rest } = s;
    if (trackId !== undefined) used.add(trackId);
    added.push({
      ...rest,
      ...(trackId !== undefined ? { trackId } : {}),
      id: fresh(s.id),
      sceneId: scene.id,
      endFrame: Math.min(s.endFrame, scene.frameCount - 1),
    });
  }
  // Tracks with nothing left in the scene would only clutter the track list.
  const tracks = set.tracks.filter((t) => used.has(trackIds.get(t.id)!)).map((t) => ({ ...t, id: trackIds.get(t.id)!, sceneId: scene.id })); // prettier-ignore
  return { patch: { added: [...tracks, ...added], updated: [], removed: [] }, tracks: tracks.length, boxes, problems };
}
