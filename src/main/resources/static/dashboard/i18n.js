// Chinese first; English when the user switches (kept in localStorage).
window.PTC_I18N = {
  zh: {
    title: '业绩跟踪看板', imports: '数据导入', catalogue: 'KPI 目录与权重', recognition: '公开表彰', archive: '业绩跟踪档案', tasklist: '任务', apiDocs: 'API 文档', export: '导出月度跟踪表',
    logout: '退出', period: '期间', months: '月度', quarters: '季度', halfYears: '半年度', years: '年度', company: '公司', unit: '单位', trend: '趋势与预测', forecastBy: '预测方法',
    funnel: '销售漏斗', breakdown: '分解排名', region: '区域', department: '部门', person: '个人',
    actions: '进行中的改进措施', gaps: '数据缺口', none: '暂无', target: '目标', actual: '实际', attainment: '达成率',
    forecast: '预测', rank: '排名', stage: '阶段', count: '数量', conversion: '转化率', overall: '线索→赢单',
    winRate: '赢单率', lost: '丢单', owner: '负责人', deadline: '期限', lastReport: '最近旬报', action: '措施',
    responsibleDepartment: '责任部门', crossDepartment: '跨部门',
    missing: { target: '缺目标', actual: '缺实际', both: '目标与实际均缺', 'target 0': '目标为 0，无法计算达成率' }, mom: '环比', noData: '无数据',
    status: { green: '达标', amber: '预警', red: '未达标' }, switchTo: 'English', unitName: '名称'
  },
  en: {
    title: 'Performance tracking dashboard', imports: 'Import data', catalogue: 'KPI catalogue and weights', recognition: 'Recognition', archive: 'Tracking archive', tasklist: 'Tasks', apiDocs: 'API docs',
    export: 'Export monthly tracking sheet', logout: 'Log out', period: 'Period', months: 'Months',
    quarters: 'Quarters', halfYears: 'Half years', years: 'Years', company: 'Company', unit: 'Unit',
    trend: 'Trend and forecast', forecastBy: 'Forecast method', funnel: 'Sales funnel', breakdown: 'Breakdown and rank',
    region: 'Region', department: 'Department', person: 'Person', actions: 'Open improvement actions',
    gaps: 'Data gaps', none: 'None', target: 'Target', actual: 'Actual', attainment: 'Attainment', forecast: 'Forecast',
    rank: 'Rank', stage: 'Stage', count: 'Count', conversion: 'Conversion', overall: 'Leads → won', winRate: 'Win rate',
    lost: 'Lost', owner: 'Owner', deadline: 'Deadline', lastReport: 'Last ten-day report', action: 'Action',
    responsibleDepartment: 'Responsible department', crossDepartment: 'cross-department',
    missing: { target: 'no target', actual: 'no actual', both: 'no target, no actual', 'target 0': 'target 0: no attainment' }, mom: 'MoM', noData: 'no data',
    status: { green: 'on target', amber: 'warning', red: 'below target' }, switchTo: '中文', unitName: 'Name'
  }
};
