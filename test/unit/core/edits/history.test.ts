import { describe, expect, it } from 'vitest';
import { History, type JournalLine } from '../../../../src/core/edits/history';
import { applyPatch, type LabelDoc, type Patch } from '../../../../src/core/edits/patch';
import { createCuboid } from '../../../../src/core/edits/create-cuboid';
import { updateCuboid } from '../../../../src/core/edits/update-cuboid';

/** Drives a doc and a history the way the app does, writing the journal lines it would write. */
function session() {
  const doc: LabelDoc = new Map();
  const history = new History();
  const journal: JournalLine[] = [];
  const apply = (name: string, patch: Patch, gesture?: string) => {
    applyPatch(doc, patch);
    journal.push({ name, patch, gesture });
  };
  return {
    doc,
    history,
    journal,
    edit(name: string, patch: Patch, gesture?: string) {
      history.push({ name, patch, gesture });
      apply(name, patch, gesture);
    },
    undo() {
      const patch = history.undo();
      if (patch) apply('undo', patch);
    },
    redo() {
      const patch = history.redo();
      if (patch) apply('redo', patch);
    },
  };
}

const create = (doc: LabelDoc, n: number) =>
  createCuboid(doc, {
    sceneId: 's',
    frameIndex: 0,
    classId: 'car',
    position: [n, 0, 0.8],
    size: [4, 2, 1.6],
    yaw: 0,
    trackId: `t${n}`,
    cuboidId: `c${n}`,
  });
const move = (doc: LabelDoc, id: string, x: number) =>
  updateCuboid(doc, { cuboidId: id, change: { position: [x, 1, 0.8] } });

describe('History.fromJournal', () => {
  it('rebuilds the same undo and redo stacks, a drag still one entry', () => {
    const s = session();
    s.edit('createCuboid', create(s.doc, 1));
    for (let i = 0; i < 4; i++) s.edit('moveCuboid', move(s.doc, 'c1', 2 + i), 'drag-7');
    s.edit('createCuboid', create(s.doc, 2));
    s.undo();
    s.redo();
    s.edit('moveCuboid', move(s.doc, 'c2', 9));
    s.undo();
    const rebuilt = History.fromJournal(s.journal);
    expect(rebuilt.entries.done.map((e) => e.name)).toEqual(['createCuboid', 'moveCuboid', 'createCuboid']);
    expect(rebuilt.entries.undone.map((e) => e.name)).toEqual(['moveCuboid']);
    // Undoing everything from the rebuilt history empties the labels the journal made.
    const doc = structuredClone(s.doc);
    expect(rebuilt.redo()).toEqual(s.history.redo());
    s.history.undo();
    rebuilt.undo();
    while (rebuilt.canUndo) applyPatch(doc, rebuilt.undo()!);
    expect(doc.size).toBe(0);
  });

  it('drops what came before a line it cannot account for, and keeps what follows', () => {
    const s = session();
    s.edit('createCuboid', create(s.doc, 1));
    s.edit('moveCuboid', move(s.doc, 'c1', 5));
    s.undo();
    s.edit('createCuboid', create(s.doc, 2));
    // The journal as kept after a snapshot that cut it just before the undo line.
    const rebuilt = History.fromJournal(s.journal.slice(2));
    expect(rebuilt.entries.done.map((e) => e.name)).toEqual(['createCuboid']);
    expect(rebuilt.entries.undone).toEqual([]);
    expect(rebuilt.undo()).toEqual(s.history.undo());
  });
});
