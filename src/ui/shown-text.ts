import { DEMO_CAMERA } from '../core/demo/sensors';
import { LOCAL_AUTHOR } from '../core/model/local-author';
import type { CameraSensor, Scene } from '../core/model/scene';
import { shippedOntology } from '../core/model/shipped-ontologies';
import type { Ontology } from '../core/model/ontology';
import type { ExportFormatId } from '../formats/labels/label-formats';
import { createI18n, LOCALES, translate, type MessageKey, type MessageValues } from '../i18n/i18n';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * A stored text as the UI shows it. Where the app wrote it itself (the demo drive's name, the message of the
 * version an export saves, the local author) it is shown in the user's language; anything else is the user's
 * data, shown as it is and marked `data-user-data` (`userData`).
 */
export interface ShownText {
  text: string;
  userData: boolean;
}

const data = (text: string): ShownText => ({ text, userData: true });
const ours = (text: string): ShownText => ({ text, userData: false });

/** A scene's name: the demo drive is named by the app, every other scene by its data. */
export function shownSceneName(name: string, demo: boolean, t: Translate): ShownText {
  return demo ? ours(t('scenes.demoName')) : data(name);
}

/** A camera's name: the demo's camera is the app's, a dataset's cameras are named by the dataset. */
export function shownCameraName(scene: Scene, camera: CameraSensor, t: Translate): ShownText {
  return scene.source.kind === 'demo' && camera.id === DEMO_CAMERA.id ? ours(t('camera.demoFront')) : data(camera.name);
}

/** The short names of the export formats, for lists and the version message. */
export const FORMAT_NAMES: Record<ExportFormatId, MessageKey> = {
  openlabel: 'exports.formatOpenlabel',
  kitti: 'exports.formatKitti',
  'kitti-tracking': 'exports.formatKittiTracking',
  nuscenes: 'exports.formatNuscenes',
  csv: 'exports.formatCsv',
  bundle: 'exports.formatBundle',
};

const catalogues = LOCALES.map((locale) => createI18n(locale));

/**
 * The message of the version an export saves, as stored: in English with the format's id ("Exported as
 * openlabel"), whatever the language, so that one team's records read alike; `shownVersionMessage` translates.
 */
export function storedExportMessage(format: ExportFormatId): string {
  return translate(catalogues[0]!, 'versions.exportMessage', { format });
}

/**
 * A version's message: the one an export saved (in any catalogue's words, as stored by this or an earlier
 * release) in the user's language with the format's name; a message the user typed as it is.
 */
export function shownVersionMessage(message: string, t: Translate): ShownText {
  for (const [format, name] of Object.entries(FORMAT_NAMES)) {
    const made = catalogues.some((c) => translate(c, 'versions.exportMessage', { format }) === message);
    if (made) return ours(t('versions.exportMessage', { format: t(name) }));
  }
  return data(message);
}

/** Who made a version or an export: this browser's own user by the app's name, anyone else by theirs. */
export function shownAuthor(author: string, t: Translate): ShownText {
  return author === LOCAL_AUTHOR ? ours(t('versions.localAuthor')) : data(author);
}

/** Whether an ontology's names and texts are the user's (a loaded file) rather than shipped with the app. */
export function isUsersOntology(ontology: Ontology): boolean {
  return shippedOntology(ontology.id) === undefined;
}

/** The value of a `data-user-data` attribute: present (empty) on user data, absent otherwise. */
export function userDataMark(userData: boolean): '' | undefined {
  return userData ? '' : undefined;
}
