import { describe, expect, it } from 'vitest';
import { readPlace, splitPlaceText } from '../../../../src/formats/problems/problem-place';

describe('problem places', () => {
  it('reads the places readers and writers write: a line, a written box, a JSON path as it is', () => {
    expect(readPlace('line 12')).toEqual({ kind: 'line', line: 12 });
    expect(readPlace('box Car0@50')).toEqual({ kind: 'box', id: 'Car0@50' });
    expect(readPlace('/openlabel/frames/0/objects/-1')).toEqual({ kind: 'as-is', text: '/openlabel/frames/0/objects/-1' }); // prettier-ignore
  });

  it('takes a stored `file place` apart again, a file name with spaces included', () => {
    expect(splitPlaceText('my labels.json box a@3')).toEqual({ path: 'my labels.json', place: 'box a@3' });
    expect(splitPlaceText('x.csv line 4')).toEqual({ path: 'x.csv', place: 'line 4' });
    expect(splitPlaceText('k.json /openlabel/frames/2')).toEqual({ path: 'k.json', place: '/openlabel/frames/2' });
    expect(splitPlaceText('label_2/')).toEqual({ path: 'label_2/' });
    expect(splitPlaceText('my boxes.json')).toEqual({ path: 'my boxes.json' });
  });
});
