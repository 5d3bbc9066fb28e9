// The deputy's tablet: sign in, check in, wait for the chair, mark within the limit, confirm, cast
// with an Idempotency-Key kept on the tablet until the service answers, show and check the receipt.
'use strict';

(() => {
  const { t, api, el, say, describe } = MS;
  const $ = id => document.getElementById(id);
  const store = MS.tokenStore('tablet');
  const message = $('message');
  const net = $('net');
  const sending = $('sending'); // the state of the ballot being sent, apart from the live stream's

  let me = null;           // whoAmI
  let session = null;      // the open session
  let myState = null;      // this deputy's attendance
  let pulse = null;        // the session's latest live figures
  let stopStream = null;
  let ballot = null;       // the ballot being marked
  let marks = new Map();   // itemId -> choice
  let screen = 'login';
  let submitting = false;

  // --- what the tablet keeps across reloads: the ballot being sent, and the receipts ---
  const keyOf = kind => 'ms.' + kind + '.' + (me ? me.deputyId : '');
  const pending = {
    get: () => JSON.parse(localStorage.getItem(keyOf('pending')) || 'null'),
    set: v => localStorage.setItem(keyOf('pending'), JSON.stringify(v)),
    clear: () => localStorage.removeItem(keyOf('pending'))
  };
  const receipts = {
    all: () => JSON.parse(localStorage.getItem(keyOf('receipts')) || '{}'),
    put: (ballotId, r) => {
      const all = receipts.all();
      all[ballotId] = r;
      localStorage.setItem(keyOf('receipts'), JSON.stringify(all));
    }
  };

  function show(id) {
    screen = id;
    MS.showSection(id);
    $('logout').hidden = id === 'login';
  }

  function token() { return store.get(); }


  function choicesOf(b) {
    if (b.method === 'YES_NO_ABSTAIN') return ['FOR', 'AGAINST', 'ABSTAIN'];
    if (b.method === 'RATING') return ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED', 'ABSTAIN'];
    return ['FOR'];
  }

  const forCount = () => [...marks.values()].filter(c => c === 'FOR').length;

  // --- signing in and finding the session ---
  async function start() {
    try {
      me = await api('GET', '/api/v1/me', { token: token() });
    } catch (e) {
      return signOut(e instanceof MS.Problem && e.status === 401 ? null : describe(e));
    }
    if (!me.deputyId) {
      return signOut(describe(new MS.Problem(403, { detail: 'deputy account required / 需要代表账号' })));
    }
    const waiting = pending.get();
    if (waiting) {
      submit(waiting); // a ballot was being sent when the tablet reloaded: send it again, same key
    }
    await findSession();
  }

  async function findSession() {
    try {
      const sessions = await api('GET', '/api/v1/congresses/' + me.congressId + '/sessions', { token: token() });
      session = sessions.find(s => s.status === 'OPEN') || null;
    } catch (e) {
      if (e instanceof MS.Problem && e.status === 401) return signOut(null);
      session = null;
    }
    if (!session) {
      if (!submitting) {
        show('lobby');
        $('session-name').textContent = t('tablet.noSession');
        $('check-in').hidden = true;
        $('waiting').hidden = true;
      }
      setTimeout(() => { if (token() && !session) findSession(); }, 5000);
      return;
    }
    await loadAttendance();
    if (stopStream) stopStream();
    stopStream = MS.follow('/api/v1/sessions/' + session.id + '/stream', token, onPulse,
      status => say(net, status === 'lost' ? t('net.offline') : '', 'warn'),
      () => signOut(null));
  }

  async function loadAttendance() {
    const a = await api('GET', '/api/v1/sessions/' + session.id + '/attendance', { token: token() });
    myState = a.myState;
  }

  function signOut(text) {
    if (stopStream) stopStream();
    stopStream = null;
    // a shared tablet keeps no receipt once its deputy signs out (with the public board a tracker tells the
    // vote); an unsent ballot stays, to be sent when its deputy signs in again
    Object.keys(localStorage).filter(k => k.startsWith('ms.receipts.')).forEach(k => localStorage.removeItem(k));
    store.clear();
    me = null;
    session = null;
    ballot = null;
    marks = new Map();
    show('login');
    say(message, text || '', text ? 'error' : '');
  }

  // --- the hall's live figures decide what the deputy sees ---
  function onPulse(p) {
    pulse = p;
    if (p.status !== 'OPEN') {
      session = null;
      if (stopStream) stopStream();
      stopStream = null;
      return findSession();
    }
    decide();
  }

  async function decide() {
    if (submitting || screen === 'receipt' || !pulse) return;
    const open = pulse.ballots.find(b => b.status === 'OPEN');
    if ((screen === 'ballot' || screen === 'confirm') && ballot) {
      if (open && open.id === ballot.id) return; // keep marking
      say(message, t('tablet.closedWhileVoting'), 'warn');
      ballot = null;
    }
    renderLobby();
    if (myState !== 'PRESENT' || !open) return;
    if (receipts.all()[open.id]) return;
    try {
      const b = await api('GET', '/api/v1/ballots/' + open.id, { token: token() });
      if (b.voted) {
        say(message, t('tablet.alreadyVoted', b.title), 'ok');
        return;
      }
      if (!b.channels.includes('ELECTRONIC')) {
        say(message, t('tablet.paperOnly', b.title), 'warn');
        return;
      }
      if (screen !== 'lobby' || b.status !== 'OPEN') return;
      ballot = b;
      marks = new Map();
      say(message, '');
      renderBallot();
      show('ballot');
      $('ballot-title').focus();
    } catch (e) {
      say(message, describe(e), 'error');
    }
  }

  function renderLobby() {
    show('lobby');
    $('session-name').textContent = session ? session.name : t('tablet.noSession');
    const present = myState === 'PRESENT';
    $('attendance-state').textContent = present ? '✓ ' + t('tablet.checkedIn') : t('tablet.notCheckedIn');
    $('check-in').hidden = present;
    $('waiting').hidden = !present || !!(pulse && pulse.ballots.some(b => b.status === 'OPEN' && !receipts.all()[b.id]));
    renderReceipts();
  }

  function renderReceipts() {
    const all = receipts.all();
    const ids = Object.keys(all).filter(id => !pulse || pulse.ballots.some(b => b.id === id));
    const box = $('receipts');
    box.replaceChildren();
    if (!ids.length) return;
    box.append(el('h3', {}, t('tablet.yourReceipts')));
    for (const id of ids) {
      const r = all[id];
      const result = el('div', { role: 'status', hidden: true });
      box.append(el('div', { class: 'card' },
        el('p', {}, t('tablet.alreadyVoted', r.title)),
        el('p', { class: 'mono' }, r.tracker),
        el('button', { type: 'button', class: 'secondary', on: { click: () => verify(id, r, result) } }, t('tablet.verify')),
        result));
    }
  }

  // --- marking ---
  function renderBallot() {
    $('ballot-title').textContent = ballot.title;
    $('ballot-title').tabIndex = -1;
    const limit = ballot.markLimit;
    $('ballot-rules').textContent = ballot.method === 'APPROVAL' ? t('tablet.rules.approval', ballot.seats, limit)
      : ballot.method === 'RATING' ? t('tablet.rules.rating')
        : t('tablet.rules.yna', limit ? t('tablet.rules.ynaLimit', limit) : '');
    const list = $('items');
    list.replaceChildren();
    for (const item of ballot.items) {
      if (ballot.method === 'APPROVAL') {
        const chosen = marks.get(item.id) === 'FOR';
        list.append(el('li', {}, el('button', {
          type: 'button', class: 'item', role: 'checkbox', 'aria-checked': String(chosen), 'data-item': item.id,
          on: { click: () => toggle(item.id, 'FOR') }
        }, el('span', { class: 'box', 'aria-hidden': 'true' }, chosen ? '✓' : ''), el('span', {}, item.position + '. ' + item.label))));
      } else {
        const labelId = 'label-' + item.id;
        const group = el('div', { class: 'choices', role: 'radiogroup', 'aria-labelledby': labelId });
        for (const c of choicesOf(ballot)) {
          group.append(el('button', {
            type: 'button', role: 'radio', 'aria-checked': String(marks.get(item.id) === c), 'data-item': item.id,
            'data-choice': c, on: { click: () => toggle(item.id, c) }
          }, t('choice.' + c)));
        }
        list.append(el('li', { class: 'choice-row' }, el('div', { class: 'label', id: labelId }, item.position + '. ' + item.label), group));
      }
    }
    renderCounter();
  }

  function renderCounter() {
    const limit = ballot.markLimit;
    $('counter').textContent = limit ? t('tablet.counter', ballot.method === 'APPROVAL' ? marks.size : forCount(), limit)
      : t('tablet.counterFree', marks.size);
  }

  function toggle(itemId, choice) {
    const limit = ballot.markLimit;
    if (marks.get(itemId) === choice) {
      marks.delete(itemId);
    } else {
      if (choice === 'FOR' && limit && forCount() >= limit) {
        say($('limit'), t('tablet.limit', limit), 'error');
        return;
      }
      marks.set(itemId, choice);
    }
    say($('limit'), '');
    const focused = document.activeElement && document.activeElement.dataset;
    const refocus = focused ? [focused.item, focused.choice] : null;
    renderBallot();
    if (refocus && refocus[0]) {
      const sel = '[data-item="' + refocus[0] + '"]' + (refocus[1] ? '[data-choice="' + refocus[1] + '"]' : '');
      const target = document.querySelector(sel);
      if (target) target.focus();
    }
  }

  function renderConfirm() {
    const list = $('confirm-list');
    list.replaceChildren();
    const labels = new Map(ballot.items.map(i => [i.id, i.position + '. ' + i.label]));
    for (const item of ballot.items) {
      if (marks.has(item.id)) {
        list.append(ballot.method === 'APPROVAL' ? el('li', {}, '✓ ' + labels.get(item.id))
          : el('li', {}, labels.get(item.id) + ' — ', el('strong', {}, t('choice.' + marks.get(item.id)))));
      }
    }
    const rest = ballot.items.length - marks.size;
    $('confirm-rest').textContent = marks.size === 0 ? t('tablet.confirmNone') : t('tablet.unmarked', rest);
  }

  // --- casting: the key is made once per confirmed ballot and kept until the service answers ---
  async function submit(p) {
    submitting = true;
    show('confirm');
    if (!ballot || ballot.id !== p.ballotId) {
      $('confirm-list').replaceChildren(el('li', {}, p.title));
      $('confirm-rest').textContent = '';
    }
    $('back').disabled = true;
    $('submit').disabled = true;
    $('submit').textContent = t('tablet.submitting');
    let attempt = 0;
    for (;;) {
      try {
        const receipt = await api('POST', '/api/v1/ballots/' + p.ballotId + '/votes',
          { token: token(), body: { marks: p.marks }, extraHeaders: { 'Idempotency-Key': p.key } });
        receipts.put(p.ballotId, { title: p.title, tracker: receipt.tracker, valid: receipt.valid,
          invalidReason: receipt.invalidReason, labels: p.labels });
        pending.clear();
        submitting = false;
        say(sending, '');
        return showReceipt(p.ballotId);
      } catch (e) {
        const definitive = e instanceof MS.Problem && e.status < 500 && e.status !== 408 && e.status !== 429
          && e.status !== 401;
        if (e instanceof MS.Problem && e.status === 401) {
          submitting = false;
          return signOut(describe(e)); // the ballot stays pending: after signing in it is sent again
        }
        if (definitive) {
          pending.clear();
          submitting = false;
          say(sending, '');
          resetConfirmButtons();
          say(message, e.code === 'ALREADY_VOTED' ? t('tablet.alreadyVoted', p.title) : describe(e),
            e.code === 'ALREADY_VOTED' ? 'ok' : 'error');
          if (ballot && e.status === 400) {
            show('ballot'); // a refused marking: let the deputy change it
          } else {
            ballot = null;
            decide();
          }
          return;
        }
        attempt++;
        say(sending, t('net.retrying', attempt), 'warn');
        await MS.sleep(Math.min(1000 * attempt, 5000));
      }
    }
  }

  function resetConfirmButtons() {
    $('back').disabled = false;
    $('submit').disabled = false;
    $('submit').textContent = t('tablet.submit');
  }

  function showReceipt(ballotId) {
    const r = receipts.all()[ballotId];
    ballot = null;
    resetConfirmButtons();
    show('receipt');
    $('receipt').dataset.ballot = ballotId;
    $('tracker').textContent = r.tracker;
    $('receipt-invalid').hidden = r.valid !== false;
    $('receipt-invalid').textContent = t('tablet.receiptInvalid', r.invalidReason || '');
    say($('verify-result'), '');
    $('receipt-title').focus();
  }

  async function verify(ballotId, r, region) {
    try {
      const entry = await api('GET', '/api/v1/ballots/' + ballotId + '/board/' + encodeURIComponent(r.tracker));
      const counted = (entry.marks || []).map(m => ((r.labels || {})[m.itemId] || m.itemId) + ' — ' + t('choice.' + m.choice));
      region.replaceChildren();
      region.hidden = false;
      region.className = 'notice ok';
      region.append(el('p', {}, t('tablet.verified')), el('ul', {}, counted.map(c => el('li', {}, c))));
    } catch (e) {
      if (e instanceof MS.Problem && e.code === 'BOARD_NOT_AVAILABLE') say(region, t('tablet.verifyLater'), 'warn');
      else if (e instanceof MS.Problem && e.code === 'TRACKER_NOT_FOUND') say(region, t('tablet.notCounted'), 'error');
      else say(region, describe(e), 'error');
    }
  }

  // --- wiring ---
  document.addEventListener('DOMContentLoaded', () => {
    MS.translate();
    MS.langButton($('lang'));
    MS.onLang(() => {
      if (screen === 'ballot' && ballot) renderBallot();
      if (screen === 'confirm' && ballot && !submitting) renderConfirm();
      if (screen === 'lobby') renderLobby();
    });
    MS.loginForm(store, start, message);
    $('logout').addEventListener('click', () => signOut(null));
    $('check-in').addEventListener('click', async () => {
      try {
        const a = await api('POST', '/api/v1/sessions/' + session.id + '/attendance', { token: token(), body: {} });
        myState = a.myState;
        say(message, '');
        decide();
      } catch (e) {
        say(message, describe(e), 'error');
      }
    });
    $('review').addEventListener('click', () => {
      // fewer marks than minMarks would make the ballot invalid (废票): say so before confirming
      if (ballot.minMarks && forCount() < ballot.minMarks) {
        say($('limit'), t('tablet.tooFew', ballot.minMarks), 'error');
        return;
      }
      renderConfirm();
      show('confirm');
      $('confirm-title').focus();
    });
    $('back').addEventListener('click', () => {
      show('ballot');
      renderBallot();
    });
    $('submit').addEventListener('click', () => {
      const p = {
        ballotId: ballot.id, title: ballot.title, key: MS.randomKey(),
        marks: [...marks.entries()].map(([itemId, choice]) => ({ itemId, choice })),
        labels: Object.fromEntries(ballot.items.map(i => [i.id, i.position + '. ' + i.label]))
      };
      pending.set(p); // kept before the first byte leaves the tablet
      submit(p);
    });
    $('verify').addEventListener('click', () => {
      const id = $('receipt').dataset.ballot;
      verify(id, receipts.all()[id], $('verify-result'));
    });
    $('done').addEventListener('click', () => {
      show('lobby');
      decide();
    });
    ['confirm-title', 'receipt-title'].forEach(id => { $(id).tabIndex = -1; });
    if (token()) start(); else show('login');
  });
})();
