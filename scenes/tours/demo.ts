/**
 * 展厅演示 — the visitor demo: every scene once, in list order, each held 20–30 s with the panel that tells
 * its story lit, looping for as long as the hall is open. Shorter than the auto rotation (the scenes' own
 * dwell) because visitors walk past; the notes are one line each for a guide who happens to hold the remote.
 */
import { defineTour } from '../../src/tour/define';

export const demo = defineTour({
  id: 'demo',
  title: '展厅演示',
  loop: true,
  steps: [
    { scene: 'overview', highlight: { panelId: 'kpis' }, holdSeconds: 30, notes: '城市运行一张图：全市各县市区今日案件与闭环处置实时汇聚。' },
    { scene: 'command', highlight: { panelId: 'loop' }, holdSeconds: 25, notes: '闭环处置：发现、立案、派单、处置、核查、结案，每件案件全程留痕。' },
    { scene: 'industry', highlight: { panelId: 'systems' }, holdSeconds: 20, notes: '行业应用：各部门业务系统接入平台，运行状态一屏可见。' },
    { scene: 'public-service', highlight: { panelId: 'calls' }, holdSeconds: 25, notes: '12345热线：多条热线归并，群众诉求直达承办单位。' },
    { scene: 'monitoring', highlight: { panelId: 'alarms' }, holdSeconds: 30, notes: '城市生命线：十二大领域传感器实时监测，告警自动转工单。' },
    { scene: 'evaluation', highlight: { panelId: 'dimensions' }, holdSeconds: 20, notes: '综合评价：干净、整洁、有序、群众满意，按月考评。' },
    { scene: 'decision', highlight: { panelId: 'suggestions' }, holdSeconds: 25, notes: '决策建议：规则引擎自动研判，给出预警与建议。' },
    { scene: 'guidance', highlight: { panelId: 'links' }, holdSeconds: 20, notes: '业务指导：与国家、省级平台联网，数据按时上报。' },
    { scene: 'flood', highlight: { panelId: 'river-gauge' }, holdSeconds: 30, notes: '防洪排涝：雨量、长江水位、积水点与泵站联动。' },
    { scene: 'parking', highlight: { panelId: 'figures' }, holdSeconds: 20, notes: '全市一个停车场：泊位占用与空余泊位实时可查。' },
    { scene: 'skyeye', highlight: { panelId: 'recent' }, holdSeconds: 25, notes: '城管天眼：摄像头智能识别，发现问题自动立案。' },
    { scene: 'emergency', highlight: { panelId: 'timeline' }, holdSeconds: 30, notes: '应急联动：突发事件多部门协同，处置过程全程可视。' },
  ],
});
