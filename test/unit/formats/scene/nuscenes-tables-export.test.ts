import { describe, expect, it } from 'vitest';
import { materializeCuboids } from '../../../../src/core/tracks/materialize-cuboids';
import { readNuscenesStyle } from '../../../../src/formats/labels/nuscenes-reader';
import { writeNuscenesStyle } from '../../../../src/formats/labels/nuscenes-writer';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { buildNuscenesTree } from '../../../fixtures/nuscenes-tree';
import { testLineage } from '../labels/label-set-fixtures';

const MINI = 'v1.0-mini';
type Row = Record<string, unknown>;

describe('nuScenes v1.0 tables → nuScenes-style JSON', () => {
  it('writes the keyframes as the dataset’s samples, with its sample, instance and annotation tokens', async () => {
    const entries = buildNuscenesTree({ scenes: 2, samplesPerScene: 4, sweepsPerSample: 3, cameras: ['CAM_FRONT', 'CAM_BACK'], boxesPerSample: 4, version: MINI, cameraSweepsPerSample: 2 }); // prettier-ignore
    const rows = (t: string) => JSON.parse(new TextDecoder().decode(entries[`${MINI}/${t}.json`])) as Row[];
    const imported = await importScene(createMemoryFiles('tree', entries), { scene: `${MINI}/scene-0002`, sweeps: true }); // prettier-ignore
    expect(imported.scene.frames).toHaveLength(4 + 3 * 3);
    // As the app exports: every box of every frame, the derived ones between keyframes too (sweeps included).
    const cuboids = materializeCuboids([...imported.tracks, ...imported.cuboids], imported.scene.frames);
    expect(cuboids.length).toBeGreaterThan(imported.cuboids.length);
    const set = { scene: imported.scene, tracks: imported.tracks, cuboids, segments: [] };
    const { files, problems } = writeNuscenesStyle(set, testLineage());
    expect(problems).toEqual([]);
    const written = JSON.parse(files[0]!.text) as Record<string, Row[]>;
    const sceneToken = rows('scene').find((s) => s['name'] === 'scene-0002')!['token'];
    const samples = rows('sample').filter((s) => s['scene_token'] === sceneToken);
    const sampleTokens = new Set(samples.map((s) => s['token']));
    const annotations = rows('sample_annotation').filter((a) => sampleTokens.has(a['sample_token']));
    expect(written['sample']!.map((s) => [s['token'], s['timestamp']])).toEqual(samples.map((s) => [s['token'], s['timestamp']])); // prettier-ignore
    expect(written['sample']!.map((s) => [s['prev'], s['next']])).toEqual(samples.map((s) => [s['prev'], s['next']]));
    expect(written['ego_pose']).toHaveLength(4);
    expect(new Set(written['instance']!.map((i) => i['token']))).toEqual(new Set(annotations.map((a) => a['instance_token']))); // prettier-ignore
    const byToken = new Map(annotations.map((a) => [a['token'], a]));
    expect(written['sample_annotation']).toHaveLength(annotations.length);
    for (const a of written['sample_annotation']!) {
      const original = byToken.get(a['token'])!;
      expect(original).toBeDefined();
      expect([a['sample_token'], a['instance_token'], a['prev'], a['next']]).toEqual([original['sample_token'], original['instance_token'], original['prev'], original['next']]); // prettier-ignore
      // Back in the global frame where the dataset has it, through each keyframe's ego pose.
      (a['translation'] as number[]).forEach((v, k) => expect(Math.abs(v - (original['translation'] as number[])[k]!)).toBeLessThan(1e-6)); // prettier-ignore
      (a['size'] as number[]).forEach((v, k) => expect(v).toBeCloseTo((original['size'] as number[])[k]!, 12));
      const [q, r] = [a['rotation'] as number[], original['rotation'] as number[]];
      const dot = Math.abs(q.reduce((sum, v, k) => sum + v * r[k]!, 0));
      expect(1 - dot).toBeLessThan(1e-12);
    }
    // Read back: the keyframes and their boxes.
    const back = readNuscenesStyle(files[0]!.text, 'back.json');
    expect(back.problems).toEqual([]);
    expect(back.set.scene.frames).toHaveLength(4);
    expect(back.set.cuboids).toHaveLength(annotations.length);
    // ... with the tokens again, so that a second round trip writes the same ones.
    const again = writeNuscenesStyle(back.set, testLineage());
    expect(again.files[0]!.text).toContain(annotations[0]!['token'] as string);
    const tokens = (text: string) => (JSON.parse(text) as { sample: { token: string }[] }).sample.map((x) => x.token);
    expect(tokens(again.files[0]!.text)).toEqual(tokens(files[0]!.text));
    expect(new Set(back.set.cuboids.map((c) => c.externalId))).toEqual(new Set(annotations.map((a) => a['token'])));
  });
});
