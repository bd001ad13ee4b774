// Small DOM helpers: elements, cards whose body shows loading, empty, error or content, tables,
// pagers, KPIs and stage badges.

import { t, number } from './i18n.js';

/** el('a', {href: '#/', class: 'x', 'data-test': 'y'}, 'text', childNode) */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

/** A titled card; {wide: true} spans the grid's width; tools go beside the title. */
export function card(title, { wide = false, test, tools = [] } = {}) {
  const body = el('div', { class: 'body' });
  const head = el('div', { class: 'toolbar' }, el('h2', {}, title), ...tools);
  const root = el('section', { class: wide ? 'card wide' : 'card', 'data-test': test }, head, body);
  return { root, head, body };
}

export function grid(...cards) {
  return el('div', { class: 'grid' }, ...cards.map(c => c.root ?? c));
}

export function showState(container, state, message) {
  container.dataset.state = state;
  container.replaceChildren(el('div', { class: `state ${state}`, 'data-test': `state-${state}`, role: state === 'error' ? 'alert' : undefined }, message));
}

/**
 * Shows loading in container, then what render(data, container) returns: a string is an empty
 * state, a node is the content (a chart may have placed itself already). Errors are shown in
 * words. Resolves when the container has settled, never rejects.
 */
export async function settle(container, promise, render) {
  showState(container, 'loading', t('state.loading'));
  try {
    const data = await promise;
    const result = render(data, container);
    if (typeof result === 'string') {
      showState(container, 'empty', result);
    } else {
      if (result instanceof Node && result.parentNode !== container) {
        container.replaceChildren(result);
      }
      container.dataset.state = 'ready';
    }
  } catch (error) {
    showState(container, 'error', error.message || String(error));
    if (!error.kind) {
      console.error(error);
    }
  }
}

/** columns: [{label, num, key, cell: (row, index) => node or text}] */
export function table(columns, rows, { test, rowTest, rowData } = {}) {
  const head = el('tr', {}, ...columns.map(c => el('th', { class: c.num ? 'num' : undefined }, c.label)));
  const body = rows.map((row, index) => el('tr', { 'data-test': rowTest, ...(rowData ? rowData(row) : {}) },
    ...columns.map(c => el('td', { class: c.num ? 'num' : undefined, 'data-col': c.key }, c.cell(row, index)))));
  return el('div', { class: 'table-wrap' }, el('table', { 'data-test': test }, el('thead', {}, head), el('tbody', {}, ...body)));
}

/** "1–20 of 57" with previous/next; onPage(n) loads page n. */
export function pager(page, onPage) {
  if (page.totalItems <= page.size && page.page === 0) {
    return null;
  }
  const first = page.page * page.size + 1;
  const last = Math.min(page.totalItems, first + page.items.length - 1);
  return el('div', { class: 'pager', 'data-test': 'pager' },
    el('span', {}, t('pager.range', { from: number(first), to: number(last), total: number(page.totalItems) })),
    el('button', { type: 'button', disabled: page.page === 0, onclick: () => onPage(page.page - 1) }, t('pager.prev')),
    el('button', { type: 'button', disabled: page.page + 1 >= page.totalPages, onclick: () => onPage(page.page + 1) }, t('pager.next')));
}

export function kpi(label, value, { test, note } = {}) {
  return el('div', { class: 'kpi' }, el('div', { class: 'label' }, label),
    el('div', { class: 'value', 'data-test': test }, value), note ? el('div', { class: 'note' }, note) : null);
}

export function badge(stage) {
  return el('span', { class: `badge ${stage || 'none'}`, 'data-stage': stage || '' }, t(stage ? `stage.${stage}` : 'stage.none'));
}

/** A shortened id for display; the full one is in the title. */
export function shortId(id) {
  return el('span', { class: 'id', title: id }, id.slice(0, 8));
}
