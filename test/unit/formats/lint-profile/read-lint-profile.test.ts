import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../../src/core/lint/profile';
import { JsonFileError } from '../../../../src/formats/json/json-file-error';
import { readLintProfile } from '../../../../src/formats/lint-profile/read-lint-profile';

/** The lines a bad profile is rejected with (each `<file>: <JSON path> <problem>`). */
function errorsOf(json: unknown): string[] {
  try {
    readLintProfile(JSON.stringify(json), 'strict.json');
  } catch (error) {
    if (error instanceof JsonFileError) return error.errors;
    throw error;
  }
  throw new Error('accepted');
}

describe('readLintProfile', () => {
  it('reads a profile that turns checks off, changes severities and sets limits per class', () => {
    const profile = {
      $schema: './lint-profile.schema.json',
      checks: {
        gap: { enabled: false },
        speed: { severity: 'error', params: { maxSpeed: 40 }, classes: { Pedestrian: { params: { maxSpeed: 6 } } } },
        size: { classes: { car: { params: { min: [3, 1.4, 1.2], max: [5.5, 2.2, 2] } }, misc: { enabled: false } } },
      },
    };
    expect(readLintProfile(JSON.stringify(profile), 'p.json')).toEqual({ checks: profile.checks });
  });

  it('accepts the defaults written out as a profile', () => {
    expect(readLintProfile(JSON.stringify(DEFAULT_PROFILE), 'defaults.json')).toEqual(DEFAULT_PROFILE);
  });

  it('names the file and the JSON path of each fault', () => {
    expect(errorsOf({ checks: { speeed: {} } })[0]).toMatch(/^strict\.json: \/checks\/speeed is not a check: unknownClass, /); // prettier-ignore
    expect(errorsOf({ checks: { speed: { params: { maxSped: 3 } } } })).toEqual([
      'strict.json: /checks/speed/params/maxSped is not a setting of speed: maxSpeed, windowS',
    ]);
    expect(errorsOf({ checks: { size: { classes: { car: { params: { max: 5 } } } } } })).toEqual([
      'strict.json: /checks/size/classes/car/params/max must be [length, width, height] in metres',
    ]);
    expect(errorsOf({ checks: { overlap: { params: { maxIou: -1 } } } })).toEqual([
      'strict.json: /checks/overlap/params/maxIou must be a number ≥ 0 or [length, width, height] in metres',
    ]);
    expect(errorsOf({ checks: { overlap: { severity: 'fatal' } } })[0]).toMatch(/^strict\.json: \/checks\/overlap\/severity must be equal to one of the allowed values: info, warning, error/); // prettier-ignore
    expect(errorsOf({})[0]).toMatch(/^strict\.json: \/ must have required property 'checks'/);
    expect(() => readLintProfile('{ "checks": ', 'broken.json')).toThrow(/broken\.json: not valid JSON/);
  });
});
