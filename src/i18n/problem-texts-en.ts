/**
 * What each problem or error code says, in English: what is wrong and what was done, with `{{placeholders}}`
 * for the values the code's problem carries; `[[…]]` holds a part said only where the problem has its values
 * (a list of frames one importer gives and another does not). Keys are the stable codes the formats, importers, writers and the
 * app's own errors use (`src/formats/problems/file-problem.ts`); every other catalogue has exactly these keys.
 * The file and the place are shown beside the sentence, so it does not name them.
 */
export const problemTextsEn = {
  // Any file an importer reads.
  'file.unreadable': 'The file could not be read.',
  'file.malformed': 'The file does not read as its format.',
  'json.syntax': 'The file is not valid JSON.',
  'json.schema': 'The file does not have the structure its kind of file must have.',
  'zip.malformed': 'The file is not a zip archive.',
  'image.header.malformed': 'The image gives no size in its header: its camera was left out.',
  // Scene folders.
  'scene.choice.unknown': 'The folder {{folder}} holds no scene {{scene}}: nothing was imported.',
  'scene.no-layout': 'No scene layout recognised in the folder {{folder}}: nothing was imported.',
  'kitti.calib.missing': 'The calibration file is missing: what needs it (cameras, poses or boxes) was left out.',
  'kitti.calib.malformed': 'A calibration row is missing or has the wrong number of values: the file was left out.',
  'kitti.calib.no-projection': 'The calibration has no P{{k}}: camera {{camera}} was left out.',
  'kitti.oxts.malformed': 'A pose row (OXTS) does not read: the poses of the file were left out.',
  'kitti.timestamps.missing': 'The timestamps are missing or do not read: sweeps are placed 0.1 s apart by number.',
  'kitti.timestamps.malformed': 'A time does not read: the timestamps of the file were left out.',
  'kitti.sequence.ignored': 'Sequences {{sequences}} were not imported: one scene per sequence.',
  'kitti.drive.ignored': 'Drives {{drives}} were not imported: one scene per drive.',
  'kitti.label.no-sweep': 'Boxes of frames without a LiDAR sweep were left out[[ (frames {{frames}})]].',
  'nuscenes.info.malformed': 'The sample description lacks a field or has a wrong shape: the sample was left out.',
  'nuscenes.sweep.missing': 'Its sweep {{sweep}} is not in the folder: {{boxes}} boxes were left out.',
  // nuScenes v1.0 tables (v1.0-<split>/*.json) and the writer's keyframes.
  'nuscenes.table.missing': 'The table {{table}} is not in {{folder}}: a nuScenes scene cannot be imported without it.',
  'nuscenes.table.no-labels':
    'The table {{table}} is not in {{folder}}: the labels were imported without what it holds.',
  'nuscenes.row.malformed': 'A row of {{table}} has no valid {{field}}: the row was left out.',
  'nuscenes.reference.missing':
    'The row {{token}} of {{table}} that this row names is not there: what needs it was left out.',
  'nuscenes.calibration.changed':
    'The calibration of {{channel}} changes within the scene: the first one is used for the whole scene.',
  'nuscenes.sample.no-lidar': 'Sample {{sample}} has no LiDAR keyframe: it was left out with its boxes.',
  'nuscenes.lidar.missing':
    'This LiDAR file, listed in the tables, is not in the folder: its frame (and on a keyframe its boxes) was left out.',
  'nuscenes.image.missing': 'This image, listed in the tables, is not in the folder: it was left out of its frame.',
  'nuscenes.scene.no-frames':
    'Scene {{scene}} has no LiDAR frame that could be read (its files or tables are missing): nothing was imported.',
  'nuscenes.sweep.boxes-dropped':
    '{{boxes}} boxes on sweeps between keyframes were left out: nuScenes annotates keyframes only.',
  'sustech.camera.no-images': 'Camera {{camera}} has no images: the camera was left out.',
  'sustech.camera.no-calib': 'Camera {{camera}} has no calibration: the camera was left out.',
  'sustech.calib.malformed': 'The camera calibration does not read: the camera was left out.',
  'sustech.label.no-sweep': 'The frame of this label file has no LiDAR sweep: its boxes were left out.',
  // Argoverse 2 sensor logs and their Feather tables.
  'feather.codec.unsupported':
    'The file is compressed with {{codec}}, which Frustum does not read: the file was left out.',
  'feather.column.missing': 'The table has no column {{column}}: the file was left out.',
  'argoverse2.calib.missing': '{{file}} is missing: the cameras were left out.',
  'argoverse2.camera.no-images': 'Camera {{camera}} has no images: the camera was left out.',
  'argoverse2.camera.no-calib': 'Camera {{camera}} has no row in the calibration: the camera was left out.',
  'argoverse2.camera.gap': '{{frames}} sweeps have no image of camera {{camera}} within 25 ms: they show none.',
  'argoverse2.poses.missing':
    '{{file}} is missing: the frames have no world pose, so tracks are interpolated in the ego frame.',
  'argoverse2.pose.inexact': '{{frames}} sweeps have no pose at their exact time: the nearest pose was used.',
  'argoverse2.label.no-sweep': '{{boxes}} boxes at times without a LiDAR sweep were left out.',
  'argoverse2.box.malformed':
    '{{boxes}} boxes without a finite centre, a size above zero or a valid rotation were left out.',
  'manifest.sensor.duplicate': 'The sensor id {{sensor}} is used twice.',
  'manifest.sensor.unknown': '{{sensor}} names no sensor of the manifest: the sample was left out.',
  'manifest.transform.not-rigid': 'The transform is not rigid (a rotation and a translation only).',
  'manifest.frame.time-order': 'Time {{time}} µs is not after the previous frame’s {{previous}} µs.',
  'manifest.file.missing': 'Listed in {{manifest}} at {{at}}, but not in the folder: left out.',
  'manifest.label.frame-range': 'Labels of frame {{frame}}, past the last frame ({{last}}): left out.',
  'manifest.scaffold.no-files': 'The folder {{folder}} holds no files: no manifest was written.',
  'manifest.scaffold.no-lidar':
    'The folder {{folder}} holds no LiDAR sweeps ({{images}} images): a manifest needs one LiDAR at least, so none was written.',
  // Label files, read with a scene or into one.
  'labels.class.unknown': 'The class {{className}} is not in the ontology: imported as {{classId}}.',
  'labels.class.changed': 'Object {{object}} is {{className}} here but {{classId}} before: {{classId}} was kept.',
  'labels.frame.outside-scene': 'A box on frame {{frame}}, past the scene’s last frame ({{last}}): left out.',
  'labels.file.unknown': 'Not a label file Frustum knows (OpenLABEL, nuScenes-style JSON, Frustum CSV).',
  'labels.files.several': 'Choose one label file, or the KITTI label files of one export.',
  'labels.kitti.no-calib': 'KITTI labels need their calibration: convert the KITTI folder (with its calib folder).',
  'kitti.label.file-name': 'A KITTI label file is named by its frame or sequence number (000042.txt, 0000.txt).',
  'kitti.row.columns': 'A row without its {{fields}} fields: the file was left out.',
  'kitti.row.no-frame': '{{rows}} rows of frames the scene lacks were left out.',
  'sustech.label.malformed': 'The label file does not read: its boxes were left out.',
  'nuscenes.boxes.malformed': 'A box of the sample does not read: the sample’s boxes were left out.',
  'csv.row.not-numeric': 'Frame, position, size and angles must be numbers: the row was left out.',
  'csv.columns.missing': 'Not a Frustum box CSV: the columns {{columns}} are missing.',
  'openlabel.schema': 'This value breaks the OpenLABEL schema: it was left out and the rest read.',
  'openlabel.cuboid.nonpositive-size':
    'Size {{length}} × {{width}} × {{height}} is not above zero (no box, e.g. a KITTI DontCare region): skipped.',
  'openlabel.cuboid.malformed': 'The cuboid’s values do not read: skipped.',
  'openlabel.cuboid.unlinked':
    'The coordinate system {{cs}} is not linked to the ego frame {{ego}} on this frame: skipped.',
  'openlabel.cuboid.extra': 'The object has more than one cuboid on this frame: the first was kept.',
  'openlabel.transform.malformed': 'A pose or transform does not read or cannot be inverted: not used.',
  'openlabel.stream.no-pose':
    'Stream {{stream}} has no pose relative to the ego frame: a LiDAR is taken as at the ego frame, a camera is left out.',
  'openlabel.camera.unsupported': 'Frustum has no lens model for camera {{camera}}: the camera was left out.',
  'openlabel.unsupported-geometry': '{{kind}} data has no Frustum type: not imported.',
  'openlabel.unsupported-data': '{{kind}} data has no Frustum type: not imported.',
  // OpenLABEL scenes: a file at the top of a folder naming its sensor files.
  'openlabel.stream.unsupported': 'Stream {{stream}} is a {{type}} stream, which Frustum does not show: left out.',
  'openlabel.camera.body-axes':
    'The coordinate system of camera {{camera}} has the vehicle’s axes (x forward, y left, z up), not a camera’s (x right, y down, z forward): it was read so.',
  'openlabel.file.missing': 'The file {{uri}} of stream {{stream}} is not in the folder: that sample was left out.',
  'openlabel.frame.no-lidar': 'Frames {{frames}} name no LiDAR file of the folder: those frames were left out.',
  'openlabel.time.missing': 'Frames {{frames}} give no time: they were placed 0.1 s apart by frame number.',
  'openlabel.label.no-sweep': '{{boxes}} boxes of frames without a LiDAR file were left out (frames {{frames}}).',
  'openlabel.scene.several': 'The folder holds other OpenLABEL files too ({{files}}): only this one was imported.',
  'openlabel.scene.no-sweeps':
    '{{file}} names no LiDAR file of the folder ({{uris}} file names given): a scene needs a LiDAR sweep on every frame, so nothing was imported. Its labels can still be brought into an open scene.',
  'nuscenes.annotation.no-sample': 'The annotation names no sample of the file: left out.',
  'nuscenes.annotation.malformed':
    'The annotation needs a translation (3 numbers), a size (3) and a rotation (4): left out.',
  'nuscenes.annotation.nonpositive-size': 'Size {{width}} × {{length}} × {{height}} is not above zero: left out.',
  // Writers.
  'openlabel.attribute.not-finite': 'Attribute {{attribute}} is not a finite number: left out.',
  'openlabel.box.no-track': 'Track {{track}} is not in the export: its box was left out.',
  'openlabel.box.no-frame': 'Frame {{frame}} is not in the scene: the box was left out.',
  'openlabel.box.duplicate': 'Track {{track}} has another box on frame {{frame}}: this one was left out.',
  'kitti.box.off-image': '{{boxes}} boxes are in no camera image: their 2D box is written as −1 −1 −1 −1.',
  'kitti.segments.dropped': '{{segments}} time segments were left out: KITTI has no place for them.',
  'nuscenes.segments.dropped': '{{segments}} time segments were left out: nuScenes has no place for them.',
  'csv.segments.dropped': '{{segments}} time segments were left out: the CSV has one row per box.',
  'nuscenes.pose.missing': 'Not every frame has an ego pose: boxes are written in each frame’s ego frame.',
  // Bundles.
  'bundle.part.missing': '{{part}} is missing: not a Frustum bundle, or an incomplete one.',
  'bundle.format.unknown': 'Not a Frustum bundle index.',
  'bundle.version.newer': 'Bundle version {{version}} is newer than this Frustum reads ({{supported}}).',
  'bundle.version.mismatch': 'It holds version {{holds}}, not {{expected}}.',
  'bundle.reviews.malformed': 'The reviews must be a list.',
  'bundle.path.outside': 'A scene file must stay inside the scene folder.',
  'bundle.data.missing': '{{path}} is missing from the bundle.',
  'bundle.merge.read-only': '{{file}} was not merged: this scene is being edited in another tab. Merge it there.',
  'bundle.no-sensor-files':
    'The sensor files of {{scene}} are not in the bundle {{file}}: open the folder of {{scene}} first, then import the bundle again.',
  // The app's own errors.
  'scene.missing': 'The scene {{scene}} is not in this browser.',
  'scene.files-unreadable': 'The files of {{scene}} cannot be read.',
  'frame.no-sweep': 'Frame {{frame}} has no LiDAR sweep.',
  'folder.no-permission': 'No permission to read the folder of {{scene}}.',
  'folder.file-missing': '{{path}} is not in the folder.',
  'browser-copy.missing': '{{path}} is missing from this browser’s copy of the scene.',
  'remote.unreachable': 'Could not fetch {{url}}: the server must be reachable and allow CORS.',
  'remote.refused': '{{url}} answered {{status}}.',
  'ontology.id.shipped': '{{file}}: the id {{id}} belongs to a shipped ontology.',
  'tracks.overlap': 'Not changed: both tracks have a box on frame {{frames}}.',
  // Faults of a JSON file against its schema (one line each, after the JSON path).
  'schema.required': 'The property {{property}} is missing.',
  'schema.additional': 'The property {{property}} is not allowed here.',
  'schema.type': 'Must be of type {{type}}.',
  'schema.enum': 'Must be one of: {{allowed}}.',
  'schema.const': 'Must be {{allowed}}.',
  'schema.limit': 'Must be {{comparison}} {{limit}}.',
  'schema.min-items': 'Must have at least {{limit}} items.',
  'schema.max-items': 'Must have at most {{limit}} items.',
  'schema.min-length': 'Must have at least {{limit}} characters.',
  'schema.pattern': 'Must match the pattern {{pattern}}.',
  // Faults of a user's ontology file.
  'ontology.attribute.unused': 'Not used by this kind of attribute.',
  'ontology.number.not-finite': '{{value}} is not a finite number.',
  'ontology.number.not-positive': '{{value}} must be greater than 0.',
  'ontology.locale.invalid': '{{locale}} is not a locale code like zh-CN.',
  'ontology.color.invalid': '{{value}} is not a colour written #rrggbb.',
  'ontology.id.invalid': '{{value}} is not an id: letters, digits and _ . : / -, starting with a letter or digit.',
  'ontology.enum.empty': 'An enum attribute needs at least one value.',
  'ontology.kind.unknown': '{{value}} is not an attribute kind (enum, boolean, number or text).',
  'ontology.id.taken': '{{id}} is already the id of {{other}}.',
  'ontology.attribute.taken': '{{id}} is already the id of attribute {{other}} here.',
  'ontology.range.inverted': 'min {{min}} is greater than max {{max}}.',
  'ontology.value.twice': '{{value}} is listed twice (also at {{other}}).',
  'ontology.value-name.unknown': 'Names the value {{value}}, which is not among the values.',
} as const;

/** The codes every catalogue words. */
export type TextCode = keyof typeof problemTextsEn;

/** A catalogue of code sentences: exactly the English one's codes. */
export type ProblemTexts = Record<TextCode, string>;
