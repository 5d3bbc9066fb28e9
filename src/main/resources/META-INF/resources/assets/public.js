// What residents read: published results, and each project's progress, status light, milestones,
// supervision, decisions and evaluation. No sign-in; only what the public API publishes.
'use strict';

(() => {
  const { t, api, el, say, describe } = MS;
  const $ = id => document.getElementById(id);
  let code = new URLSearchParams(location.search).get('congress') || '';
  const details = new Map(); // projectId -> detail, once opened

  async function load() {
    if (!code) return;
    $('congress').value = code;
    try {
      const [results, projects] = await Promise.all([
        api('GET', '/api/v1/public/congresses/' + encodeURIComponent(code) + '/results'),
        api('GET', '/api/v1/public/congresses/' + encodeURIComponent(code) + '/projects')]);
      say($('message'), '');
      renderResults(results);
      renderProjects(projects);
      renderAuditHead(await api('GET', '/api/v1/public/congresses/' + encodeURIComponent(code) + '/audit/heads'));
    } catch (e) {
      $('results-section').hidden = true;
      $('projects-section').hidden = true;
      say($('message'), describe(e), 'error');
    }
  }

  /** Shows a section, emptied, with a note when there is nothing to list; returns its list box. */
  function listIn(name, items, emptyKey) {
    $(name + '-section').hidden = false;
    const box = $(name);
    box.replaceChildren();
    if (!items.length) box.append(el('p', { class: 'muted' }, t(emptyKey)));
    return box;
  }

  function renderResults(results) {
    const box = listIn('results', results, 'public.noResults');
    for (const r of results) {
      box.append(el('article', { class: 'card result', 'data-ballot': r.figures.ballotId },
        el('h3', {}, r.figures.title), MSCharts.result(r)));
    }
  }

  /** The audit chain's latest head of the day, for anyone to write down and check later. */
  function renderAuditHead(heads) {
    $('audit-section').hidden = !heads.latest;
    if (heads.latest) $('audit-head').textContent = t('public.auditHeadOf', heads.latest.day, heads.latest.seq) + ' ' + heads.latest.head;
  }

  function percent(p) {
    return p === null || p === undefined ? 0 : Math.round(Number(p) * 10) / 10;
  }

  function progressBar(p, label) {
    const bar = el('span', {});
    bar.style.width = Math.min(100, percent(p)) + '%';
    return el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': percent(p), 'aria-label': label }, bar);
  }

  function renderProjects(projects) {
    const box = listIn('projects', projects, 'public.noProjects');
    for (const p of projects) {
      const more = el('div', { hidden: true, id: 'detail-' + p.id });
      const toggle = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': more.id,
        on: { click: () => openDetail(p.id, toggle, more) } }, t('public.details'));
      box.append(el('article', { class: 'card project', 'data-project': p.id },
        el('h3', {}, p.title),
        el('p', {}, el('span', { class: 'light ' + p.light }, t('light.' + p.light)), ' · ', t('project.' + p.status)),
        progressBar(p.progress, p.title),
        el('p', {}, t('public.progress', percent(p.progress))),
        el('p', { class: 'muted' }, t('public.department', p.department),
          p.budgetPlanned !== null && p.budgetPlanned !== undefined ? ' · ' + t('public.budget', p.budgetPlanned) : ''),
        p.latestEvaluation ? el('p', {}, t('public.evaluations') + '：' + p.latestEvaluation) : null,
        toggle, more));
    }
  }

  async function openDetail(id, toggle, box) {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    box.hidden = open;
    if (open) return;
    try {
      let d = details.get(id);
      if (!d) {
        d = await api('GET', '/api/v1/public/projects/' + id);
        details.set(id, d);
      }
      renderDetail(d, box);
    } catch (e) {
      box.replaceChildren(el('p', { class: 'notice error' }, describe(e)));
    }
  }

  function section(title, rows) {
    return [el('h4', {}, title), rows.length ? el('ul', {}, rows.map(r => el('li', {}, r))) : el('p', { class: 'muted' }, t('public.none'))];
  }

  function renderDetail(d, box) {
    box.replaceChildren(
      ...section(t('public.milestones'), d.milestones.map(m => [m.title, ' · ', m.dueOn, ' · ', percent(m.progress) + '%',
        m.overdue ? el('strong', {}, ' · ' + t('public.overdue')) : ''])),
      ...section(t('public.supervisors'), d.supervisionGroup.length ? [d.supervisionGroup.join('、')] : []),
      ...section(t('public.inspections'), d.inspections.map(i => [i.inspectedOn, '：', i.findings])),
      ...section(t('public.issues'), d.issues.map(i => [i.title, ' · ', t('issue.' + i.status), i.answer ? '：' + i.answer : ''])),
      ...section(t('public.decisions'), d.decisions.map(x => [x.decidedOn, ' ', x.body, '：', x.summary])),
      ...section(t('public.evaluations'), d.evaluations.map(e => [e.outcome, e.satisfactionRate ? ' · ' + e.satisfactionRate : ''])));
  }

  document.addEventListener('DOMContentLoaded', () => {
    MS.translate();
    MS.langButton($('lang'));
    MS.onLang(() => { details.clear(); load(); });
    $('pick').addEventListener('submit', ev => {
      ev.preventDefault();
      code = $('congress').value.trim();
      history.replaceState(null, '', '/public?congress=' + encodeURIComponent(code));
      load();
    });
    load();
  });
})();
