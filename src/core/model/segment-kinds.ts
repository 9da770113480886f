import { displayName, UNKNOWN_CLASS_COLOR } from './display-name';
import type { AttributeSpec, Ontology, SegmentKind } from './ontology';

const direction = (values: string[], names: Record<string, [string, string]>): AttributeSpec => ({
  id: 'direction',
  name: 'Direction',
  names: { 'zh-CN': '方向' },
  kind: 'enum',
  dynamic: false,
  values,
  valueNames: Object.fromEntries(
    Object.entries(names).map(([value, [en, zh]]) => [value, { name: en, names: { 'zh-CN': zh } }]),
  ),
});

/**
 * The time-segment kinds every shipped ontology offers, and any loaded one that declares none: the behaviours a
 * planning or prediction team asks to find in a drive. Colours stay clear of the class colours so a segment bar
 * never reads as a track's presence.
 */
export const DEFAULT_SEGMENT_KINDS: SegmentKind[] = [
  {
    id: 'lane_change',
    name: 'Lane change',
    names: { 'zh-CN': '变道' },
    color: '#8b5cf6',
    attributes: [direction(['left', 'right'], { left: ['Left', '向左'], right: ['Right', '向右'] })],
  },
  { id: 'occluded', name: 'Occluded', names: { 'zh-CN': '被遮挡' }, color: '#64748b', attributes: [] },
  { id: 'braking', name: 'Braking', names: { 'zh-CN': '制动' }, color: '#dc2626', attributes: [] },
  { id: 'parked', name: 'Parked', names: { 'zh-CN': '停放' }, color: '#0ea5e9', attributes: [] },
  {
    id: 'turning',
    name: 'Turning',
    names: { 'zh-CN': '转弯' },
    color: '#ec4899',
    attributes: [
      direction(['left', 'right', 'u_turn'], {
        left: ['Left', '左转'],
        right: ['Right', '右转'],
        u_turn: ['U-turn', '掉头'],
      }),
    ],
  },
  { id: 'stopped', name: 'Stopped', names: { 'zh-CN': '停止' }, color: '#14b8a6', attributes: [] },
];

/** The segment kinds a scene offers: its ontology's own, else the default list. */
export function segmentKindsOf(ontology: Ontology): SegmentKind[] {
  return ontology.segmentKinds ?? DEFAULT_SEGMENT_KINDS;
}

/**
 * A segment's kind as the UI shows it: its name in `locale` and colour, or for a kind the ontology lacks (a
 * segment made under another ontology) the id in grey. Such segments are kept, never dropped.
 */
export function segmentKindLabel(
  ontology: Ontology,
  kindId: string,
  locale: string,
): { name: string; color: string; kind: SegmentKind | undefined } {
  const kind = segmentKindsOf(ontology).find((k) => k.id === kindId);
  return kind
    ? { name: displayName(kind, locale), color: kind.color, kind }
    : { name: kindId, color: UNKNOWN_CLASS_COLOR, kind };
}
