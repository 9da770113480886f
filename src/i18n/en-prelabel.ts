/** English: pre-labelling a scene, and confirming or rejecting what the engine found. */
export const enPrelabel = {
  prelabel: {
    title: 'Pre-labels',
    run: 'Pre-label this scene',
    runTitle: 'Detect and track every car, truck, pedestrian and cyclist on every frame, in this browser',
    progress: 'Pre-labelling: {{done}} / {{total}} frames · {{tracks}} tracks',
    cancel: 'Cancel',
    done: 'Pre-labels: {{tracks}} tracks, {{boxes}} boxes added · {{pending}} to confirm',
    cancelled: 'Pre-labelling cancelled: the labels are as they were',
    pending: '{{pending}} pre-label boxes to confirm',
    failed: 'Pre-labelling failed: {{message}}',
    boxFrom: 'Pre-label by {{model}} {{version}}, score {{score}}',
    boxConfirmed: 'Confirmed pre-label by {{model}} {{version}}',
    boxEdited: 'Edited from a pre-label by {{model}} {{version}}',
    confirmBox: 'Confirm box',
    confirmTrack: 'Confirm track',
    rejectBox: 'Reject box',
    rejectTrack: 'Reject track',
  },
} as const;
