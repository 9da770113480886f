import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOntology } from '../../../../src/formats/ontology/read-ontology';
import { toOntologyFile } from '../../../../src/formats/ontology/ontology-file';
import { JsonFileError } from '../../../../src/formats/json/json-file-error';
import { SHIPPED_ONTOLOGIES } from '../../../../src/core/model/shipped-ontologies';

/** A small sound ontology file; each test breaks one thing in a copy. */
const sound = () => ({
  format: 'frustum-ontology',
  id: 'site-cones',
  name: 'Site cones',
  version: 3,
  classes: [
    {
      id: 'cone',
      name: 'Cone',
      names: { 'zh-CN': '锥桶' },
      color: '#FF8800',
      defaultSize: [0.4, 0.4, 0.7],
      attributes: [
        { id: 'fallen', kind: 'boolean', dynamic: true },
        { id: 'colour', kind: 'enum', dynamic: false, values: ['orange', 'white'] },
        { id: 'lean', kind: 'number', dynamic: true, min: 0, max: 90 },
        { id: 'note', kind: 'text', dynamic: false },
      ],
      guideline: 'Every cone on the road.',
    },
    { id: 'barrel', color: '#ffffff', defaultSize: [0.6, 0.6, 1] },
  ],
});
type Sound = ReturnType<typeof sound>;

/** The fault lines `readOntology` throws for `break` applied to a sound file. */
function faultsOf(change: (o: Sound & Record<string, unknown>) => void, text?: string): string[] {
  const file = sound();
  change(file);
  try {
    readOntology(text ?? JSON.stringify(file), 'cones.json');
  } catch (error) {
    expect(error).toBeInstanceOf(JsonFileError);
    expect((error as Error).message.split('\n')).toEqual((error as JsonFileError).errors);
    return (error as JsonFileError).errors;
  }
  throw new Error('the ontology was accepted');
}

const attribute = (o: Sound, i: number) => o.classes[0]!.attributes![i] as Record<string, unknown>;

describe('readOntology', () => {
  it('reads a sound file, filling in what may be left out', () => {
    const ontology = readOntology(JSON.stringify(sound()), 'cones.json');
    expect(ontology.id).toBe('site-cones');
    expect(ontology.version).toBe(3);
    expect(ontology.classes[0]!.color).toBe('#ff8800');
    expect(ontology.classes[0]!.names).toEqual({ 'zh-CN': '锥桶' });
    expect(ontology.classes[1]).toEqual({
      id: 'barrel',
      color: '#ffffff',
      defaultSize: [0.6, 0.6, 1],
      attributes: [],
      guideline: '',
    });
    expect(ontology).not.toHaveProperty('format');
  });

  it('names the file on text that is not JSON', () => {
    expect(faultsOf(() => {}, '{"classes": [')[0]).toMatch(/^cones\.json: not valid JSON/);
  });

  it('says which file is not an ontology at all', () => {
    const faults = faultsOf((o) => {
      o.format = 'frustum-scene';
    });
    expect(faults).toEqual(['cones.json: /format must be equal to constant: "frustum-ontology"']);
  });

  it('refuses a missing required field, naming it', () => {
    const faults = faultsOf((o) => delete (o.classes[1] as Partial<Sound['classes'][1]>).defaultSize);
    expect(faults).toEqual(["cones.json: /classes/1 must have required property 'defaultSize'"]);
  });

  it('refuses a duplicate class id, pointing at both', () => {
    const faults = faultsOf((o) => (o.classes[1]!.id = 'cone'));
    expect(faults).toEqual(['cones.json: /classes/1/id "cone" is already the id of /classes/0']);
  });

  it('refuses a duplicate attribute id in a class', () => {
    const faults = faultsOf((o) => (attribute(o, 3)['id'] = 'fallen'));
    expect(faults).toEqual([
      'cones.json: /classes/0/attributes/3/id "fallen" is already used in this class (attribute 0)',
    ]);
  });

  it('refuses a colour that is not #rrggbb', () => {
    expect(faultsOf((o) => (o.classes[0]!.color = 'orange'))).toEqual([
      'cones.json: /classes/0/color "orange" is not a colour written #rrggbb',
    ]);
    expect(faultsOf((o) => (o.classes[0]!.color = '#f80'))[0]).toMatch(/"#f80" is not a colour/);
  });

  it('refuses sizes that are zero, negative, not finite or not three', () => {
    expect(faultsOf((o) => (o.classes[0]!.defaultSize = [0.4, 0, -1]))).toEqual([
      'cones.json: /classes/0/defaultSize/1 0 must be greater than 0',
      'cones.json: /classes/0/defaultSize/2 -1 must be greater than 0',
    ]);
    // JSON has no Infinity, but a number too large for a double reads as one.
    const huge = JSON.stringify(sound()).replace('[0.4,0.4,0.7]', '[0.4,1e999,0.7]');
    expect(faultsOf(() => {}, huge)).toEqual(['cones.json: /classes/0/defaultSize/1 Infinity is not a finite number']);
    expect(faultsOf((o) => (o.classes[0]!.defaultSize = [1, 1]))).toEqual([
      'cones.json: /classes/0/defaultSize must NOT have fewer than 3 items',
    ]);
  });

  it('refuses an enum with no values, or with a value twice', () => {
    expect(faultsOf((o) => (attribute(o, 1)['values'] = []))).toEqual([
      'cones.json: /classes/0/attributes/1/values an enum attribute needs at least one value',
    ]);
    expect(faultsOf((o) => (attribute(o, 1)['values'] = ['orange', 'white', 'orange']))).toEqual([
      'cones.json: /classes/0/attributes/1/values/2 "orange" is listed twice (also at 0)',
    ]);
    expect(faultsOf((o) => delete attribute(o, 1)['values'])).toEqual([
      "cones.json: /classes/0/attributes/1 must have required property 'values'",
    ]);
  });

  it('refuses names for enum values that do not exist', () => {
    const faults = faultsOf((o) => (attribute(o, 1)['valueNames'] = { red: { name: 'Red' } }));
    expect(faults).toEqual([
      'cones.json: /classes/0/attributes/1/valueNames/red names a value that is not in "values"',
    ]);
  });

  it('refuses a number attribute whose min is above its max', () => {
    const faults = faultsOf((o) => Object.assign(attribute(o, 2), { min: 10, max: 5 }));
    expect(faults).toEqual(['cones.json: /classes/0/attributes/2 min 10 is greater than max 5']);
  });

  it('refuses an unknown attribute kind, and fields another kind uses', () => {
    expect(faultsOf((o) => (attribute(o, 0)['kind'] = 'list'))).toEqual([
      'cones.json: /classes/0/attributes/0/kind "list" is not an attribute kind (enum, boolean, number or text)',
    ]);
    expect(faultsOf((o) => (attribute(o, 0)['max'] = 3))).toEqual([
      'cones.json: /classes/0/attributes/0/max is not used by this kind of attribute',
    ]);
  });

  it('refuses ids with spaces, unknown fields and bad locale codes', () => {
    expect(faultsOf((o) => (o.classes[0]!.id = 'traffic cone'))[0]).toMatch(
      /^cones\.json: \/classes\/0\/id "traffic cone" is not an id/,
    );
    expect(faultsOf((o) => Object.assign(o.classes[0]!, { colour: '#ff0000' }))).toEqual([
      'cones.json: /classes/0 must NOT have additional properties ("colour")',
    ]);
    expect(faultsOf((o) => Object.assign(o.classes[0]!, { names: { Chinese: '锥桶' } }))).toEqual([
      'cones.json: /classes/0/names "Chinese" is not a locale code like zh-CN',
    ]);
  });

  it('reads segment kinds, their attributes one value a span (dynamic may be left out)', () => {
    const file = {
      ...sound(),
      segmentKinds: [
        { id: 'blocking', name: 'Blocking', names: { 'zh-CN': '阻挡' }, color: '#AA00FF' },
        { id: 'moved', color: '#00aaff', attributes: [{ id: 'by', kind: 'enum', values: ['wind', 'car'] }] },
      ],
    };
    const ontology = readOntology(JSON.stringify(file), 'cones.json');
    expect(ontology.segmentKinds).toEqual([
      { id: 'blocking', name: 'Blocking', names: { 'zh-CN': '阻挡' }, color: '#aa00ff', attributes: [] },
      {
        id: 'moved',
        color: '#00aaff',
        attributes: [{ id: 'by', kind: 'enum', values: ['wind', 'car'], dynamic: false }],
      },
    ]);
    expect(readOntology(JSON.stringify(sound()), 'cones.json')).not.toHaveProperty('segmentKinds');
  });

  it('refuses a segment kind without a colour, or an id used twice', () => {
    expect(faultsOf((o) => (o['segmentKinds'] = [{ id: 'x' }]))).toEqual([
      "cones.json: /segmentKinds/0 must have required property 'color'",
    ]);
    const twice = [
      { id: 'x', color: '#000000' },
      { id: 'x', color: '#ffffff' },
    ];
    expect(faultsOf((o) => (o['segmentKinds'] = twice))).toEqual([
      'cones.json: /segmentKinds/1/id "x" is already the id of /segmentKinds/0',
    ]);
  });

  it('still asks a class attribute whether it is dynamic', () => {
    expect(faultsOf((o) => delete attribute(o, 0)['dynamic'])).toEqual([
      "cones.json: /classes/0/attributes/0 must have required property 'dynamic'",
    ]);
  });

  it('lists every fault of a file at once, one line each', () => {
    const faults = faultsOf((o) => {
      o.classes[0]!.color = 'red';
      o.classes[1]!.defaultSize = [1, 1, 0];
    });
    expect(faults).toHaveLength(2);
  });
});

describe('the shipped ontologies', () => {
  it.each(SHIPPED_ONTOLOGIES.map((o) => [o.id, o] as const))(
    '%s passes its own schema and reads back equal',
    (_, o) => {
      expect(readOntology(JSON.stringify(toOntologyFile(o)), `${o.id}.json`)).toEqual(o);
    },
  );

  it('the example in the README is a valid ontology', () => {
    const readme = readFileSync(new URL('../../../../src/formats/ontology/README.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(readOntology(example!, 'README.md').classes.length).toBeGreaterThan(0);
  });
});
