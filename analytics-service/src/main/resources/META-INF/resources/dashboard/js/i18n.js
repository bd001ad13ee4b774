// Labels in English and Chinese, and locale-aware formatting of numbers, money and dates.

const LABELS = {
  en: {
    'app.title': 'Shequn dashboard',
    'page.overview': 'Overview',
    'lang.switch': '中文',
    'range.from': 'From', 'range.to': 'To', 'range.apply': 'Apply', 'range.days': 'Last {n} days', 'range.custom': 'Custom',
    'auth.title': 'Sign in',
    'auth.prompt': 'Paste a bearer token: the operator token that ./shequn up prints, or a group owner\'s from ./shequn token --member <id>. It stays in this browser tab only.',
    'auth.submit': 'Sign in', 'auth.signOut': 'Sign out', 'auth.operator': 'Operator', 'auth.member': 'Member {id}',
    'auth.expired': 'Your token expired on {time}. Get a new one (./shequn token, or the dashboard link ./shequn up prints) and paste it below.',
    'auth.malformed': 'That is not a bearer token: a JWT has three parts separated by dots.',
    'auth.rejected': 'analytics-service did not accept this token. It may be signed with another key (from another ./shequn up) or for another issuer.',
    'error.forbidden': 'You may not see this: {detail}',
    'error.notFound': 'Not found: {detail}',
    'error.invalid': 'The request was refused: {detail}',
    'error.server': 'analytics-service failed (HTTP {status}): {detail}',
    'error.network': 'Cannot reach analytics-service. Is it running?',
    'error.page': 'Unknown page. Back to the overview.',
    'state.loading': 'Loading…',
    'empty.activity': 'No activity in this period.',
    'empty.groups': 'No groups to show. Operators see every group; a member sees the groups they own or administer.',
    'empty.stageChanges': 'No group changed stage in this period.',
    'empty.revenue': 'No purchases in this period.',
    'empty.cohorts': 'No member joined in this period.',
    'empty.lifecycle': 'No member was active in this period.',
    'empty.kols': 'Nobody posted or invited in this period.',
    'empty.silent': 'No silent members on this day.',
    'empty.inviters': 'Nobody joined on an invitation in this period.',
    'empty.campaigns': 'No red packet, lottery draw or activity in this period.',
    'empty.memberGroups': 'Not in any group.',
    'empty.purchases': 'No purchases.',
    'empty.none': '—',
    'kpi.groups': 'Groups', 'kpi.members': 'Members', 'kpi.active': 'Active in period', 'kpi.gmv': 'GMV in period',
    'kpi.registered': 'Registered members', 'kpi.verified': 'Verified members', 'kpi.onDay': 'on {day}', 'kpi.window': '{from} – {to}',
    'kpi.dau': 'DAU', 'kpi.wau': 'WAU', 'kpi.mau': 'MAU', 'kpi.stickiness': 'Stickiness', 'kpi.silent': 'Silent members',
    'kpi.lastActive': 'Last active day', 'kpi.revenue30': 'GMV, 30 days', 'kpi.buyers': 'Buyers', 'kpi.conversion': 'Conversion rate',
    'kpi.arpu': 'ARPU', 'kpi.referredRevenue': 'Referred revenue', 'kpi.kFactor': 'K-factor', 'kpi.invitedJoins': 'Joined on an invitation',
    'kpi.activeMembers': 'Active members', 'kpi.purchases': 'Own purchases', 'kpi.invitedMembers': 'Members they invited',
    'chart.active': 'Active members', 'chart.gmv': 'GMV per day', 'chart.activity': 'Activity per day', 'chart.stickiness': 'Stickiness (average DAU ÷ MAU, 30 days)',
    'chart.retention': 'Cohort retention by join week', 'chart.lifecycle': 'Weekly lifecycle', 'chart.funnel': 'AARRR funnel',
    'chart.memberActivity': 'Active days by group', 'chart.memberMessages': 'Messages per day',
    'series.dau': 'DAU', 'series.wau': 'WAU', 'series.mau': 'MAU', 'series.messages': 'Messages', 'series.checkIns': 'Check-ins',
    'series.joins': 'Joins', 'series.leaves': 'Leaves', 'series.new': 'New', 'series.returning': 'Returning',
    'series.resurrecting': 'Resurrecting', 'series.dormant': 'Dormant', 'series.retention': 'Retention',
    'axis.week': 'Week {n}', 'axis.cohort': 'Join week (members)',
    'step.joined': 'Joined', 'step.activated': 'Activated', 'step.retained': 'Retained', 'step.converted': 'Converted', 'step.referred': 'Referred',
    'section.ranking': 'Groups by health', 'section.stageChanges': 'Recent stage changes', 'section.revenue': 'Revenue',
    'section.referrals': 'Referrals', 'section.kols': 'KOLs', 'section.silent': 'Silent members on {day}',
    'section.campaigns': 'Campaigns and their lift (24 h before → 24 h after)',
    'campaign.RED_PACKET': 'Red packet', 'campaign.LOTTERY': 'Lottery draw', 'campaign.ACTIVITY': 'Activity',
    'campaign.beforeAfter': '24 h before → 24 h after (change)',
    'section.memberGroups': 'Groups', 'section.purchases': 'Purchases',
    'sort.HEALTH': 'Health', 'sort.GMV': 'GMV, 30 days', 'sort.ACTIVITY': 'Activity (WAU)', 'sort.label': 'Rank by',
    'col.rank': '#', 'col.group': 'Group', 'col.stage': 'Stage', 'col.score': 'Score', 'col.wau': 'WAU', 'col.gmv30': 'GMV, 30 days',
    'col.day': 'Day', 'col.change': 'Change', 'col.member': 'Member', 'col.messages': 'Messages', 'col.replies': 'Replies received',
    'col.repliers': 'Repliers', 'col.referredMembers': 'Referred members', 'col.referredPurchases': 'Referred purchases',
    'col.joined': 'Joined', 'col.lastActive': 'Last active', 'col.inviter': 'Inviter', 'col.invited': 'Invited', 'col.role': 'Role',
    'col.firstJoined': 'First joined', 'col.status': 'Status', 'col.firstActive': 'First active', 'col.time': 'Time', 'col.order': 'Order',
    'col.rule': 'Attribution', 'col.amount': 'Amount',
    'col.campaign': 'Campaign', 'col.participants': 'Participants', 'col.activeBeforeAfter': 'Active members',
    'col.messagesBeforeAfter': 'Messages', 'col.reactivated': 'Reactivated', 'col.activeAgain': 'Active again within 7 days',
    'stage.NEW': 'New', 'stage.GROWING': 'Growing', 'stage.ACTIVE': 'Active', 'stage.DECLINING': 'Declining', 'stage.DORMANT': 'Dormant',
    'stage.none': 'Not assessed',
    'role.OWNER': 'Owner', 'role.ADMIN': 'Admin', 'role.KOL': 'KOL', 'role.LECTURER': 'Lecturer', 'role.MEMBER': 'Member',
    'rule.NAMED': 'Named by the shop', 'rule.LAST_TOUCH': 'Last touch (7 days)', 'rule.UNATTRIBUTED': 'Unattributed',
    'status.current': 'Member', 'status.left': 'Left {time}', 'never': 'Never',
    'pager.range': '{from}–{to} of {total}', 'pager.prev': 'Previous', 'pager.next': 'Next',
    'group.unnamed': 'Group {id}', 'group.zone': 'Time zone {zone}', 'group.assessed': 'score {score}, assessed for {day}',
    'group.unknown': 'Analytics has seen no event about group {id} yet. Its figures appear once an event names it: its creation, a join, a message, a purchase or a campaign.',
    'member.title': 'Member {id}', 'member.registered': 'Registered {time}', 'member.notRegistered': 'Registration not seen',
    'member.verified': 'verified {time}', 'member.notVerified': 'not verified', 'member.invitedBy': 'invited by',
    'member.erased': 'Personal data erased on {time}',
  },
  zh: {
    'app.title': '社群数据看板',
    'page.overview': '总览',
    'lang.switch': 'English',
    'range.from': '开始', 'range.to': '结束', 'range.apply': '应用', 'range.days': '近 {n} 天', 'range.custom': '自定义',
    'auth.title': '登录',
    'auth.prompt': '请粘贴访问令牌：./shequn up 打印的运营者令牌，或群主用 ./shequn token --member <id> 生成的令牌。令牌只保存在当前浏览器标签页中。',
    'auth.submit': '登录', 'auth.signOut': '退出', 'auth.operator': '运营者', 'auth.member': '成员 {id}',
    'auth.expired': '您的令牌已于 {time} 过期。请获取新令牌（./shequn token，或 ./shequn up 打印的看板链接）并粘贴到下方。',
    'auth.malformed': '这不是访问令牌：JWT 由三段以点分隔的内容组成。',
    'auth.rejected': 'analytics-service 不接受此令牌。它可能由其他密钥（另一次 ./shequn up）或其他签发者签发。',
    'error.forbidden': '您无权查看：{detail}',
    'error.notFound': '未找到：{detail}',
    'error.invalid': '请求被拒绝：{detail}',
    'error.server': 'analytics-service 出错（HTTP {status}）：{detail}',
    'error.network': '无法连接 analytics-service，服务是否在运行？',
    'error.page': '页面不存在，返回总览。',
    'state.loading': '加载中…',
    'empty.activity': '此期间没有活动。',
    'empty.groups': '没有可显示的群组。运营者可以看到所有群组；成员只能看到自己担任群主或管理员的群组。',
    'empty.stageChanges': '此期间没有群组改变阶段。',
    'empty.revenue': '此期间没有购买。',
    'empty.cohorts': '此期间没有新成员加入。',
    'empty.lifecycle': '此期间没有成员活跃。',
    'empty.kols': '此期间无人发言或邀请。',
    'empty.silent': '当日没有潜水成员。',
    'empty.inviters': '此期间没有通过邀请加入的成员。',
    'empty.campaigns': '此期间没有红包、抽奖开奖或活动。',
    'empty.memberGroups': '未加入任何群组。',
    'empty.purchases': '没有购买记录。',
    'empty.none': '—',
    'kpi.groups': '群组', 'kpi.members': '成员', 'kpi.active': '期间活跃成员', 'kpi.gmv': '期间成交额',
    'kpi.registered': '注册成员', 'kpi.verified': '实名成员', 'kpi.onDay': '{day}', 'kpi.window': '{from} – {to}',
    'kpi.dau': '日活', 'kpi.wau': '周活', 'kpi.mau': '月活', 'kpi.stickiness': '粘性', 'kpi.silent': '潜水成员',
    'kpi.lastActive': '最近活跃日', 'kpi.revenue30': '30 天成交额', 'kpi.buyers': '购买人数', 'kpi.conversion': '转化率',
    'kpi.arpu': '人均收入', 'kpi.referredRevenue': '推荐营收', 'kpi.kFactor': 'K 因子', 'kpi.invitedJoins': '受邀加入',
    'kpi.activeMembers': '活跃成员', 'kpi.purchases': '本人购买', 'kpi.invitedMembers': '邀请的成员',
    'chart.active': '活跃成员', 'chart.gmv': '每日成交额', 'chart.activity': '每日活动', 'chart.stickiness': '粘性（30 天平均日活 ÷ 月活）',
    'chart.retention': '按加入周的同期群留存', 'chart.lifecycle': '每周成员生命周期', 'chart.funnel': 'AARRR 漏斗',
    'chart.memberActivity': '各群活跃日', 'chart.memberMessages': '每日消息',
    'series.dau': '日活', 'series.wau': '周活', 'series.mau': '月活', 'series.messages': '消息', 'series.checkIns': '打卡',
    'series.joins': '加入', 'series.leaves': '退出', 'series.new': '新增', 'series.returning': '留存',
    'series.resurrecting': '回流', 'series.dormant': '流失', 'series.retention': '留存率',
    'axis.week': '第 {n} 周', 'axis.cohort': '加入周（人数）',
    'step.joined': '加入', 'step.activated': '激活', 'step.retained': '留存', 'step.converted': '转化', 'step.referred': '推荐',
    'section.ranking': '群组健康排行', 'section.stageChanges': '最近阶段变化', 'section.revenue': '营收',
    'section.referrals': '裂变推荐', 'section.kols': '意见领袖（KOL）', 'section.silent': '{day} 的潜水成员',
    'section.campaigns': '运营活动效果（前 24 小时 → 后 24 小时）',
    'campaign.RED_PACKET': '红包', 'campaign.LOTTERY': '抽奖开奖', 'campaign.ACTIVITY': '活动',
    'campaign.beforeAfter': '前 24 小时 → 后 24 小时（变化）',
    'section.memberGroups': '所在群组', 'section.purchases': '购买记录',
    'sort.HEALTH': '健康度', 'sort.GMV': '30 天成交额', 'sort.ACTIVITY': '活跃度（周活）', 'sort.label': '排序',
    'col.rank': '#', 'col.group': '群组', 'col.stage': '阶段', 'col.score': '得分', 'col.wau': '周活', 'col.gmv30': '30 天成交额',
    'col.day': '日期', 'col.change': '变化', 'col.member': '成员', 'col.messages': '消息', 'col.replies': '收到回复',
    'col.repliers': '回复人数', 'col.referredMembers': '推荐成员', 'col.referredPurchases': '推荐购买',
    'col.joined': '加入时间', 'col.lastActive': '最近活跃', 'col.inviter': '邀请人', 'col.invited': '邀请人数', 'col.role': '角色',
    'col.firstJoined': '首次加入', 'col.status': '状态', 'col.firstActive': '首次活跃', 'col.time': '时间', 'col.order': '订单',
    'col.rule': '归因', 'col.amount': '金额',
    'col.campaign': '活动', 'col.participants': '参与人数', 'col.activeBeforeAfter': '活跃成员',
    'col.messagesBeforeAfter': '消息', 'col.reactivated': '唤醒人数', 'col.activeAgain': '7 天内再次活跃',
    'stage.NEW': '新建', 'stage.GROWING': '成长', 'stage.ACTIVE': '活跃', 'stage.DECLINING': '衰退', 'stage.DORMANT': '沉寂',
    'stage.none': '未评估',
    'role.OWNER': '群主', 'role.ADMIN': '管理员', 'role.KOL': '意见领袖', 'role.LECTURER': '讲师', 'role.MEMBER': '成员',
    'rule.NAMED': '商城指定', 'rule.LAST_TOUCH': '最后触点（7 天）', 'rule.UNATTRIBUTED': '未归因',
    'status.current': '在群', 'status.left': '{time} 退出', 'never': '从未',
    'pager.range': '第 {from}–{to} 条，共 {total} 条', 'pager.prev': '上一页', 'pager.next': '下一页',
    'group.unnamed': '群组 {id}', 'group.zone': '时区 {zone}', 'group.assessed': '得分 {score}，评估日 {day}',
    'group.unknown': '分析服务尚未收到关于群组 {id} 的任何事件。创建、加入、发言、购买或活动等事件提到该群组后，这里才会显示数据。',
    'member.title': '成员 {id}', 'member.registered': '{time} 注册', 'member.notRegistered': '未见注册事件',
    'member.verified': '{time} 实名认证', 'member.notVerified': '未实名认证', 'member.invitedBy': '邀请人',
    'member.erased': '个人数据已于 {time} 删除',
  },
};

const LOCALES = { en: 'en-US', zh: 'zh-CN' };
const STORE = 'shequn.lang';

function initialLanguage() {
  const stored = localStorage.getItem(STORE);
  if (LABELS[stored]) {
    return stored;
  }
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let lang = initialLanguage();

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = LABELS[next] ? next : 'en';
  localStorage.setItem(STORE, lang);
  document.documentElement.lang = LOCALES[lang];
}

export function locale() {
  return LOCALES[lang];
}

/** The label for key, with {name} placeholders filled from values. */
export function t(key, values = {}) {
  const text = LABELS[lang][key] ?? LABELS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

export function number(value) {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A share between 0 and 1 as a percentage with up to one decimal. */
export function percent(value) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Up to four decimals, as the API rounds ratios such as the K-factor. */
export function decimal(value) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 4 }).format(value);
}

/** The currency's minor units (fen, cents) per major unit, from the locale data. */
export function minorDigits(currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

/** Amount in minor units, formatted in its currency. */
export function money(amount, currency) {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(amount / 10 ** digits);
}

/** One or several {currency, amount} as text; "—" for none. */
export function moneyList(revenues) {
  if (!revenues || revenues.length === 0) {
    return t('empty.none');
  }
  return revenues.map(r => money(r.amount, r.currency)).join(' · ');
}

function calendarDay(isoDay) {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A calendar day (YYYY-MM-DD), as the API gives it in the group's zone: never shifted by the browser's zone. */
export function day(isoDay) {
  if (!isoDay) {
    return t('empty.none');
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(calendarDay(isoDay));
}

/** Short form for chart axes. */
export function shortDay(isoDay) {
  return new Intl.DateTimeFormat(locale(), { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(calendarDay(isoDay));
}

/** A moment, in the browser's time zone. */
export function time(isoInstant) {
  if (!isoInstant) {
    return t('empty.none');
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(isoInstant));
}

/** Fills every element with data-i18n with its label. */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(element => {
    element.textContent = t(element.dataset.i18n);
  });
}
