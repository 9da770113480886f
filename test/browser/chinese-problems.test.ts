import { afterAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Profile } from './launch';
import { openApp, waitUntil } from './app-flow';
import { SHARED_DATA } from './data-files';
import { exportAs } from './export-flow';
import { ForeignWords } from './foreign-words';

/** A real OpenLABEL file of KITTI tracking sequence 0014 (106 frames, DontCare regions, 2D boxes), longer than the demo drive. */
const LABELS = join(SHARED_DATA, 'kitti-tracking-openlabel', 'openlabel100_kitti_tracking_0014.json');

/** A user's ontology with two faults: a colour, and an attribute kind. */
const BROKEN_ONTOLOGY = {
  format: 'frustum-ontology',
  id: 'depot-yard',
  name: 'Depot yard',
  version: 1,
  classes: [
    { id: 'car', color: 'orange', defaultSize: [4.5, 1.8, 1.5] },
    { id: 'van', color: '#10b981', defaultSize: [4, 2, 2], attributes: [{ id: 'state', kind: 'colour', dynamic: false }] }, // prettier-ignore
  ],
};

/** A KITTI object folder with a row short of fields, a calibration short of numbers, strays and a cut sweep. */
function brokenKittiFolder(dir: string): string {
  cpSync(join(SHARED_DATA, 'kitti-object/training'), join(dir, 'training'), { recursive: true });
  writeFileSync(join(dir, 'training/label_2/000001.txt'), 'Car 0.0 0 not-a-number\n');
  writeFileSync(join(dir, 'training/calib/000002.txt'), 'P2: 1 2 3\n');
  for (const stem of ['000010', '000011']) cpSync(join(dir, 'training/label_2/000000.txt'), join(dir, `training/label_2/${stem}.txt`)); // prettier-ignore
  const sweep = readFileSync(join(dir, 'training/velodyne/000000.bin'));
  writeFileSync(join(dir, 'training/velodyne/000000.bin'), sweep.subarray(0, 16 * 1000 + 7));
  return join(dir, 'training');
}

/** The text of one problem group, found by its code. */
const groupText = (page: Page, list: string, code: string) =>
  page.getByTestId(list).locator(`[data-testid=problem-group][data-code="${code}"]`).textContent();

describe('简体中文: what imports, exports and refused files report', () => {
  const profile = new Profile('WebGL2');
  afterAll(() => profile.dispose());

  it('says every problem and error in Chinese, the names from the data and the original words apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frustum-zh-'));
    try {
      const page = await profile.open('zh-CN');
      await openApp(page, inject('baseURL'), 'WebGL2');
      const words = new ForeignWords();

      // A label file from another tool, into the demo drive: grouped, then every problem.
      await page.getByTestId('export-button').click();
      await page.getByTestId('label-import-file').setInputFiles(LABELS);
      await page.getByTestId('label-import-done').waitFor({ timeout: 60_000 });
      expect(await groupText(page, 'label-import-problems', 'labels.frame.outside-scene')).toMatch(/第 \d+ 帧上的框超出场景的最后一帧（第 \d+ 帧）：已略过。/); // prettier-ignore
      expect(await groupText(page, 'label-import-problems', 'openlabel.cuboid.nonpositive-size')).toContain('不大于零');
      // The place of a box the reader left out, in Chinese round the box's id.
      expect(await groupText(page, 'label-import-problems', 'labels.frame.outside-scene')).toMatch(/框 Car\d+@\d+/);
      await words.look(page, 'label import, grouped');
      await page.getByTestId('label-import-problems').getByTestId('problems-show-all').click();
      await page.getByTestId('label-import-problems').getByTestId('problem-item').first().waitFor();
      await words.look(page, 'label import, every problem');
      // A file that is no label file.
      await page.getByTestId('label-import-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }); // prettier-ignore
      await page.getByTestId('label-import-error').waitFor();
      expect(await page.getByTestId('label-import-error').textContent()).toContain('不是 Frustum 能识别的标注文件');
      await words.look(page, 'label import refused');

      // A writer's problem, stored with the export and said again when the export is opened.
      await page.getByTestId('export-close').click();
      await page.keyboard.press('m');
      await page.getByTestId('segment-editor').waitFor();
      await page.getByTestId('export-button').click();
      await exportAs(page, 'csv');
      const past = page.getByTestId('export-row').first();
      await past.locator('summary').first().click();
      await past.getByTestId('stored-problem').first().waitFor();
      expect(await past.getByTestId('stored-problem').textContent()).toContain('已略过 1 个时间片段');
      await words.look(page, 'an export with a writer problem');
      await page.getByTestId('export-close').click();

      // A folder with problems, and a sweep that fails when shown.
      await page.getByTestId('scenes-button').click();
      await page.getByTestId('folder-input').setInputFiles(brokenKittiFolder(dir));
      const problems = page.getByTestId('import-problems');
      await problems.waitFor({ timeout: 60_000 });
      expect(await groupText(page, 'import-problems', 'kitti.label.no-sweep')).toContain(
        '没有激光雷达点云的帧上的框已略过',
      );
      expect(await groupText(page, 'import-problems', 'kitti.row.columns')).toContain('第 1 行');
      await words.look(page, 'folder import, grouped');
      await problems.getByTestId('problems-show-all').click();
      await problems.getByTestId('problem-item').first().waitFor();
      await words.look(page, 'folder import, every problem');
      await page.keyboard.press('Escape');
      const alerts = await waitUntil('the broken sweep is named', () => page.getByRole('alert').allTextContents(), (t) => t.join(' ').includes('velodyne/000000.bin')); // prettier-ignore
      expect(alerts.join(' ')).toContain('velodyne/000000.bin：该文件无法按其格式读取。');
      await words.look(page, 'a sweep that does not read');

      // A folder that is no scene, and an ontology file that is refused.
      mkdirSync(join(dir, 'holiday'));
      writeFileSync(join(dir, 'holiday', 'notes.txt'), 'not a scene');
      await page.getByTestId('scenes-button').click();
      await page.getByTestId('folder-input').setInputFiles(join(dir, 'holiday'));
      await page.getByTestId('import-error').waitFor();
      expect(await page.getByTestId('import-error').textContent()).toContain('未识别出场景结构');
      await words.look(page, 'a folder with no scene');
      await page.getByTestId('ontology-file').setInputFiles({ name: 'depot.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(BROKEN_ONTOLOGY)) }); // prettier-ignore
      await page.getByTestId('ontology-error').waitFor();
      const faults = await page.getByTestId('ontology-fault').allTextContents();
      expect(faults).toHaveLength(2);
      expect(faults[0]).toMatch(/^\/classes\/0\/color\s+orange 不是 #rrggbb 形式的颜色。/);
      expect(faults[1]).toMatch(/^\/classes\/1\/attributes\/0\/kind\s+colour 不是属性类型/);
      await words.look(page, 'a refused ontology');

      expect(words.list()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
