import { describe, expect, it } from 'vitest';
import { dismissalId, dismissalsOf, dismissFinding, restoreFinding } from '../../../../src/core/edits/dismiss-finding';
import { applyPatch, invertPatch, type LabelDoc } from '../../../../src/core/edits/patch';

const args = { sceneId: 's', findingId: 'size:t1:0-4', reason: '  a car carrier  ', author: 'ana', time: 5 };

describe('dismissing a finding', () => {
  it('adds one dismissal record with the reason trimmed; undo takes it away', () => {
    const doc: LabelDoc = new Map();
    const patch = dismissFinding(doc, args);
    applyPatch(doc, patch);
    expect(dismissalsOf(doc.values())).toEqual([
      { type: 'dismissal', id: dismissalId(args.findingId), sceneId: 's', findingId: args.findingId, reason: 'a car carrier', author: 'ana', time: 5 }, // prettier-ignore
    ]);
    applyPatch(doc, invertPatch(patch));
    expect(dismissalsOf(doc.values())).toEqual([]);
  });

  it('a second dismissal of the same finding replaces the reason; the same reason changes nothing', () => {
    const doc: LabelDoc = new Map();
    applyPatch(doc, dismissFinding(doc, args));
    expect(dismissFinding(doc, { ...args, reason: 'a car carrier' })).toEqual({ added: [], updated: [], removed: [] });
    const patch = dismissFinding(doc, { ...args, reason: 'towed' });
    expect(patch.updated).toHaveLength(1);
    applyPatch(doc, patch);
    expect(dismissalsOf(doc.values()).map((d) => d.reason)).toEqual(['towed']);
  });

  it('refuses an empty reason, and a restore of what is not dismissed', () => {
    const doc: LabelDoc = new Map();
    expect(() => dismissFinding(doc, { ...args, reason: '   ' })).toThrow(/reason/);
    expect(() => restoreFinding(doc, { findingId: args.findingId })).toThrow(/not dismissed/);
    applyPatch(doc, dismissFinding(doc, args));
    applyPatch(doc, restoreFinding(doc, { findingId: args.findingId }));
    expect(doc.size).toBe(0);
  });
});
