import type { Vec3 } from '../../core/math/mat4';
import type { AttributeSpec, DisplayNames, Ontology } from '../../core/model/ontology';

/** An ontology file as `ontology.schema.json` describes it, before `readOntology` fills in the defaults. */
export interface OntologyFile extends DisplayNames {
  $schema?: string;
  format: 'frustum-ontology';
  id: string;
  name: string;
  version: number;
  description?: string;
  descriptions?: Record<string, string>;
  classes: {
    id: string;
    name?: string;
    names?: Record<string, string>;
    color: string;
    defaultSize: Vec3;
    attributes?: AttributeSpec[];
    guideline?: string;
    guidelines?: Record<string, string>;
  }[];
  /** Segment attributes may leave `dynamic` out: one value holds for the whole span. */
  segmentKinds?: {
    id: string;
    name?: string;
    names?: Record<string, string>;
    color: string;
    attributes?: (Omit<AttributeSpec, 'dynamic'> & { dynamic?: boolean })[];
  }[];
}

/** The file a shipped or stored ontology would be written as: what "save as JSON" and the tests produce. */
export function toOntologyFile(ontology: Ontology): OntologyFile {
  return { format: 'frustum-ontology', ...ontology };
}
