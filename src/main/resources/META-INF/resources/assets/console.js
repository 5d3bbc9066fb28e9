// The secretariat's console: sessions, ballots, live turnout, the count, publication and the notice.
'use strict';

(() => {
  const { t, api, el, say, describe } = MS;
  const $ = id => document.getElementById(id);
  const store = MS.tokenStore('console');
  const message = $('message');
  let me = null;
  let session = null;
  let pulse = null;
  let stop = null;
  let shownResult = null; // ballotId whose count is shown

  const call = (method, path, body) => api(method, path, { token: store.get(), body });

  async function act(f) {
    try {
      say(message, '');
      await f();
    } catch (e) {
      if (e instanceof MS.Problem && e.status === 401) return signOut();
      say(message, describe(e), 'error');
    }
  }

  function signOut() {
    if (stop) stop();
    stop = null;
    store.clear();
    $('logout').hidden = true;
    MS.showSection('login');
  }

  async function start() {
    await act(async () => {
      me = await call('GET', '/api/v1/me');
      $('logout').hidden = false;
      await showSessions();
    });
  }

  async function showSessions() {
    if (stop) stop();
    stop = null;
    session = null;
    const sessions = await call('GET', '/api/v1/congresses/' + me.congressId + '/sessions');
    const rows = $('session-rows');
    rows.replaceChildren();
    for (const s of sessions) {
      const actions = el('td', {});
      if (s.status === 'PLANNED') {
        actions.append(el('button', { type: 'button', 'data-action': 'open-session', on: { click: () => act(async () => {
          await call('POST', '/api/v1/sessions/' + s.id + '/open');
          await showSessions();
        }) } }, t('console.open')));
      }
      if (s.status === 'OPEN') {
        actions.append(el('button', { type: 'button', class: 'secondary', 'data-action': 'close-session', on: { click: () => act(async () => {
          await call('POST', '/api/v1/sessions/' + s.id + '/close');
          await showSessions();
        }) } }, t('console.close')));
      }
      rows.append(el('tr', { 'data-session': s.id },
        el('td', {}, s.name), el('td', {}, t('kind.' + s.kind)), el('td', {}, s.startsOn + ' · ' + t('status.' + s.status)),
        actions,
        el('td', {}, el('button', { type: 'button', class: 'secondary', 'data-action': 'enter', on: { click: () => act(() => enter(s)) } },
          t('console.select')))));
    }
    MS.showSection('sessions');
  }

  async function enter(s) {
    session = s;
    shownResult = null;
    $('result').hidden = true;
    $('session-title').textContent = s.name + ' · ' + t('status.' + s.status);
    $('screen-link').href = '/screen/' + s.id;
    const slates = await call('GET', '/api/v1/congresses/' + me.congressId + '/slates');
    const select = $('ballot-slate');
    select.replaceChildren(...slates.filter(x => x.status === 'PUBLISHED').map(x => el('option', { value: x.id }, x.title)));
    MS.showSection('session');
    if (stop) stop();
    stop = MS.follow('/api/v1/sessions/' + s.id + '/stream', store.get, p => { pulse = p; render(); },
      status => say($('net'), status === 'lost' ? t('net.offline') : '', 'warn'), signOut);
  }

  function render() {
    if (!pulse) return;
    const a = pulse.attendance;
    $('session-title').textContent = pulse.name + ' · ' + t('status.' + pulse.status);
    $('figures').replaceChildren(MS.hallFigures(a));
    const rows = $('ballot-rows');
    rows.replaceChildren();
    for (const b of pulse.ballots) {
      const actions = el('td', {});
      if (b.status === 'DRAFT') {
        actions.append(el('button', { type: 'button', 'data-action': 'open-ballot',
          on: { click: () => act(() => call('POST', '/api/v1/ballots/' + b.id + '/open')) } }, t('console.openBallot')));
      }
      if (b.status === 'OPEN') {
        actions.append(el('button', { type: 'button', class: 'danger', 'data-action': 'close-ballot', on: { click: () => {
          if (window.confirm(t('console.confirmClose'))) {
            act(async () => { await call('POST', '/api/v1/ballots/' + b.id + '/close'); await showResult(b.id); });
          }
        } } }, t('console.closeBallot')));
      }
      if (b.status === 'CLOSED') {
        actions.append(el('button', { type: 'button', class: 'secondary', 'data-action': 'show-result',
          on: { click: () => act(() => showResult(b.id)) } }, b.published ? t('console.published') : t('console.showResult')));
      }
      rows.append(el('tr', { 'data-ballot': b.id },
        el('td', {}, b.title), el('td', {}, t('kind.' + b.kind) + ' · ' + t('status.' + b.status)),
        el('td', { class: 'turnout' }, t('screen.cast', b.cast, a.present)), actions));
    }
  }

  async function showResult(ballotId) {
    const view = await call('GET', '/api/v1/ballots/' + ballotId + '/result');
    shownResult = ballotId;
    $('result').hidden = false;
    $('result-title').textContent = t('console.result') + '：' + view.figures.title;
    $('result-body').replaceChildren(MSCharts.result(view));
    $('result-signatures').textContent = view.status === 'PUBLISHED' ? t('console.published')
      : t('console.countersigned', view.countersignatures.length, view.countersignaturesRequired);
    $('publish').hidden = view.status === 'PUBLISHED';
  }

  async function downloadNotice() {
    const res = await fetch('/api/v1/ballots/' + shownResult + '/result/notice.pdf',
      { headers: { Authorization: 'Bearer ' + store.get(), 'Accept-Language': MS.lang() === 'en' ? 'en' : 'zh-CN' } });
    if (!res.ok) {
      let body = null;
      try { body = await res.json(); } catch (e) { body = null; }
      throw new MS.Problem(res.status, body);
    }
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: 'notice-' + shownResult + '.pdf' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  document.addEventListener('DOMContentLoaded', () => {
    MS.translate();
    MS.langButton($('lang'));
    MS.onLang(() => { render(); if (shownResult) act(() => showResult(shownResult)); });
    MS.loginForm(store, start, message);
    $('logout').addEventListener('click', signOut);
    $('to-sessions').addEventListener('click', () => act(showSessions));
    $('new-session').addEventListener('submit', ev => {
      ev.preventDefault();
      act(async () => {
        await call('POST', '/api/v1/congresses/' + me.congressId + '/sessions', {
          name: $('session-name-input').value.trim(), kind: $('session-kind').value,
          startsOn: $('session-starts').value, endsOn: $('session-ends').value });
        $('new-session').reset();
        await showSessions();
      });
    });
    $('new-ballot').addEventListener('submit', ev => {
      ev.preventDefault();
      act(async () => {
        await call('POST', '/api/v1/sessions/' + session.id + '/ballots', {
          title: $('ballot-title-input').value.trim(), kind: 'SELECTION', slateId: $('ballot-slate').value || null });
        $('new-ballot').reset();
      });
    });
    $('publish').addEventListener('click', () => {
      if (window.confirm(t('console.confirmPublish'))) {
        act(async () => { await call('POST', '/api/v1/ballots/' + shownResult + '/result/publish'); await showResult(shownResult); });
      }
    });
    $('notice').addEventListener('click', () => act(downloadNotice));
    if (store.get()) start(); else MS.showSection('login');
  });
})();
