// A published result drawn as a bar chart of plain elements (readable by screen readers as a list).
'use strict';

const MSCharts = (() => {
  const { t, el } = MS;

  function required(f) {
    if (!f.threshold) return null;
    const [n, d] = f.threshold.fraction.split('/').map(Number);
    const value = f.thresholdBase * n / d;
    const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
    return t(f.threshold.inclusive ? 'screen.thresholdInclusive' : 'screen.threshold', shown);
  }

  /** The result's figures as a heading line, the ballots line and one bar per item. */
  function result(view) {
    const f = view.figures;
    const evaluation = f.kind === 'EVALUATION';
    const items = [...f.items].sort((a, b) => a.position - b.position);
    const scale = Math.max(1, f.valid);
    const list = el('ol', { class: 'chart' });
    for (const i of items) {
      const value = evaluation ? i.satisfiedCount + i.basicallySatisfiedCount : i.forCount;
      const label = evaluation ? (i.satisfactionPercent || '0') + '%' : String(i.forCount);
      const chosen = i.outcome === 'SELECTED' || (!evaluation && f.kind === 'MOTION' && i.passed);
      const width = Math.round(1000 * value / scale) / 10;
      list.append(el('li', { class: chosen ? 'selected' : '', 'data-item': i.itemId },
        el('span', { class: 'name' }, i.position + '. ' + i.label),
        el('span', { class: 'bar-wrap', 'aria-hidden': 'true' }, el('span', { class: 'bar', style: null, 'data-width': width })),
        el('span', { class: 'count' }, label)));
    }
    // widths are set from script, not inline style attributes, so the content security policy holds
    list.querySelectorAll('.bar').forEach(b => { b.style.display = 'block'; b.style.width = b.dataset.width + '%'; });
    const box = el('div', {},
      el('p', {}, t('result.valid', f.valid, f.invalid, f.returned, f.issued)),
      required(f) ? el('p', { class: 'muted' }, required(f)) : null,
      list);
    if (view.publishedAt) box.append(el('p', { class: 'muted' }, t('public.published', MS.formatTime(view.publishedAt))));
    return box;
  }

  return { result };
})();
