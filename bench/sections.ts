import { checksSection } from './checks/checks-section';
import { decodeSection } from './decode/decode-section';
import { decodeBrowserSection } from './decode-browser/decode-browser-section';
import { editSection } from './edit/edit-section';
import { frameSwitchSection } from './frame-switch/frame-switch-section';
import { labelsSection } from './labels/labels-section';
import type { Section } from './lib/section';
import { memorySection } from './memory/memory-section';
import { prelabelSection } from './prelabel/prelabel-section';
import { renderSection } from './render/render-section';
import { scaleSection } from './scale/scale-section';
import { timelineSection } from './timeline/timeline-section';
import { workerSection } from './worker/worker-section';

/**
 * Every section, in the order a full run takes them: node (decode, memory, edit, checks, scale, prelabel), then Chromium
 * through playwright (worker hand-off, render, frame switch, labels at scale, the timeline at scale). A new
 * benchmark is a `Section` in its own folder, added here; `--only <name>` then selects it.
 */
export const sections: readonly Section[] = [
  decodeSection,
  memorySection,
  editSection,
  checksSection,
  scaleSection,
  prelabelSection,
  workerSection,
  decodeBrowserSection,
  renderSection,
  frameSwitchSection,
  labelsSection,
  timelineSection,
];
