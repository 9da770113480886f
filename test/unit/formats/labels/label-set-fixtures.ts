import type { ExportLineage } from '../../../../src/core/model/export-lineage';

/** A lineage with every field set, for writers under test. */
export function testLineage(): ExportLineage {
  return {
    frustumVersion: '0.1.0',
    labelVersionId: 'v-2',
    parentVersionId: 'v-1',
    author: 'tester 测试',
    time: '2024-05-01T12:00:00.000Z',
    inputs: [{ path: 'label_2/000000.txt', sha256: 'ab'.repeat(32) }],
    ontology: { id: 'general-driving', version: 3 },
    prelabelModels: [{ name: 'pointpillars', version: '1.2' }],
  };
}
