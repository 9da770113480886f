import type { AttributeSpec, Ontology, OntologyClass } from './ontology';
import { DEFAULT_SEGMENT_KINDS } from './segment-kinds';

/** How much of the object other things hide, judged in the LiDAR sweep and the images together; per frame. */
const occluded: AttributeSpec = {
  id: 'occluded',
  name: 'Occluded',
  names: { 'zh-CN': '遮挡' },
  kind: 'enum',
  dynamic: true,
  values: ['none', 'partly', 'mostly'],
  valueNames: {
    none: { name: 'Not occluded', names: { 'zh-CN': '无遮挡' } },
    partly: { name: 'Partly occluded', names: { 'zh-CN': '部分遮挡' } },
    mostly: { name: 'Mostly occluded', names: { 'zh-CN': '大部分遮挡' } },
  },
  guideline: 'Partly: up to about half is hidden. Mostly: more than half.',
  guidelines: { 'zh-CN': '部分遮挡：被挡住的部分不超过约一半。大部分遮挡：超过一半被挡住。' },
};

const car: OntologyClass = {
  id: 'car',
  name: 'Car',
  names: { 'zh-CN': '轿车' },
  color: '#f59e0b',
  defaultSize: [4.5, 1.85, 1.6],
  attributes: [
    occluded,
    {
      id: 'emergency',
      name: 'Emergency vehicle',
      names: { 'zh-CN': '紧急车辆' },
      kind: 'boolean',
      dynamic: false,
      guideline: 'Police, ambulance or fire service, lights on or not.',
      guidelines: { 'zh-CN': '警车、救护车或消防车，无论是否开着警灯。' },
    },
  ],
  guideline:
    'Passenger cars, vans, SUVs and pick-ups. Box the body from bumper to bumper; leave the mirrors out. ' +
    'A parked car is labelled like a moving one.',
  guidelines: {
    'zh-CN':
      '乘用车、厢式车、SUV 和皮卡。框住车身，从前保险杠到后保险杠，后视镜不计入。停放的车辆与行驶中的车辆标注方式相同。',
  },
};

const truck: OntologyClass = {
  id: 'truck',
  name: 'Truck',
  names: { 'zh-CN': '卡车' },
  color: '#ef4444',
  defaultSize: [8.5, 2.5, 3.2],
  attributes: [
    occluded,
    {
      id: 'body',
      name: 'Body',
      names: { 'zh-CN': '车身类型' },
      kind: 'enum',
      dynamic: false,
      values: ['truck', 'bus', 'trailer', 'construction', 'other'],
      valueNames: {
        truck: { name: 'Truck', names: { 'zh-CN': '货车' } },
        bus: { name: 'Bus', names: { 'zh-CN': '公交车' } },
        trailer: { name: 'Trailer', names: { 'zh-CN': '挂车' } },
        construction: { name: 'Construction vehicle', names: { 'zh-CN': '工程车辆' } },
        other: { name: 'Other', names: { 'zh-CN': '其他' } },
      },
    },
  ],
  guideline:
    'Lorries, buses, trailers and construction machines. A tractor and its trailer are two tracks: box each ' +
    'part on its own so that the joint can bend.',
  guidelines: { 'zh-CN': '货车、公交车、挂车和工程机械。牵引车和挂车是两条轨迹：各自单独框出，以便连接处可以弯折。' },
};

const pedestrian: OntologyClass = {
  id: 'pedestrian',
  name: 'Pedestrian',
  names: { 'zh-CN': '行人' },
  color: '#22d3ee',
  defaultSize: [0.7, 0.7, 1.75],
  attributes: [occluded, { id: 'child', name: 'Child', names: { 'zh-CN': '儿童' }, kind: 'boolean', dynamic: false }],
  guideline:
    'People on foot, standing or sitting. Include what they hold or push (bags, umbrellas, a pram); the box ' +
    'faces the way the body faces.',
  guidelines: { 'zh-CN': '步行、站立或坐着的人。包括其手持或推动的物品（包、雨伞、婴儿车）；框的朝向与身体朝向一致。' },
};

const cyclist: OntologyClass = {
  id: 'cyclist',
  name: 'Cyclist',
  names: { 'zh-CN': '骑行者' },
  color: '#a3e635',
  defaultSize: [1.8, 0.7, 1.7],
  attributes: [
    occluded,
    {
      id: 'vehicle',
      name: 'Ridden vehicle',
      names: { 'zh-CN': '所骑车辆' },
      kind: 'enum',
      dynamic: false,
      values: ['bicycle', 'motorcycle', 'scooter'],
      valueNames: {
        bicycle: { name: 'Bicycle', names: { 'zh-CN': '自行车' } },
        motorcycle: { name: 'Motorcycle', names: { 'zh-CN': '摩托车' } },
        scooter: { name: 'Scooter', names: { 'zh-CN': '滑板车' } },
      },
    },
  ],
  guideline:
    'A rider together with the two-wheeler, in one box from the front wheel to the back wheel and up to the ' +
    "rider's head. A two-wheeler nobody rides is not a cyclist.",
  guidelines: {
    'zh-CN': '骑行者连同所骑的两轮车，用一个框从前轮框到后轮，高度到骑行者头顶。无人骑乘的两轮车不算骑行者。',
  },
};

/**
 * The general driving set, the default of every scene: four classes that cover what a driving stack must not
 * hit. Sizes are typical dimensions (metres) so that a placed box needs little resizing.
 */
export const generalDriving: Ontology = {
  id: 'general-driving',
  name: 'General driving',
  names: { 'zh-CN': '通用驾驶' },
  // 3: time-segment kinds added.
  version: 3,
  description: 'Cars, trucks, pedestrians and cyclists, with occlusion per frame.',
  descriptions: { 'zh-CN': '轿车、卡车、行人和骑行者，每帧标注遮挡程度。' },
  classes: [car, truck, pedestrian, cyclist],
  segmentKinds: DEFAULT_SEGMENT_KINDS,
};

export function findClass(ontology: Ontology, classId: string): OntologyClass | undefined {
  return ontology.classes.find((c) => c.id === classId);
}
