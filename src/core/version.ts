/** Frustum's version, written into exports and printed by the CLI. Keep in step with package.json. */
export const FRUSTUM_VERSION = '0.1.0';
