import type { Vec3 } from '../math/mat4';
import type { AttributeSpec, Ontology, OntologyClass } from './ontology';
import { DEFAULT_SEGMENT_KINDS } from './segment-kinds';

/** nuScenes' visibility levels: the share of the object seen across all six cameras; per frame. */
const visibility: AttributeSpec = {
  id: 'visibility',
  name: 'Visibility',
  names: { 'zh-CN': '可见度' },
  kind: 'enum',
  dynamic: true,
  values: ['v0-40', 'v40-60', 'v60-80', 'v80-100'],
  valueNames: {
    'v0-40': { name: '0–40 % visible', names: { 'zh-CN': '0–40% 可见' } },
    'v40-60': { name: '40–60 % visible', names: { 'zh-CN': '40–60% 可见' } },
    'v60-80': { name: '60–80 % visible', names: { 'zh-CN': '60–80% 可见' } },
    'v80-100': { name: '80–100 % visible', names: { 'zh-CN': '80–100% 可见' } },
  },
};

/** One nuScenes attribute set as a per-frame enum whose values are nuScenes' own attribute names. */
function status(values: [string, string, string][]): AttributeSpec {
  return {
    id: 'status',
    name: 'Status',
    names: { 'zh-CN': '状态' },
    kind: 'enum',
    dynamic: true,
    values: values.map(([v]) => v),
    valueNames: Object.fromEntries(values.map(([v, name, zh]) => [v, { name, names: { 'zh-CN': zh } }])),
  };
}

const VEHICLE = status([
  ['vehicle.moving', 'Moving', '行驶中'],
  ['vehicle.stopped', 'Stopped (for traffic)', '临时停车'],
  ['vehicle.parked', 'Parked', '已停放'],
]);
const CYCLE = status([
  ['cycle.with_rider', 'With rider', '有人骑'],
  ['cycle.without_rider', 'Without rider', '无人骑'],
]);
const PEDESTRIAN = status([
  ['pedestrian.moving', 'Moving', '行走中'],
  ['pedestrian.standing', 'Standing', '站立'],
  ['pedestrian.sitting_lying_down', 'Sitting or lying down', '坐或躺'],
]);

function nuscenesClass(
  id: string,
  [name, zh]: [string, string],
  color: string,
  defaultSize: Vec3,
  state: AttributeSpec | undefined,
  [guideline, guidelineZh]: [string, string],
): OntologyClass {
  const attributes = state ? [state, visibility] : [visibility];
  const guidelines = { 'zh-CN': guidelineZh };
  return { id, name, names: { 'zh-CN': zh }, color, defaultSize, attributes, guideline, guidelines };
}

/**
 * The ten classes of the nuScenes detection benchmark (the tracking benchmark uses seven of them), with nuScenes' attributes: a vehicle's
 * moving / stopped / parked, a two-wheeler with or without rider, a pedestrian's posture, and visibility. Enum
 * values are nuScenes' own names (`vehicle.parked`, `v40-60`) so that an export writes them unchanged. Default
 * sizes are near the dataset's means per class ([length, width, height], metres).
 */
export const nuscenesOntology: Ontology = {
  id: 'nuscenes',
  name: 'nuScenes',
  // 2: time-segment kinds added.
  version: 2,
  segmentKinds: DEFAULT_SEGMENT_KINDS,
  description: 'The ten nuScenes detection classes, with their attributes and visibility.',
  descriptions: { 'zh-CN': 'nuScenes 检测任务的十个类别，含其属性和可见度。' },
  classes: [
    nuscenesClass('car', ['Car', '轿车'], '#f59e0b', [4.6, 1.95, 1.75], VEHICLE, [
      'Passenger cars, vans, SUVs.',
      '乘用车、厢式车、SUV。',
    ]),
    nuscenesClass('truck', ['Truck', '卡车'], '#ef4444', [6.9, 2.5, 2.85], VEHICLE, [
      'Pick-ups, lorries and the tractor of an articulated truck (its trailer is a trailer).',
      '皮卡、货车以及铰接式卡车的牵引车（其挂车归为挂车）。',
    ]),
    nuscenesClass('bus', ['Bus', '公交车'], '#f43f5e', [11, 2.95, 3.5], VEHICLE, [
      'City and coach buses. A bendy bus is one box per rigid section.',
      '城市公交车和长途客车。铰接式公交车每个刚性车厢各一个框。',
    ]),
    nuscenesClass('trailer', ['Trailer', '挂车'], '#c084fc', [12.3, 2.9, 3.85], VEHICLE, [
      'Anything towed: semi-trailers, caravans, boat and car trailers; the tow bar is inside the box.',
      '一切被牵引的车辆：半挂车、房车、运船和运车挂车；牵引杆包含在框内。',
    ]),
    nuscenesClass('construction_vehicle', ['Construction vehicle', '工程车辆'], '#eab308', [6.4, 2.85, 3.2], VEHICLE, [
      'Diggers, cranes, rollers. An extended arm or boom is part of the box.',
      '挖掘机、起重机、压路机。伸出的机械臂或吊臂也包含在框内。',
    ]),
    nuscenesClass('pedestrian', ['Pedestrian', '行人'], '#22d3ee', [0.75, 0.7, 1.75], PEDESTRIAN, [
      'Adults, children, workers and police on foot; a wheelchair or pram goes in the box.',
      '步行的成人、儿童、工人和警察；轮椅或婴儿车包含在框内。',
    ]),
    nuscenesClass('motorcycle', ['Motorcycle', '摩托车'], '#84cc16', [2.1, 0.8, 1.45], CYCLE, [
      'Motorbikes and mopeds, boxed with their rider when there is one.',
      '摩托车和轻便摩托车，有人骑乘时连同骑手一起框出。',
    ]),
    nuscenesClass('bicycle', ['Bicycle', '自行车'], '#a3e635', [1.7, 0.6, 1.3], CYCLE, [
      'Bicycles, ridden or parked; a rider is inside the same box.',
      '自行车，无论有人骑还是停放；骑车人包含在同一个框内。',
    ]),
    nuscenesClass('traffic_cone', ['Traffic cone', '交通锥'], '#fb923c', [0.4, 0.4, 1.05], undefined, [
      'Cones and bollards that can be moved by hand; fixed posts are not labelled.',
      '可以用手移动的锥桶和路桩；固定的立柱不标注。',
    ]),
    nuscenesClass('barrier', ['Barrier', '路障'], '#94a3b8', [2.5, 0.5, 1], undefined, [
      'Temporary barriers that block a lane or a footway. One box per separate segment, long side as length.',
      '封闭车道或人行道的临时隔离设施。每个独立段各一个框，以长边为长度。',
    ]),
  ],
};
