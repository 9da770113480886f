import type { Catalogue } from './en';

/** 简体中文 catalogue. Typed against the English one, so a missing key fails the type check. */
export const zhCN: Catalogue = {
  app: {
    title: 'Frustum',
    loadingScene: '正在准备演示路段…',
    generatingFrame: '正在生成第 {{index}} 帧…',
    error: '出错了：{{message}}',
  },
  toolbar: {
    orbit: '环绕',
    birdsEye: '鸟瞰',
    placeBox: '新建框',
    placeBoxHint: '在三维视图中点击以放置{{className}}（按 Esc 取消）',
    colorBy: '着色',
    colorHeight: '高度',
    colorIntensity: '强度',
    className: '类别',
    undo: '撤销',
    redo: '重做',
    deleteBox: '删除框',
  },
  classes: {
    car: '轿车',
    truck: '卡车',
    pedestrian: '行人',
    cyclist: '骑行者',
  },
  timeline: {
    frame: '第 {{index}} / {{count}} 帧',
    time: '{{seconds}} 秒',
    previous: '上一帧',
    next: '下一帧',
  },
  camera: {
    title: '前视相机',
    noImage: '此帧没有图像',
  },
  status: {
    backend: '渲染器：{{backend}}',
    points: '点数：{{count, number}}',
    boxes: '本帧框数：{{count}}',
    language: '语言',
    readOnly: '此场景正在另一个标签页中编辑；在该标签页关闭前，此标签页为只读。',
    skippedOnLoad: '有 {{count}} 条日志记录无法应用，已跳过。其余内容均已加载。',
    deviceLost: 'GPU 设备已丢失，三维视图已改用 WebGL2 绘制。',
    saved: '所有更改已保存',
    saving: '正在保存…',
    storageError: '无法保存到浏览器存储：{{message}}。您的编辑仍保留在此标签页中，请勿关闭。',
  },
  cli: {
    usage: '用法：frustum <命令> [选项]',
    commands: '命令：',
    help: 'help      显示此帮助',
    version: 'version   打印版本号',
    unknown: '未知命令“{{command}}”。运行“frustum help”查看命令列表。',
  },
};
