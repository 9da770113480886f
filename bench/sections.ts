import { decodeSection } from './decode/decode-section';
import type { Section } from './lib/section';
import { memorySection } from './memory/memory-section';

/**
 * Every section, in the order a full run takes them. A new benchmark (render, frame switch, worker hand-off,
 * labels at scale) is a `Section` in its own folder, added here; `--only <name>` then selects it.
 */
export const sections: readonly Section[] = [decodeSection, memorySection];
