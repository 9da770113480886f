import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFECT_TYPES, defaultTaxonomy, isDefaultDefect, isDefaultRootCause, parseTaxonomy, ROOT_CAUSES, SEVERITIES } from '../../../../src/core/review/taxonomy'; // prettier-ignore

describe('taxonomy', () => {
  it('ships the defect types, root causes and severities of the review', () => {
    expect(DEFAULT_DEFECT_TYPES).toHaveLength(11);
    expect(DEFAULT_DEFECT_TYPES).toContain('identity-switch');
    expect(ROOT_CAUSES).toEqual(['guideline-unclear', 'tool-problem', 'carelessness', 'ambiguous-data']);
    expect(SEVERITIES).toEqual(['minor', 'major', 'critical']);
    expect(isDefaultDefect('wrong-heading')).toBe(true);
    expect(isDefaultDefect('Blurry mask')).toBe(false);
    expect(isDefaultRootCause('tool-problem')).toBe(true);
  });

  it('reads a kept taxonomy back, tidied, and falls back to the default for what is missing or damaged', () => {
    expect(parseTaxonomy(null)).toEqual(defaultTaxonomy());
    expect(parseTaxonomy('{not json')).toEqual(defaultTaxonomy());
    expect(parseTaxonomy(JSON.stringify({ defects: [' Blurry ', 'Blurry', '', 3, 'other'] }))).toEqual({
      defects: ['Blurry', 'other'],
      rootCauses: [...ROOT_CAUSES],
    });
    expect(parseTaxonomy(JSON.stringify({ defects: [], rootCauses: ['night'] }))).toEqual({
      defects: [...DEFAULT_DEFECT_TYPES],
      rootCauses: ['night'],
    });
  });
});
