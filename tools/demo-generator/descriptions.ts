/**
 * What the citizen, the inspector or the sensor said. Varied templates per category and a channel
 * voice. Citizen text is untrusted: some templates carry `<`, `&` and quotes, and the generator plants
 * INJECTION_PAYLOADS in a couple of citizen reports, so the wall proves it renders them as text.
 */
import type { CategoryId, ChannelId } from '../../data-adapters/domain';
import type { Rng } from './random';

type Template = (rng: Rng, road: string) => string;

const n = (rng: Rng, min: number, max: number): number => rng.int(min, max);

const TEMPLATES: Readonly<Record<CategoryId, readonly Template[]>> = {
  environment: [
    (r, road) => `${road}沿街商铺门前乱堆放纸箱杂物，约${n(r, 3, 15)}平方米，影响通行`,
    (r, road) => `${road}人行道上有大量小广告张贴，电杆、配电箱上都有`,
    () => `户外广告牌松动，边角翘起，大风天担心掉下来砸人`,
    (r) => `沿街店铺“出店经营”，桌椅摆到人行道上${n(r, 2, 6)}米`,
    () => `墙面"牛皮癣"&乱涂写较多，刚清理过又有人贴`,
    (r, road) => `${road}绿化带内有人私搭晾衣架，晾晒被褥约${n(r, 5, 20)}米长`,
  ],
  sanitation: [
    (r, road) => `${road}垃圾桶满溢，周边散落垃圾约${n(r, 2, 8)}袋，气味较大`,
    () => `路面有油污和泥浆，车辆经过溅起，行人意见大`,
    (r) => `果皮箱破损，垃圾外溢，已持续${n(r, 2, 4)}天无人清理`,
    () => `菜市场门口地面积水发臭，污水横流`,
    () => `公厕无人保洁，洗手池堵塞，“无纸”“无水”`,
    (r, road) => `${road}路段渣土洒落，长约${n(r, 20, 150)}米`,
  ],
  facility: [
    (r, road) => `${road}井盖破损下沉约${n(r, 3, 12)}厘米，车辆经过有异响`,
    (r, road) => `${road}路灯不亮，连续${n(r, 3, 11)}盏，晚上行人看不清路`,
    () => `人行道板松动翘起，老人小孩容易绊倒`,
    (r) => `雨水箅子缺失一块，洞口约${n(r, 30, 60)}厘米，存在安全隐患`,
    () => `交通护栏被撞倒，倒伏在非机动车道上`,
    (r, road) => `${road}道路出现坑槽，直径约${n(r, 40, 120)}厘米`,
    () => `公交站亭玻璃破碎，碎片散落地面`,
  ],
  streetvendor: [
    (r, road) => `${road}早点摊占道经营，占用盲道约${n(r, 5, 30)}米`,
    () => `流动商贩在路口卖水果，三轮车堵住人行横道`,
    () => `夜市摊位收摊后垃圾未清理，油烟扰民`,
    (r) => `${n(r, 3, 9)}个摊贩在学校门口占道摆摊，放学时段拥堵`,
    () => `店铺在门前搭建雨棚&摆放货架经营，占用人行道`,
  ],
  parking: [
    (r, road) => `${road}机动车乱停放，占用人行道，共${n(r, 3, 14)}辆`,
    () => `车辆停在消防通道上，车主联系不上`,
    () => `共享单车大量堆放在地铁口/公交站，无法通行`,
    (r) => `小区门口车辆双排停放，高峰期堵塞约${n(r, 10, 40)}分钟`,
    () => `货车长期占用公共泊位，“僵尸车”多日未动`,
  ],
  greenery: [
    (r, road) => `${road}行道树倾斜，树枝压到电线，${n(r, 1, 3)}处`,
    () => `绿化带内杂草丛生，高度超过半米，有蚊虫`,
    () => `树木枯死未及时补植，树穴裸露`,
    (r) => `绿篱被毁坏约${n(r, 5, 25)}米，疑似车辆碾压`,
    () => `公园草坪被人为踩踏出小路，黄土裸露`,
  ],
  construction: [
    (r, road) => `${road}工地围挡破损，扬尘较大，未覆盖防尘网`,
    () => `工地出口车辆未冲洗，带泥上路`,
    () => `施工占道未设置警示标志，夜间无警示灯`,
    (r) => `工地夜间${n(r, 22, 23)}点后仍在作业，噪声<70分贝？明显超标`,
    () => `渣土车未密闭运输，沿途抛洒`,
  ],
  noise: [
    (r) => `楼下广场舞音响声音过大，${n(r, 19, 21)}点到${n(r, 22, 23)}点持续扰民`,
    () => `商铺门口大音箱循环播放促销广告，“声音震耳”`,
    (r) => `夜间KTV噪声扰民，凌晨${n(r, 1, 3)}点仍有声响`,
    () => `装修电钻声从早上7点开始，周末也不停`,
    () => `餐馆排风机噪声大，晚上睡不着，说是“马上整改”，已经一个月了`,
  ],
  lifeline: [
    (r, road) => `${road}附近燃气管网监测点甲烷浓度${n(r, 12, 48)}%LEL，超过预警阈值`,
    (r) => `供水管网压力骤降至${(n(r, 12, 22) / 100).toFixed(2)}MPa，疑似爆管`,
    (r, road) => `${road}排水管网液位${n(r, 82, 97)}%，接近满管`,
    (r) => `桥梁结构监测：挠度超预警值${n(r, 5, 18)}%，请核查`,
    (r) => `隧道内CO浓度${n(r, 60, 120)}ppm，超过阈值`,
    (_r, road) => `${road}井盖位移传感器：井盖开启/移位，请现场核查`,
  ],
};

/** Citizens report lifeline problems by what they see or smell, not by sensor readings. */
const CITIZEN_LIFELINE: readonly Template[] = [
  (_r, road) => `${road}附近闻到明显燃气味，担心泄漏`,
  () => `路面有水往外冒，疑似自来水管爆裂`,
  () => `井盖被掀开未复位，洞口无任何警示`,
  () => `小区停水，没有提前通知，“什么时候来水？”`,
];

const PREFIX: Readonly<Record<ChannelId, readonly string[]>> = {
  hotline12345: ['市民来电反映：', '市民来电：', '来电人称：'],
  inspector: ['巡查发现：', '监督员上报：'],
  snapshot: ['市民随手拍：', '随手拍上报：', ''],
  police110: ['110转办：', '110一键转接：'],
  sensor: ['系统告警：', '感知设备告警：'],
};

/** HTML/script-looking text from a citizen, planted on purpose: it must show on the wall as typed. */
export const INJECTION_PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert("xss")</script>'] as const;

export function describe(rng: Rng, channel: ChannelId, category: CategoryId, road: string, payload?: string): string {
  const templates = category === 'lifeline' && channel !== 'sensor' ? CITIZEN_LIFELINE : TEMPLATES[category];
  const text = rng.pick(templates)(rng, road);
  const prefix = rng.pick(PREFIX[channel]);
  const tail = channel === 'hotline12345' && rng.chance(0.35) ? '，请尽快处理' : '';
  return `${prefix}${text}${tail}${payload ?? ''}`;
}
