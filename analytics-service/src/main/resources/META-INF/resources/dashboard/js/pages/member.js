// Member: one member's groups, activity per day and purchases (operators, or the member themselves).

import { get } from '../api.js';
import { chart, dailyOption, presenceOption, withCharts } from '../charts.js';
import { day, money, moneyList, number, t, time } from '../i18n.js';
import { card, el, grid, kpi, pager, settle, table } from '../ui.js';

const PURCHASES_PAGE = 20;

export function renderMember(main, context, memberId) {
  const { from, to } = context;
  const base = `/api/v1/analytics/members/${memberId}`;
  const title = el('h1', { 'data-test': 'member-title' }, t('member.title', { id: memberId.slice(0, 8) }));
  const subtitle = el('p', { class: 'subtitle', 'data-test': 'member-subtitle' });
  const kpis = el('div', { class: 'kpi-area', 'data-test': 'member-kpis' });
  const groups = card(t('section.memberGroups'), { wide: true, test: 'member-groups' });
  const presence = card(t('chart.memberActivity'), { test: 'chart-member-activity' });
  const messages = card(t('chart.memberMessages'), { test: 'chart-member-messages' });
  const purchases = card(t('section.purchases'), { wide: true, test: 'purchases' });
  main.replaceChildren(title, subtitle, kpis, grid(groups), grid(presence, messages), grid(purchases));

  const member = get(base);
  const activity = get(`${base}/activity`, { from, to });
  const groupLink = (id, name) => el('a', { href: context.link(`/groups/${id}`), title: id }, name || t('group.unnamed', { id: id.slice(0, 8) }));

  return Promise.all([
    settle(kpis, member, m => {
      title.title = m.memberId;
      subtitle.replaceChildren(...[
        m.registeredAt ? t('member.registered', { time: time(m.registeredAt) }) : t('member.notRegistered'),
        ' · ', m.verifiedAt ? t('member.verified', { time: time(m.verifiedAt) }) : t('member.notVerified'),
        m.invitedBy ? [' · ', t('member.invitedBy'), ' ', el('a', { href: context.link(`/members/${m.invitedBy}`), class: 'id', title: m.invitedBy }, m.invitedBy.slice(0, 8))] : [],
        m.erasedAt ? [' · ', t('member.erased', { time: time(m.erasedAt) })] : [],
      ].flat());
      return el('div', { class: 'kpis' },
        kpi(t('kpi.groups'), number(m.groups.filter(g => g.current).length), { test: 'kpi-groups' }),
        kpi(t('kpi.purchases'), moneyList(m.purchases), { test: 'kpi-purchases' }),
        kpi(t('kpi.referredRevenue'), moneyList(m.referredRevenue), { test: 'kpi-referred-revenue' }),
        kpi(t('kpi.invitedMembers'), number(m.invitedMembers), { test: 'kpi-invited' }));
    }),
    settle(groups.body, member, m => (m.groups.length === 0 ? t('empty.memberGroups') : table([
      { label: t('col.group'), key: 'group', cell: g => groupLink(g.groupId, g.groupName) },
      { label: t('col.role'), key: 'role', cell: g => (g.role ? t(`role.${g.role}`) : t('empty.none')) },
      { label: t('col.firstJoined'), key: 'first-joined', cell: g => time(g.firstJoinedAt) },
      { label: t('col.status'), key: 'status', cell: g => (g.current ? t('status.current') : g.leftAt ? t('status.left', { time: time(g.leftAt) }) : t('empty.none')) },
      { label: t('col.firstActive'), key: 'first-active', cell: g => day(g.firstActiveDay) },
      { label: t('col.lastActive'), key: 'last-active', cell: g => day(g.lastActiveDay) },
      { label: t('col.invited'), num: true, key: 'invited', cell: g => number(g.invitedMembers) },
    ], m.groups, { test: 'member-groups-table', rowTest: 'member-group-row', rowData: g => ({ 'data-group-id': g.groupId }) }))),
    settle(presence.body, withCharts(Promise.all([member, activity])), ([m, a], body) => presenceChart(body, m, a)),
    settle(messages.body, withCharts(activity), (a, body) => (a.days.every(d => d.messages === 0) ? t('empty.activity')
      : chart(body, 'member-messages', dailyOption(a.days.map(d => d.day), [{ name: t('series.messages'), type: 'bar', data: a.days.map(d => d.messages) }])))),
    purchasesSection(purchases, base, groupLink),
  ]);
}

/** Which groups they were active in on which day. */
function presenceChart(body, member, activity) {
  const ids = [...new Set(activity.days.flatMap(d => d.groups))];
  if (ids.length === 0) {
    return t('empty.activity');
  }
  const names = Object.fromEntries(member.groups.map(g => [g.groupId, g.groupName]));
  const rows = ids.map(id => names[id] || t('group.unnamed', { id: id.slice(0, 8) }));
  const cells = [];
  activity.days.forEach((d, x) => d.groups.forEach(id => cells.push([x, ids.indexOf(id), 1])));
  return chart(body, 'member-activity', presenceOption(activity.days.map(d => d.day), rows, cells), { height: Math.min(360, 70 + 34 * rows.length) });
}

function purchasesSection(section, base, groupLink) {
  const load = page => settle(section.body, get(`${base}/purchases`, { page, size: PURCHASES_PAGE }),
    result => (result.items.length === 0 ? t('empty.purchases') : el('div', {},
      table([
        { label: t('col.time'), key: 'time', cell: p => time(p.purchasedAt) },
        { label: t('col.order'), key: 'order', cell: p => el('span', { class: 'id', title: p.orderId }, p.orderId.slice(0, 8)) },
        { label: t('col.group'), key: 'group', cell: p => (p.groupId ? groupLink(p.groupId, p.groupName) : t('empty.none')) },
        { label: t('col.rule'), key: 'rule', cell: p => t(`rule.${p.rule}`) },
        { label: t('col.amount'), num: true, key: 'amount', cell: p => money(p.amount, p.currency) },
      ], result.items, { test: 'purchases-table', rowTest: 'purchase-row', rowData: p => ({ 'data-order-id': p.orderId }) }),
      pager(result, load))));
  return load(0);
}
