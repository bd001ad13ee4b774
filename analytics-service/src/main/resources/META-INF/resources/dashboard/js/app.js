// The dashboard's shell: sign-in, language, the date range and the router
// (#/ overview, #/groups/{id}, #/members/{id}; ?from=&to= carries the range).

import { adoptTokenFromAddress, claims, expiredAt, isOperator, signIn, signOut, subject, token } from './auth.js';
import { onUnauthorized, unauthorizedMessage } from './api.js';
import { charts, disposeCharts } from './charts.js';
import { language, setLanguage, t, translateStatic } from './i18n.js';
import { el } from './ui.js';
import { renderOverview } from './pages/overview.js';
import { renderGroup } from './pages/group.js';
import { renderMember } from './pages/member.js';

const DEFAULT_DAYS = 30;
const PRESETS = [7, 30, 60, 90];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For tests and the curious: the charts drawn, and how long each page took to render (ms since navigation start). */
window.shequnDashboard = { charts, renders: [] };

const main = document.getElementById('page');
let generation = 0;

function isoDay(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function daysBefore(isoTo, days) {
  const [y, m, d] = isoTo.split('-').map(Number);
  return isoDay(new Date(y, m - 1, d - days + 1));
}

/** The route in the address: path segments and the query after the path. */
function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { path: path.split('/').filter(Boolean), params: new URLSearchParams(query) };
}

/** The date range of the address, or the last 30 days up to today (the browser's today). */
function range(params) {
  const valid = value => /^\d{4}-\d{2}-\d{2}$/.test(value || '');
  const to = valid(params.get('to')) ? params.get('to') : isoDay(new Date());
  const from = valid(params.get('from')) ? params.get('from') : daysBefore(to, DEFAULT_DAYS);
  return { from, to };
}

/** A link to path that keeps the current range (and language). */
function link(path, current) {
  const query = new URLSearchParams({ from: current.from, to: current.to });
  return `#${path}?${query}`;
}

function navigate(path, params) {
  location.hash = `${path}?${new URLSearchParams(params)}`;
}

function setUpShell() {
  const form = document.getElementById('range');
  const preset = document.getElementById('range-preset');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const { path } = route();
    const from = document.getElementById('range-from').value;
    const to = document.getElementById('range-to').value;
    if (from && to) {
      navigate('/' + path.join('/'), { from: from <= to ? from : to, to: from <= to ? to : from });
    }
  });
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') {
      const to = document.getElementById('range-to').value || isoDay(new Date());
      document.getElementById('range-from').value = daysBefore(to, Number(preset.value));
      form.requestSubmit();
    }
  });
  document.getElementById('lang').addEventListener('click', () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
    render();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    signOut();
    render();
  });
  onUnauthorized(error => showSignIn(error.message));
  window.addEventListener('hashchange', render);
}

function updateShell(current) {
  translateStatic();
  document.title = t('app.title');
  document.getElementById('lang').textContent = t('lang.switch');
  const preset = document.getElementById('range-preset');
  [...preset.options].forEach(option => {
    option.textContent = option.value === 'custom' ? t('range.custom') : t('range.days', { n: option.value });
  });
  const days = current ? (Date.parse(current.to) - Date.parse(current.from)) / 86_400_000 + 1 : DEFAULT_DAYS;
  preset.value = PRESETS.includes(days) ? String(days) : 'custom';
  if (current) {
    document.getElementById('range-from').value = current.from;
    document.getElementById('range-to').value = current.to;
  }
  const signedIn = !!claims();
  document.getElementById('range').hidden = !signedIn;
  document.getElementById('sign-out').hidden = !signedIn;
  document.getElementById('who').textContent = !signedIn ? ''
    : isOperator() ? t('auth.operator') : t('auth.member', { id: (subject() || '').slice(0, 8) });
}

function showSignIn(message) {
  generation++;
  disposeCharts();
  updateShell(null);
  const input = el('textarea', { id: 'token-input', 'aria-label': t('auth.title'), spellcheck: 'false' });
  const notice = el('p', { class: 'error-text', 'data-test': 'auth-message', role: 'alert' }, message || '');
  const form = el('form', { class: 'card signin', 'data-test': 'sign-in' },
    el('h2', {}, t('auth.title')), message ? notice : null, el('p', {}, t('auth.prompt')), input,
    el('p', {}, el('button', { type: 'submit' }, t('auth.submit'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const value = input.value.trim();
    if (!claims(value)) {
      notice.textContent = t('auth.malformed');
      if (!notice.isConnected) {
        form.insertBefore(notice, form.children[1]);
      }
      return;
    }
    signIn(value);
    render();
  });
  main.replaceChildren(form);
  main.dataset.state = 'sign-in';
}

async function render() {
  const mine = ++generation;
  disposeCharts();
  main.dataset.state = 'loading';
  if (!token()) {
    showSignIn();
    return;
  }
  if (!claims()) {
    signOut();
    showSignIn(t('auth.malformed'));
    return;
  }
  if (expiredAt()) {
    showSignIn(unauthorizedMessage());
    return;
  }
  const { path, params } = route();
  const current = range(params);
  updateShell(current);
  const context = { ...current, operator: isOperator(), link: target => link(target, current) };
  let page;
  let rendering;
  if (path.length === 0) {
    page = 'overview';
    rendering = renderOverview(main, context);
  } else if (path[0] === 'groups' && UUID.test(path[1] || '') && path.length === 2) {
    page = 'group';
    rendering = renderGroup(main, context, path[1].toLowerCase());
  } else if (path[0] === 'members' && UUID.test(path[1] || '') && path.length === 2) {
    page = 'member';
    rendering = renderMember(main, context, path[1].toLowerCase());
  } else {
    page = 'unknown';
    main.replaceChildren(el('p', { class: 'state' }, el('a', { href: '#/' }, t('error.page'))));
    rendering = Promise.resolve();
  }
  main.dataset.page = page;
  await rendering;
  if (mine === generation) {
    main.dataset.state = 'ready';
    window.shequnDashboard.renders.push({ page, at: performance.now() });
  }
}

adoptTokenFromAddress();
setLanguage(language());
setUpShell();
render();
