/** English: choosing one scene of a folder of many, and the projection check after an import. */
export const enImport = {
  chooser: {
    title: '{{source}} holds {{count}} scenes: which one?',
    titleOne: '{{source}}: how should it come in?',
    frames: '{{count}} keyframes',
    sweeps: 'Also the sweeps between keyframes, as frames without labels (about 10 times the frames)',
    open: 'Import this scene',
    cancel: 'Cancel',
  },
  projection: {
    fewInside:
      'Only {{percent}}% of the sweep’s points land inside the image of {{camera}}: its calibration may be the wrong way round (a camera-to-LiDAR matrix given as LiDAR-to-camera), or in other units or axes.',
    tilted:
      'The image’s down points {{degrees}}° away from the vehicle’s down: {{camera}}’s rotation may be the wrong way round (a camera-to-vehicle matrix given as vehicle-to-camera, or a LiDAR’s axes taken for the vehicle’s).',
  },
} as const;
