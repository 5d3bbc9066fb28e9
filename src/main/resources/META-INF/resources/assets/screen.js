// The hall's projector: attendance and quorum, turnout filling up while a ballot is open (never
// per-item counts), then the published result as a bar chart.
'use strict';

(() => {
  const { t, api, el, say, describe } = MS;
  const $ = id => document.getElementById(id);
  const store = MS.tokenStore('screen');
  const sessionId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
  let pulse = null;
  let stop = null;
  const results = new Map(); // ballotId -> published result, fetched once

  function start() {
    MS.showSection('hall');
    if (stop) stop();
    stop = MS.follow('/api/v1/sessions/' + encodeURIComponent(sessionId) + '/stream', store.get, p => { pulse = p; render(); },
      status => say($('net'), status === 'lost' ? t('net.offline') : '', 'warn'),
      status => {
        store.clear();
        MS.showSection('login');
        say($('message'), status === 404 ? describe(new MS.Problem(404, null)) : '', status === 404 ? 'error' : '');
      });
  }

  async function render() {
    if (!pulse) return;
    const a = pulse.attendance;
    $('session-name').textContent = pulse.name;
    $('figures').replaceChildren(MS.hallFigures(a));
    const stage = $('stage');
    const open = pulse.ballots.find(b => b.status === 'OPEN');
    const last = [...pulse.ballots].reverse().find(b => b.status === 'CLOSED' || b.status === 'CLOSING');
    if (open) {
      const share = a.present ? Math.round(1000 * open.cast / a.present) / 10 : 0;
      const bar = el('span', {});
      bar.style.width = Math.min(100, share) + '%';
      stage.replaceChildren(
        el('h2', {}, t('screen.voting', open.title)),
        el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': a.present,
          'aria-valuenow': open.cast, 'aria-label': t('console.turnout') }, bar),
        el('p', { class: 'counter', id: 'turnout' }, t('screen.cast', open.cast, a.present)));
    } else if (last && last.published) {
      let view = results.get(last.id);
      if (!view) {
        try {
          view = await api('GET', '/api/v1/ballots/' + last.id + '/result');
          results.set(last.id, view);
        } catch (e) {
          return say($('message'), describe(e), 'error');
        }
      }
      stage.replaceChildren(el('h2', { id: 'result-title' }, t('screen.result', last.title)), MSCharts.result(view));
    } else if (last) {
      stage.replaceChildren(el('h2', {}, last.title), el('p', { class: 'notice warn' }, t('screen.counting')));
    } else {
      stage.replaceChildren(el('p', { class: 'notice' }, t('screen.idle')));
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    MS.translate();
    MS.langButton($('lang'));
    MS.onLang(render);
    MS.loginForm(store, start, $('message'));
    if (store.get()) start(); else MS.showSection('login');
  });
})();
