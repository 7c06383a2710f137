/**
 * 领导视察汇报 — the briefing a presenter gives a visiting leader, about a quarter of an hour: the city at
 * a glance, the closed loop that handles every case, a lifeline gas alarm becoming a work order, the
 * rainstorm and the Yangtze, what the rules engine suggests, and how the units are evaluated.
 *
 * The notes are what the presenter says; they point at what a panel shows ("榜首", "红色的这几件")
 * rather than quoting figures, because the figures change with the data and a stale number read aloud
 * in front of a leader is worse than none. Ends on the evaluation (loop false): the presenter takes
 * questions on the last slide.
 */
import { defineTour } from '../../src/tour/define';

/** 西陵区 centre (its label point in public/geo/yichang-counties.geojson), the densest district. */
const XILING = { lon: 111.2856, lat: 30.7108 } as const;
/** The Yangtze at the 宜昌水文站 waterfront (沿江大道), on the traced river line of public/geo. */
const YICHANG_STATION = { lon: 111.279, lat: 30.694 } as const;

export const briefing = defineTour({
  id: 'briefing',
  title: '领导视察汇报',
  loop: false,
  steps: [
    {
      scene: 'overview',
      title: '开场：城市运行一张图',
      highlight: { panelId: 'kpis' },
      holdSeconds: 75,
      notes:
        '各位领导，欢迎莅临宜昌市城市运行管理中心。大屏中间是全市13个县市区和高新区的一张图，颜色由蓝转橙、越暖的区域今天的案件越多，' +
        '闪动的光点是刚刚上报的案件。顶部这一行是今日态势：今天受理、立案、结案的数量都是实时汇聚的，' +
        '大家看到的数字每一秒都在变化。',
    },
    {
      scene: 'overview',
      title: '中心城区：西陵区',
      camera: { kind: 'look-at', lon: XILING.lon, lat: XILING.lat, range: 16_000, pitch: -50, heading: 0 },
      highlight: { panelId: 'units', unitId: 'xiling' },
      holdSeconds: 60,
      notes:
        '我们把镜头拉近到中心城区。左侧是各地今日案件排行，西陵、伍家岗这样人口密集的城区通常排在前面，' +
        '这和我们的网格巡查力度、群众上报的活跃程度都有关系。右侧是三率考核和接入的行业应用，' +
        '各部门的系统数据都在这里汇聚。',
    },
    {
      scene: 'command',
      title: '指挥协调：闭环处置',
      highlight: { panelId: 'loop' },
      holdSeconds: 75,
      notes:
        '第二部分是指挥协调。底部这条是我们的闭环流程：发现、立案、派单、处置、核查、结案，每一件案件都要走完这六步。' +
        '每个环节上的数字是当前停留在这一步的案件数，左侧的环节时效表可以看出哪一步最容易卡住。',
    },
    {
      scene: 'command',
      title: '超期督办',
      highlight: { panelId: 'alerts' },
      holdSeconds: 50,
      notes:
        '右边是超期督办案件，最新的排在最上面。超过时限没有办结的案件会自动升级督办，' +
        '下面的表格按县市区统计超期和督办数量，排在前面的单位我们会在周例会上点名通报。',
    },
    {
      scene: 'monitoring',
      title: '城市生命线：燃气告警',
      camera: { kind: 'look-at', lon: XILING.lon, lat: XILING.lat, range: 12_000, pitch: -50, heading: 0 },
      highlight: { panelId: 'alarms', unitId: 'xiling' },
      holdSeconds: 60,
      notes:
        '第三部分是运行监测，也就是城市生命线。燃气、供水、排水、桥梁等十二大领域的传感器都接入了这张图。' +
        '地图上呼吸闪烁的是尚未处置完的告警。请看右侧实时告警列表，其中有一条西陵区的燃气浓度超限一级告警，我们来看它是怎么处理的。' +
        '（提示：演示录像开始约6分钟后出现这条燃气告警；如尚未出现，可先介绍左侧十二大领域监测表。）',
    },
    {
      scene: 'monitoring',
      title: '燃气告警转工单闭环',
      highlight: { panelId: 'work-order' },
      holdSeconds: 60,
      notes:
        '这条燃气告警没有停留在监测系统里，而是自动推送到运管服平台，生成了一张工单。' +
        '右下角可以看到它的完整经过：发现、立案、派单、现场处置、核查、结案，每一步都有时间记录。' +
        '这就是“监测—预警—处置”一体化的闭环。',
    },
    {
      scene: 'flood',
      title: '防洪排涝：长江宜昌站',
      camera: { kind: 'look-at', lon: YICHANG_STATION.lon, lat: YICHANG_STATION.lat, range: 9_000, pitch: -45, heading: 20 },
      highlight: { panelId: 'river-gauge' },
      holdSeconds: 60,
      notes:
        '第四部分是防洪排涝。镜头现在对着长江宜昌水文站一带。左下角的仪表是宜昌站的实时水位，' +
        '仪表上标注了距警戒水位还有多少米，这就是我们的安全余量；右上方的曲线是水位过程，可以看出上游来水的趋势。',
    },
    {
      scene: 'flood',
      title: '积水点与泵站',
      highlight: { panelId: 'waterlogging' },
      holdSeconds: 60,
      notes:
        '这场降雨中，地图上闪烁的是积水点，圆环是正在运行的泵站。右侧积水告警列出了每个点位的积水深度和变化趋势，' +
        '右下方是泵站的运行负荷。积水一出现，就近的泵站和排水队伍会同步调度。',
    },
    {
      scene: 'decision',
      title: '决策建议',
      highlight: { panelId: 'suggestions' },
      holdSeconds: 75,
      notes:
        '第五部分是决策建议。平台不只是展示数据，还会根据规则自动研判。左侧是实时预警，右侧是研判建议，' +
        '每一条建议都附有触发它的数据依据，比如哪个单位的办结率在下降、哪一类案件在上升。' +
        '中间的受理量趋势还给出了下个阶段的预测，便于提前安排力量。',
    },
    {
      scene: 'evaluation',
      title: '综合评价与结束',
      highlight: { panelId: 'quarter' },
      holdSeconds: 75,
      notes:
        '最后是综合评价。顶部是本月干净、整洁、有序和群众满意等几个维度的得分，' +
        '左下是上季度县市区排名，榜首和末位一目了然，右侧是各县市区和市直单位的三率。' +
        '评价结果纳入年度考核，形成了“用数据说话、用数据管理”的机制。我的汇报就到这里，请各位领导批评指导。',
    },
  ],
});
