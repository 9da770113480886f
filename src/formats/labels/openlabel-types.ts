/**
 * The part of ASAM OpenLABEL 1.0's JSON that Frustum writes and reads, as TypeScript types. Everything is
 * optional on reading (files from other tools leave most of it out); the writer fills what it has.
 */
export interface OpenLabelFile {
  openlabel: OpenLabel;
}

export interface OpenLabel {
  metadata: { schema_version: '1.0.0'; name?: string; annotator?: string; comment?: string; file_version?: string } & Record<string, unknown>; // prettier-ignore
  ontologies?: Record<string, string | { uri: string }>;
  coordinate_systems?: Record<string, OlCoordinateSystem>;
  streams?: Record<string, OlStream>;
  objects?: Record<string, OlElement & { object_data?: OlData; coordinate_system?: string }>;
  actions?: Record<string, OlElement & { action_data?: OlAttributes }>;
  events?: Record<string, OlElement & { event_data?: OlAttributes }>;
  relations?: Record<string, OlRelation>;
  frames?: Record<string, OlFrame>;
  frame_intervals?: OlInterval[];
}

export interface OlInterval {
  frame_start: number;
  frame_end: number;
}

/** What objects, actions and events share. */
export interface OlElement {
  name: string;
  type: string;
  ontology_uid?: string;
  frame_intervals?: OlInterval[];
}

/** `matrix4x4` is row-major with X_dst = M · X_src; quaternions are (x, y, z, w); Euler angles in `sequence`. */
export type OlTransformData =
  | { matrix4x4: number[] }
  | { quaternion: number[]; translation: number[] }
  | { euler_angles: number[]; translation: number[]; sequence?: string };

export interface OlCoordinateSystem {
  type: string;
  parent: string;
  children?: string[];
  /** The pose of this frame in its parent's: X_parent = M · X_this. */
  pose_wrt_parent?: OlTransformData;
}

export interface OlStream {
  type?: 'camera' | 'lidar' | 'radar' | 'gps_imu' | 'other';
  description?: string;
  uri?: string;
  stream_properties?: Record<string, unknown>;
}

export interface OlTransform {
  src: string;
  dst: string;
  transform_src_to_dst: OlTransformData;
}

export interface OlValue<T> {
  name?: string;
  val: T;
  attributes?: OlAttributes;
}

/** Attributes of one geometry (a cuboid's `interpolated`, `confidence`). */
export interface OlAttributes {
  text?: OlValue<string>[];
  num?: OlValue<number>[];
  boolean?: OlValue<boolean>[];
  vec?: OlValue<(number | string)[]>[];
}

/** A cuboid: `val` (x, y, z, rx, ry, rz, sx, sy, sz) or (x, y, z, qx, qy, qz, qw, sx, sy, sz); old files spell it out. */
export interface OlCuboid extends OlValue<number[] | null> {
  name: string;
  coordinate_system?: string;
  quaternion?: number[];
  translation?: number[];
  traslation?: number[];
  size?: number[];
}

/** An object's data: its attributes and geometry (other geometry kinds are read as unknown entries). */
export interface OlData extends OlAttributes {
  cuboid?: OlCuboid[];
}

export interface OlRelation {
  name: string;
  type: string;
  rdf_subjects: { type: string; uid: string }[];
  rdf_objects: { type: string; uid: string }[];
}

export interface OlFrame {
  frame_properties?: {
    timestamp?: string | number;
    streams?: Record<string, OlStream>;
    transforms?: Record<string, OlTransform>;
  } & Record<string, unknown>;
  objects?: Record<string, { object_data?: OlData }>;
}

/** The ego frame's name in files Frustum writes: ISO 8855, as OpenLABEL's own examples call it. */
export const EGO_CS = 'vehicle-iso8855';
/** The world frame's name, where frames have ego poses. */
export const WORLD_CS = 'odom';
