/** English catalogue: the source of the key set. Every other catalogue must have exactly these keys. */
export const en = {
  app: {
    title: 'Frustum',
    loadingScene: 'Preparing the demo drive…',
    generatingFrame: 'Generating frame {{index}}…',
    error: 'Something went wrong: {{message}}',
  },
  toolbar: {
    orbit: 'Orbit',
    birdsEye: "Bird's-eye",
    placeBox: 'New box',
    placeBoxHint: 'Click in the 3D view to place a {{className}} (Esc to cancel)',
    colorBy: 'Colour',
    colorHeight: 'Height',
    colorIntensity: 'Intensity',
    className: 'Class',
    undo: 'Undo',
    redo: 'Redo',
    deleteBox: 'Delete box',
  },
  classes: {
    car: 'Car',
    truck: 'Truck',
    pedestrian: 'Pedestrian',
    cyclist: 'Cyclist',
  },
  timeline: {
    frame: 'Frame {{index}} / {{count}}',
    time: '{{seconds}} s',
    previous: 'Previous frame',
    next: 'Next frame',
  },
  camera: {
    title: 'Front camera',
    noImage: 'No image for this frame',
  },
  status: {
    backend: 'Renderer: {{backend}}',
    points: 'Points: {{count, number}}',
    boxes: 'Boxes on this frame: {{count}}',
    language: 'Language',
    readOnly: 'This scene is open for editing in another tab; this tab is read-only until that one closes.',
    skippedOnLoad: 'Journal entries that could not be applied and were skipped: {{count}}. Everything else loaded.',
    deviceLost: 'The GPU device was lost, so the 3D view now draws with WebGL2.',
    saved: 'All changes saved',
    saving: 'Saving…',
    storageError: 'Could not save to browser storage: {{message}}. Your edits are kept in this tab; do not close it.',
  },
  cli: {
    usage: 'Usage: frustum <command> [options]',
    commands: 'Commands:',
    help: 'help      Show this help',
    version: 'version   Print the version',
    unknown: 'Unknown command "{{command}}". Run "frustum help" for the list of commands.',
  },
} as const;

/** The shape every catalogue must have: the same keys as `en`, any strings. */
export type Catalogue = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };
