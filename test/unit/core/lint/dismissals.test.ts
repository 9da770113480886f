import { describe, expect, it } from 'vitest';
import { applyDismissals, compareFindings } from '../../../../src/core/lint/dismissals';
import type { Finding } from '../../../../src/core/lint/finding';

const finding = (id: string, value = 1): Finding => ({
  id,
  check: 'size',
  severity: 'warning',
  frames: [0, 3],
  frame: 1,
  trackId: 't',
  value,
  limit: 0.5,
  params: {},
});

describe('applyDismissals', () => {
  it('sets aside the findings a dismissal names, with its reason, and ignores dismissals of findings gone', () => {
    const { open, dismissed } = applyDismissals(
      [finding('a'), finding('b')],
      [
        { findingId: 'b', reason: 'a real stretch limousine' },
        { findingId: 'gone', reason: 'fixed long ago' },
      ],
    );
    expect(open.map((f) => f.id)).toEqual(['a']);
    expect(dismissed).toEqual([{ ...finding('b'), reason: 'a real stretch limousine' }]);
  });
});

describe('compareFindings', () => {
  it('keeps, updates, opens and closes findings by id', () => {
    const changes = compareFindings([finding('kept'), finding('changed'), finding('closed')], [finding('kept'), finding('changed', 2), finding('new')]); // prettier-ignore
    const ids = (list: readonly Finding[]) => list.map((f) => f.id);
    expect({
      kept: ids(changes.kept),
      updated: ids(changes.updated),
      opened: ids(changes.opened),
      closed: ids(changes.closed),
    }).toEqual({
      // prettier-ignore
      kept: ['kept'],
      updated: ['changed'],
      opened: ['new'],
      closed: ['closed'],
    });
  });
});
