import type { Catalogue } from './en';
import type { enPrelabel } from './en-prelabel';

/** 简体中文：预标注整个场景，以及确认或拒绝引擎的结果。 */
export const zhCNPrelabel: Pick<Catalogue, keyof typeof enPrelabel> = {
  prelabel: {
    title: '预标注',
    run: '预标注此场景',
    runTitle: '在本浏览器中检测并跟踪每一帧上的所有汽车、卡车、行人和骑行者',
    progress: '预标注中：{{done}} / {{total}} 帧 · {{tracks}} 条轨迹',
    cancel: '取消',
    done: '预标注：新增 {{tracks}} 条轨迹、{{boxes}} 个框 · 待确认 {{pending}} 个',
    cancelled: '已取消预标注：标注保持原样',
    pending: '待确认的预标注框 {{pending}} 个',
    failed: '预标注失败：{{message}}',
    boxFrom: '预标注来自 {{model}} {{version}}，得分 {{score}}',
    boxConfirmed: '已确认的预标注，来自 {{model}} {{version}}',
    boxEdited: '由 {{model}} {{version}} 的预标注修改而来',
    confirmBox: '确认此框',
    confirmTrack: '确认整条轨迹',
    rejectBox: '拒绝此框',
    rejectTrack: '拒绝整条轨迹',
  },
};
