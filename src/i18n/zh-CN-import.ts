import type { Catalogue } from './en';
import type { enImport } from './en-import';

/** 简体中文：从多场景文件夹中选择一个场景，以及导入后的投影检查。 */
export const zhCNImport: Pick<Catalogue, keyof typeof enImport> = {
  chooser: {
    title: '{{source}} 包含 {{count}} 个场景：导入哪一个？',
    titleOne: '{{source}}：如何导入？',
    frames: '{{count}} 个关键帧',
    sweeps: '同时导入关键帧之间的扫描，作为无标注的帧（帧数约为 10 倍）',
    open: '导入此场景',
    cancel: '取消',
  },
  projection: {
    fewInside:
      '扫描中只有 {{percent}}% 的点落在 {{camera}} 的图像内：其标定可能方向相反（把相机到激光雷达的矩阵当成了激光雷达到相机的矩阵），或单位、坐标轴不同。',
    tilted:
      '图像的向下方向与车辆的向下方向相差 {{degrees}}°：{{camera}} 的旋转可能方向相反（把相机到车辆的矩阵当成了车辆到相机的矩阵，或把激光雷达的坐标轴当成了车辆的）。',
  },
};
