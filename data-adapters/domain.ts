/**
 * Domain vocabulary shared by the generator, the sources, the stores and the scenes.
 * Facts come from ../shared/reference (宜昌市城市运行管理中心, 2024-06) and ../shared/DESIGN.md.
 */

/** The 14 reporting units. 高新区 has no administrative boundary of its own (see public/geo/README.md). */
export const UNITS = [
  { id: 'xiling', name: '西陵区', short: '西陵', kind: 'district' },
  { id: 'wujiagang', name: '伍家岗区', short: '伍家岗', kind: 'district' },
  { id: 'dianjun', name: '点军区', short: '点军', kind: 'district' },
  { id: 'xiaoting', name: '猇亭区', short: '猇亭', kind: 'district' },
  { id: 'yiling', name: '夷陵区', short: '夷陵', kind: 'district' },
  { id: 'yidu', name: '宜都市', short: '宜都', kind: 'city' },
  { id: 'dangyang', name: '当阳市', short: '当阳', kind: 'city' },
  { id: 'zhijiang', name: '枝江市', short: '枝江', kind: 'city' },
  { id: 'yuanan', name: '远安县', short: '远安', kind: 'county' },
  { id: 'xingshan', name: '兴山县', short: '兴山', kind: 'county' },
  { id: 'zigui', name: '秭归县', short: '秭归', kind: 'county' },
  { id: 'changyang', name: '长阳土家族自治县', short: '长阳', kind: 'county' },
  { id: 'wufeng', name: '五峰土家族自治县', short: '五峰', kind: 'county' },
  { id: 'gaoxin', name: '高新区', short: '高新', kind: 'zone' },
] as const;
export type UnitId = (typeof UNITS)[number]['id'];
export const UNIT_IDS = UNITS.map((u) => u.id) as unknown as readonly [UnitId, ...UnitId[]];

/** Channels through which a case is discovered. */
export const CHANNELS = [
  { id: 'hotline12345', name: '12345热线' },
  { id: 'inspector', name: '数字城管巡查' },
  { id: 'snapshot', name: '市民随手拍' },
  { id: 'police110', name: '110转办' },
  { id: 'sensor', name: '感知告警' },
] as const;
export type ChannelId = (typeof CHANNELS)[number]['id'];
export const CHANNEL_IDS = CHANNELS.map((c) => c.id) as unknown as readonly [ChannelId, ...ChannelId[]];

/** The closed loop 发现→立案→派单→处置→核查→结案, in order. */
export const STAGES = [
  { id: 'discover', name: '发现' },
  { id: 'register', name: '立案' },
  { id: 'dispatch', name: '派单' },
  { id: 'handle', name: '处置' },
  { id: 'verify', name: '核查' },
  { id: 'close', name: '结案' },
] as const;
export type StageId = (typeof STAGES)[number]['id'];
export const STAGE_IDS = STAGES.map((s) => s.id) as unknown as readonly [StageId, ...StageId[]];

/** Case categories (数字城管 部件/事件 classes and 12345 topics, simplified). */
export const CATEGORIES = [
  { id: 'environment', name: '市容环境' },
  { id: 'sanitation', name: '环卫保洁' },
  { id: 'facility', name: '市政设施' },
  { id: 'streetvendor', name: '占道经营' },
  { id: 'parking', name: '违章停车' },
  { id: 'greenery', name: '园林绿化' },
  { id: 'construction', name: '施工管理' },
  { id: 'noise', name: '噪声扰民' },
  { id: 'lifeline', name: '城市生命线' },
] as const;
export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as unknown as readonly [CategoryId, ...CategoryId[]];

/** The 19 connected industry systems named by the reference (18 named + 智慧城管门户 for the "…"). */
export const INDUSTRY_SYSTEMS = [
  { id: 'szcg', name: '数字城管' },
  { id: 'shizheng', name: '市政' },
  { id: 'huanwei', name: '环卫' },
  { id: 'zhifa', name: '城管执法' },
  { id: 'kaohe', name: '第三方考核' },
  { id: 'tingche', name: '停车' },
  { id: 'tianyan', name: '天眼查' },
  { id: 'zhatu', name: '渣土运输' },
  { id: 'zaihai', name: '自然灾害' },
  { id: 'shengmingxian', name: '城市生命线' },
  { id: 'gongdi', name: '智慧工地' },
  { id: 'fangwu', name: '房屋建筑' },
  { id: 'yuanlin', name: '智慧园林' },
  { id: 'xiaoqu', name: '智能小区' },
  { id: 'jiaotong', name: '交通态势' },
  { id: 'mingchu', name: '明厨亮灶' },
  { id: 'dianti', name: '电梯物联网' },
  { id: 'yingji', name: '应急联动处置' },
  { id: 'yijie', name: '宜接就办' },
] as const;
export type IndustrySystemId = (typeof INDUSTRY_SYSTEMS)[number]['id'];
export const INDUSTRY_SYSTEM_IDS = INDUSTRY_SYSTEMS.map((s) => s.id) as unknown as readonly [
  IndustrySystemId,
  ...IndustrySystemId[],
];

/** Sources of the aggregated database (数据汇聚), with the reference's record counts as of 2024-06. */
export const DATA_SOURCES = [
  { id: 'yijie', name: '宜接就办', baseRecords: 2_240_000 },
  { id: 'pinggu', name: '综合评估', baseRecords: 1_900_000 },
  { id: 'zhifa', name: '城管执法', baseRecords: 560_000 },
  { id: 'szcg', name: '数字城管', baseRecords: 500_000 },
  { id: 'tianyan', name: '天眼查', baseRecords: 90_000 },
  { id: 'shizheng', name: '智慧市政', baseRecords: 25_000 },
  { id: 'yangben', name: '样本点', baseRecords: 1_393 },
] as const;
export type DataSourceId = (typeof DATA_SOURCES)[number]['id'];
export const DATA_SOURCE_IDS = DATA_SOURCES.map((s) => s.id) as unknown as readonly [DataSourceId, ...DataSourceId[]];

/** Cases handled by the platform as of the reference (86.06万件); the demo starts near this figure. */
export const CASES_HANDLED_REFERENCE = 860_600;

export function unitName(id: UnitId): string {
  return UNITS.find((u) => u.id === id)?.name ?? id;
}

/**
 * 高新区 has no administrative boundary in our data: it is a functional zone spread over parks inside
 * 西陵/伍家岗/夷陵/猇亭. The wall shows it honestly as an approximate circle around its main (东山) park,
 * labelled as approximate, and the generator places its cases inside that circle.
 */
export const GAOXIN_APPROX = { center: [111.345, 30.705] as const, radiusKm: 4, label: '高新区（范围示意）' };

/** Geographic names in public/geo/yichang-counties.geojson, by unit id (高新区 has none). */
export const UNIT_GEO_NAME: Record<Exclude<UnitId, 'gaoxin'>, string> = {
  xiling: '西陵区',
  wujiagang: '伍家岗区',
  dianjun: '点军区',
  xiaoting: '猇亭区',
  yiling: '夷陵区',
  yidu: '宜都市',
  dangyang: '当阳市',
  zhijiang: '枝江市',
  yuanan: '远安县',
  xingshan: '兴山县',
  zigui: '秭归县',
  changyang: '长阳土家族自治县',
  wufeng: '五峰土家族自治县',
};
