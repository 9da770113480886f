import { describe, expect, it } from 'vitest';
import {
  FORMAT_NAMES,
  isUsersOntology,
  shownAuthor,
  shownCameraName,
  shownSceneName,
  shownVersionMessage,
  storedExportMessage,
} from '../../../src/ui/shown-text';
import { createI18n, translate, type Locale, type MessageKey, type MessageValues } from '../../../src/i18n/i18n';
import { createDemoDrive, DEMO_SEED } from '../../../src/core/demo/index';
import { EXPORT_FORMATS, type ExportFormatId } from '../../../src/formats/labels/label-formats';
import { generalDriving } from '../../../src/core/model/default-ontology';
import type { Scene } from '../../../src/core/model/scene';

const translator = (locale: Locale) => {
  const i18n = createI18n(locale);
  return (key: MessageKey, values?: MessageValues) => translate(i18n, key, values);
};
const en = translator('en');
const zh = translator('zh-CN');

describe('what the app named itself is shown in the user language, the rest as data', () => {
  it('names the demo drive and its camera, and leaves a dataset scene and its cameras as they are', () => {
    expect(shownSceneName('Demo drive', true, zh)).toEqual({ text: '演示路段', userData: false });
    expect(shownSceneName('Demo drive', true, en)).toEqual({ text: 'Demo drive', userData: false });
    expect(shownSceneName('2011_09_26_drive_0005', false, zh)).toEqual({ text: '2011_09_26_drive_0005', userData: true }); // prettier-ignore
    const demo = createDemoDrive(DEMO_SEED).scene;
    expect(shownCameraName(demo, demo.cameras[0]!, zh)).toEqual({ text: '前视相机', userData: false });
    const dataset: Scene = { ...demo, source: { kind: 'files', root: 'drive' } };
    expect(shownCameraName(dataset, demo.cameras[0]!, zh)).toEqual({ text: 'Front camera', userData: true });
  });

  it("stores an export's version message in English with the format id, and shows it translated with its name", () => {
    expect(storedExportMessage('openlabel')).toBe('Exported as openlabel');
    expect(shownVersionMessage('Exported as openlabel', zh)).toEqual({ text: '导出为 OpenLABEL', userData: false });
    expect(shownVersionMessage('Exported as kitti-tracking', en)).toEqual({
      text: 'Exported as KITTI tracking',
      userData: false,
    });
    // As an earlier release stored it under 简体中文.
    expect(shownVersionMessage('导出为 bundle', en).text).toBe('Exported as Frustum bundle');
    expect(shownVersionMessage('first car', zh)).toEqual({ text: 'first car', userData: true });
    for (const id of Object.keys(EXPORT_FORMATS) as ExportFormatId[]) {
      expect(shownVersionMessage(storedExportMessage(id), zh).text).toBe(`导出为 ${zh(FORMAT_NAMES[id])}`);
    }
  });

  it('names the local author by the app and anyone else by their own name', () => {
    expect(shownAuthor('local', zh)).toEqual({ text: '本浏览器', userData: false });
    expect(shownAuthor('pipeline', zh)).toEqual({ text: 'pipeline', userData: true });
  });

  it("tells a shipped ontology from a user's", () => {
    expect(isUsersOntology(generalDriving)).toBe(false);
    expect(isUsersOntology({ ...generalDriving, id: 'depot-yard' })).toBe(true);
  });
});
