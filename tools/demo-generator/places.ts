/**
 * Street and place names for case addresses. Plausible Yichang names (many real, placement not
 * surveyed): a case gets a road of its unit's urban area, or a town/village when it fell outside the
 * core. Demo data: the address is not geocoded from the point.
 */
import { unitName, type UnitId } from '../../data-adapters/domain';
import type { Rng } from './random';

/** Roads of each unit's urban area. */
export const ROADS: Readonly<Record<UnitId, readonly string[]>> = {
  xiling: ['东山大道', '沿江大道', '夷陵大道', '解放路', '西陵一路', '西陵二路', '胜利四路', '云集路', '珍珠路', '夷陵路', '北门外正街', '樵湖一路', '果园一路', '西坝路', '隆康路', '体育场路'],
  wujiagang: ['沿江大道', '夷陵大道', '城东大道', '东山大道', '伍临路', '桔城路', '中南路', '花溪路', '合益路', '港窑路', '宝塔河路', '江城路', '柏临河路', '共联路'],
  dianjun: ['江南大道', '五龙大道', '紫阳路', '桥边路', '点军大道', '联棚路'],
  xiaoting: ['猇亭大道', '福善路', '长江大道', '云池路', '古老背路', '金岭路'],
  yiling: ['发展大道', '夷兴大道', '东湖大道', '平湖大道', '锁金山路', '府前路', '黄金路', '小溪塔路'],
  yidu: ['清江大道', '长江大道', '园林大道', '陆城大道', '名都大道', '枝城路'],
  dangyang: ['玉阳大道', '子龙路', '长坂路', '环城路', '玉泉路', '关陵路'],
  zhijiang: ['迎宾大道', '团结路', '丹阳路', '滨江路', '马家店大道', '江汉路'],
  yuanan: ['鸣凤大道', '嫘祖大道', '凤山路', '沮河路'],
  xingshan: ['昭君路', '高阳大道', '古夫路', '香溪路'],
  zigui: ['屈原路', '茅坪大道', '长宁大道', '凤凰路'],
  changyang: ['龙舟大道', '清江路', '白虎路', '津洋路'],
  wufeng: ['五峰大道', '柳林路', '渔洋路', '向阳路'],
  gaoxin: ['发展大道', '东山大道', '城东大道', '港窑路', '大连路', '兰台路', '峡州大道'],
};

/** Towns and sub-districts outside the urban cores. */
export const TOWNS: Readonly<Record<UnitId, readonly string[]>> = {
  xiling: ['窑湾街道', '夜明珠街道', '葛洲坝街道', '西坝街道', '学院街道'],
  wujiagang: ['伍家乡', '宝塔河街道', '大公桥街道', '万寿桥街道'],
  dianjun: ['桥边镇', '艾家镇', '土城乡', '联棚乡', '点军街道'],
  xiaoting: ['云池街道', '古老背街道', '虎牙街道'],
  yiling: ['龙泉镇', '鸦鹊岭镇', '乐天溪镇', '三斗坪镇', '太平溪镇', '分乡镇', '黄花镇', '雾渡河镇'],
  yidu: ['红花套镇', '高坝洲镇', '枝城镇', '松木坪镇', '五眼泉镇', '姚家店镇'],
  dangyang: ['玉泉街道', '河溶镇', '淯溪镇', '庙前镇', '王店镇', '半月镇', '两河镇'],
  zhijiang: ['董市镇', '白洋镇', '顾家店镇', '七星台镇', '问安镇', '安福寺镇', '仙女镇'],
  yuanan: ['旧县镇', '洋坪镇', '茅坪场镇', '花林寺镇', '河口乡', '荷花镇'],
  xingshan: ['峡口镇', '南阳镇', '黄粮镇', '水月寺镇', '高桥乡', '榛子乡', '昭君镇'],
  zigui: ['郭家坝镇', '归州镇', '屈原镇', '沙镇溪镇', '两河口镇', '九畹溪镇', '水田坝乡'],
  changyang: ['磨市镇', '都镇湾镇', '资丘镇', '渔峡口镇', '高家堰镇', '贺家坪镇', '大堰乡'],
  wufeng: ['渔洋关镇', '仁和坪镇', '长乐坪镇', '采花乡', '湾潭镇', '牛庄乡', '傅家堰乡'],
  gaoxin: ['东山园区', '白洋园区', '宜都园区', '生物产业园'],
};

const VILLAGES = ['新华', '胜利', '向阳', '红旗', '黄家湾', '白果树', '桃花', '青龙', '石板', '双堰', '柳树湾', '高峰'];
const ESTATES = ['锦绣', '滨江', '东山', '桃花岭', '星光', '惠民', '福寿', '江南', '金色', '清江', '夷陵', '三峡'];
const SPOTS = ['小区门口', '公交站旁', '菜市场旁', '学校门口', '地下通道口', '广场东侧', '路口西北角', '加油站旁'];

export interface PlaceText {
  address: string;
  /** The road (or town) alone, for descriptions that mention it. */
  road: string;
}

/** "西陵区 解放路88号附近", "伍家岗区 城东大道与中南路交叉口", "宜都市 红花套镇 向阳村"… */
export function makeAddress(rng: Rng, unitId: UnitId, urban: boolean): PlaceText {
  const unit = unitName(unitId);
  if (!urban && unitId !== 'gaoxin') {
    const town = rng.pick(TOWNS[unitId]);
    const form = rng.int(0, 2);
    if (form === 0) return { address: `${unit} ${town} ${rng.pick(VILLAGES)}村`, road: town };
    if (form === 1) return { address: `${unit} ${town} ${rng.pick(VILLAGES)}村${rng.int(1, 12)}组`, road: town };
    return { address: `${unit} ${town}集镇${rng.pick(['主街', '老街', '新街', '农贸市场'])}`, road: town };
  }
  const roads = ROADS[unitId];
  const road = rng.pick(roads);
  const form = rng.int(0, 3);
  if (form === 0) return { address: `${unit} ${road}${rng.int(1, 320)}号附近`, road };
  if (form === 1) {
    const other = roads.filter((r) => r !== road);
    return { address: `${unit} ${road}与${rng.pick(other)}交叉口`, road };
  }
  if (form === 2) return { address: `${unit} ${road}${rng.pick(ESTATES)}${rng.pick(['小区', '花园', '家园'])}${rng.pick(['东门', '南门', '北门', '西门'])}`, road };
  return { address: `${unit} ${road}${rng.pick(SPOTS)}`, road };
}
