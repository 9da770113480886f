/** The classical per-sweep detector of the pre-label engine. */
import type { Detector } from '../types';
import { detectObjects } from './detect-objects';
import { ENGINE_VERSION, hashParams, resolveParams, type ClassicParams } from './params';

export { detectObjects } from './detect-objects';
export { CLASSIC_PARAMS, ENGINE_VERSION, type ClassicParams } from './params';

/** The classical detector behind the `Detector` interface; its version names the engine and hashes the params. */
export function createClassicDetector(params: Partial<ClassicParams> = {}): Detector {
  const resolved = resolveParams(params);
  return {
    model: 'frustum-classic',
    version: `${ENGINE_VERSION}+${hashParams(resolved)}`,
    detect: (input) => detectObjects(input, resolved),
  };
}
