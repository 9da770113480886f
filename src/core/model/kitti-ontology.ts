import type { Vec3 } from '../math/mat4';
import type { AttributeSpec, Ontology, OntologyClass } from './ontology';
import { DEFAULT_SEGMENT_KINDS } from './segment-kinds';

/** KITTI's two per-object judgements, both per frame: they change as the object and the ego move. */
const ATTRIBUTES: AttributeSpec[] = [
  {
    id: 'truncated',
    name: 'Truncated (0–1)',
    names: { 'zh-CN': '截断比例（0–1）' },
    kind: 'number',
    dynamic: true,
    min: 0,
    max: 1,
    guideline: 'The share of the object that lies outside the camera image: 0 wholly inside, 1 wholly outside.',
    guidelines: { 'zh-CN': '物体位于相机图像之外的比例：0 表示完全在图像内，1 表示完全在图像外。' },
  },
  {
    id: 'occluded',
    name: 'Occluded',
    names: { 'zh-CN': '遮挡程度' },
    kind: 'enum',
    dynamic: true,
    values: ['0', '1', '2', '3'],
    valueNames: {
      '0': { name: '0 · fully visible', names: { 'zh-CN': '0 · 完全可见' } },
      '1': { name: '1 · partly occluded', names: { 'zh-CN': '1 · 部分遮挡' } },
      '2': { name: '2 · largely occluded', names: { 'zh-CN': '2 · 大部分遮挡' } },
      '3': { name: '3 · unknown', names: { 'zh-CN': '3 · 未知' } },
    },
    guideline: 'Judged in the camera image. Use 3 only when the image cannot tell.',
    guidelines: { 'zh-CN': '依据相机图像判断。仅当图像无法判断时才选 3。' },
  },
];

function kittiClass(
  id: string,
  name: string,
  zh: string,
  color: string,
  defaultSize: Vec3,
  [guideline, guidelineZh]: [string, string],
): OntologyClass {
  const guidelines = { 'zh-CN': guidelineZh };
  return { id, name, names: { 'zh-CN': zh }, color, defaultSize, attributes: ATTRIBUTES, guideline, guidelines };
}

/**
 * The eight object types of the KITTI 3D object benchmark. Ids are KITTI's type names in lower case
 * (`Person_sitting` → `person_sitting`), so that an export writes them back by capitalising; `car`,
 * `truck`, `pedestrian` and `cyclist` are the ids of the general driving set as well. Default sizes are close to
 * the benchmark's averages per type (metres, [length, width, height]). KITTI's DontCare regions are not
 * objects and have no class here.
 */
export const kittiOntology: Ontology = {
  id: 'kitti',
  name: 'KITTI',
  // 2: time-segment kinds added.
  version: 2,
  segmentKinds: DEFAULT_SEGMENT_KINDS,
  description: 'The object types of the KITTI 3D object and tracking benchmarks, with truncation and occlusion.',
  descriptions: { 'zh-CN': 'KITTI 三维目标检测与跟踪基准的物体类型，含截断比例和遮挡程度。' },
  classes: [
    kittiClass(
      'car',
      'Car',
      '轿车',
      '#f59e0b',
      [3.9, 1.6, 1.55],
      [
        'Passenger cars, estates and hatchbacks. Mirrors stay outside the box.',
        '乘用车、旅行车和两厢车。后视镜不计入框内。',
      ],
    ),
    kittiClass(
      'van',
      'Van',
      '厢式车',
      '#fb923c',
      [5.1, 1.9, 2.2],
      [
        'Vans and minibuses: taller than a car, boxier than a truck. SUVs are cars.',
        '厢式车和小型客车：比轿车高，比卡车更方正。SUV 属于轿车。',
      ],
    ),
    kittiClass(
      'truck',
      'Truck',
      '卡车',
      '#ef4444',
      [10.1, 2.6, 3.3],
      [
        'Lorries and articulated trucks; the box takes in the cab and the load bed or trailer.',
        '货车和铰接式卡车；框包含驾驶室以及货厢或挂车。',
      ],
    ),
    kittiClass(
      'pedestrian',
      'Pedestrian',
      '行人',
      '#22d3ee',
      [0.85, 0.65, 1.75],
      [
        'People walking or standing. Someone pushing a bicycle is a pedestrian.',
        '行走或站立的人。推着自行车的人属于行人。',
      ],
    ),
    kittiClass(
      'person_sitting',
      'Person sitting',
      '坐着的人',
      '#818cf8',
      [0.8, 0.6, 1.25],
      [
        'People sitting on a bench, a step or a chair; the box covers the seat they use.',
        '坐在长椅、台阶或椅子上的人；框包含其所坐的座位。',
      ],
    ),
    kittiClass(
      'cyclist',
      'Cyclist',
      '骑行者',
      '#a3e635',
      [1.75, 0.6, 1.75],
      ['A person riding a bicycle, boxed together with the bicycle.', '骑自行车的人，与自行车一起框出。'],
    ),
    kittiClass(
      'tram',
      'Tram',
      '有轨电车',
      '#e879f9',
      [16, 2.55, 3.5],
      [
        'Trams and light rail. A long tram seen in part is still boxed to its full visible length.',
        '有轨电车和轻轨。只看到一部分的长电车，也按其全部可见长度框出。',
      ],
    ),
    kittiClass(
      'misc',
      'Misc',
      '其他',
      '#94a3b8',
      [3.6, 1.5, 1.9],
      [
        'Road users that fit no other type: trailers, caravans, segways, mobility scooters.',
        '不属于其他类型的道路使用者：挂车、房车、平衡车、代步车。',
      ],
    ),
  ],
};
