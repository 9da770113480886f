import type { Vec3 } from '../math/mat4';

export type AttributeSpec =
  | { id: string; kind: 'enum'; values: string[]; dynamic: boolean }
  | { id: string; kind: 'boolean'; dynamic: boolean }
  | { id: string; kind: 'number'; min?: number; max?: number; dynamic: boolean }
  | { id: string; kind: 'text'; dynamic: boolean };

export interface OntologyClass {
  id: string;
  /** `#rrggbb`. */
  color: string;
  /** Default [length, width, height], metres. */
  defaultSize: Vec3;
  attributes: AttributeSpec[];
  guideline: string;
}

export interface Ontology {
  id: string;
  name: string;
  version: number;
  classes: OntologyClass[];
}
