// Shared by every page: labels in Chinese (default) and English, calls to the REST API with the
// caller's token, problem+json shown as the service words it, and Server-Sent Events read over
// fetch (EventSource cannot send the Authorization header).
'use strict';

const MS = (() => {
  const LABELS = {
    zh: {
      'app.name': '民生实事票决',
      'lang.switch': 'English',
      'lang.switchLabel': 'Switch to English',
      'login.title': '登录',
      'login.congress': '人大代码',
      'login.username': '用户名',
      'login.password': '密码',
      'login.submit': '登录',
      'logout': '退出',
      'net.offline': '网络中断，正在重连…',
      'net.retrying': '网络中断，选票已保存在本机，正在重新提交（第 {0} 次）…',
      'error.unexpected': '出现错误：{0}',
      'tablet.title': '代表表决器',
      'tablet.noSession': '目前没有正在举行的会议。会议开始后本页会自动更新。',
      'tablet.session': '会议',
      'tablet.checkIn': '签到',
      'tablet.checkedIn': '已签到',
      'tablet.notCheckedIn': '尚未签到：签到后才能参加表决。',
      'tablet.waiting': '请等待主持人宣布开始表决。',
      'tablet.alreadyVoted': '您已对“{0}”投票。',
      'tablet.rules.approval': '应选 {0} 项，最多可选 {1} 项。点击项目即可选择或取消。',
      'tablet.rules.yna': '请对每一项选择赞成、反对或弃权。{0}',
      'tablet.rules.ynaLimit': '赞成最多 {0} 项。',
      'tablet.rules.rating': '请对每一项选择满意、基本满意、不满意或弃权。',
      'tablet.counter': '已选 {0} / {1}',
      'tablet.counterFree': '已标记 {0} 项',
      'tablet.limit': '最多只能选 {0} 项。如需改选，请先取消一项。',
      'tablet.tooFew': '至少须选 {0} 项，少选的选票无效。',
      'tablet.review': '下一步：核对选票',
      'tablet.confirmTitle': '请核对您的选票',
      'tablet.confirmNone': '您没有标记任何项目：这将作为一张空白票提交。',
      'tablet.unmarked': '未标记：{0} 项',
      'tablet.back': '返回修改',
      'tablet.submit': '确认投票',
      'tablet.submitting': '正在提交…',
      'tablet.receiptTitle': '投票成功',
      'tablet.receiptText': '您的选票已记录。请保存回执编码，表决结束后可核对是否计入：',
      'tablet.receiptInvalid': '注意：此票按规则计为无效票（{0}）。',
      'tablet.verify': '核对回执',
      'tablet.verified': '已核对：您的选票已计入，计入内容如下。',
      'tablet.verifyLater': '表决结束并公布计票板后即可核对。',
      'tablet.notCounted': '计票板上没有找到此回执！请立即联系监票人。',
      'tablet.toWaiting': '完成',
      'tablet.closedWhileVoting': '表决已结束，选票未能提交。',
      'tablet.paperOnly': '“{0}”使用纸质选票，请在会场领取选票。',
      'tablet.yourReceipts': '我的回执',
      'choice.FOR': '赞成',
      'choice.AGAINST': '反对',
      'choice.ABSTAIN': '弃权',
      'choice.SATISFIED': '满意',
      'choice.BASICALLY_SATISFIED': '基本满意',
      'choice.UNSATISFIED': '不满意',
      'status.PLANNED': '筹备中',
      'status.OPEN': '进行中',
      'status.CLOSED': '已结束',
      'status.DRAFT': '未开始',
      'status.CLOSING': '正在结束',
      'screen.title': '会场大屏',
      'screen.seated': '应到',
      'screen.present': '实到',
      'screen.onLeave': '请假',
      'screen.absent': '缺席',
      'screen.quorumMet': '出席代表已达法定人数（需 {0} 人）',
      'screen.quorumNotMet': '出席代表未达法定人数（需 {0} 人）',
      'screen.voting': '正在表决：{0}',
      'screen.cast': '已投票 {0} / 实到 {1}',
      'screen.counting': '表决已结束，正在计票与核对…',
      'screen.result': '表决结果：{0}',
      'screen.idle': '请等待表决开始。',
      'screen.selected': '当选',
      'screen.threshold': '当选须超过 {0} 票',
      'screen.thresholdInclusive': '当选须达到 {0} 票',
      'result.valid': '有效票 {0}，无效票 {1}，收回 {2}，发出 {3}',
      'result.for': '赞成票',
      'public.title': '民生实事 公开信息',
      'public.congress': '人大代码',
      'public.show': '查看',
      'public.results': '票决结果',
      'public.projects': '项目进展',
      'public.auditHead': '审计链最新哈希（可抄录备查）',
      'public.auditHeadOf': '{0}，第 {1} 条：',
      'public.noResults': '尚无公布的票决结果。',
      'public.noProjects': '尚无项目。',
      'public.progress': '进度 {0}%',
      'public.department': '承办单位：{0}',
      'public.budget': '计划投资 {0} 万元',
      'public.milestones': '节点',
      'public.overdue': '已逾期',
      'public.inspections': '代表视察',
      'public.issues': '代表反映的问题',
      'public.decisions': '人大决定',
      'public.evaluations': '满意度测评',
      'public.supervisors': '监督小组',
      'public.details': '详细信息',
      'public.none': '暂无',
      'public.published': '公布于 {0}',
      'light.GREEN': '绿灯 正常推进',
      'light.AMBER': '黄灯 存在风险',
      'light.RED': '红灯 进度滞后',
      'project.IN_PROGRESS': '实施中',
      'project.SUSPENDED': '已暂停',
      'project.TERMINATED': '已终止',
      'project.RECTIFYING': '整改中',
      'project.CLOSED': '已完成',
      'project.CARRIED_OVER': '转下年度',
      'issue.OPEN': '待答复',
      'issue.ANSWERED': '已答复',
      'issue.CLOSED': '已办结',
      'console.title': '大会秘书处控制台',
      'console.sessions': '会议',
      'console.newSession': '新建会议',
      'console.name': '名称',
      'console.kind': '类型',
      'console.startsOn': '开始日期',
      'console.endsOn': '结束日期',
      'console.create': '创建',
      'console.open': '开启',
      'console.close': '结束',
      'console.select': '进入',
      'console.ballots': '表决事项',
      'console.newBallot': '从候选项目名单新建表决',
      'console.slate': '候选项目名单',
      'console.ballotTitle': '表决标题',
      'console.seats': '应选项数',
      'console.openBallot': '开始表决',
      'console.closeBallot': '结束表决并计票',
      'console.result': '计票结果',
      'console.showResult': '查看结果',
      'console.publish': '公布结果',
      'console.notice': '下载公告 PDF',
      'console.countersigned': '监票人签字 {0} / {1}',
      'console.published': '已公布',
      'console.confirmClose': '确定结束表决并计票？此后不能再投票。',
      'console.confirmPublish': '确定公布结果？公布后结果不可更改。',
      'console.screenLink': '打开会场大屏',
      'console.turnout': '投票进度',
      'kind.PLENARY': '代表大会全体会议',
      'kind.STANDING_COMMITTEE': '常委会会议',
      'kind.SELECTION': '项目票决',
      'kind.EVALUATION': '满意度测评',
      'kind.MOTION': '议案表决'
    },
    en: {
      'app.name': 'Livelihood projects ballot',
      'lang.switch': '中文',
      'lang.switchLabel': '切换到中文',
      'login.title': 'Sign in',
      'login.congress': 'Congress code',
      'login.username': 'Username',
      'login.password': 'Password',
      'login.submit': 'Sign in',
      'logout': 'Sign out',
      'net.offline': 'Connection lost, reconnecting…',
      'net.retrying': 'Connection lost. Your ballot is kept on this tablet and is being sent again (attempt {0})…',
      'error.unexpected': 'Something went wrong: {0}',
      'tablet.title': 'Deputy voting tablet',
      'tablet.noSession': 'No session is in progress. This page updates itself when one opens.',
      'tablet.session': 'Session',
      'tablet.checkIn': 'Check in',
      'tablet.checkedIn': 'Checked in',
      'tablet.notCheckedIn': 'Not checked in: check in to take part in the votes.',
      'tablet.waiting': 'Please wait for the chair to open the vote.',
      'tablet.alreadyVoted': 'You have voted on “{0}”.',
      'tablet.rules.approval': '{0} to be chosen; mark at most {1}. Tap an item to mark or unmark it.',
      'tablet.rules.yna': 'Choose for, against or abstain on each item. {0}',
      'tablet.rules.ynaLimit': 'At most {0} “for”.',
      'tablet.rules.rating': 'Rate each item: satisfied, basically satisfied, unsatisfied or abstain.',
      'tablet.counter': '{0} of {1} marked',
      'tablet.counterFree': '{0} marked',
      'tablet.limit': 'You can mark at most {0}. Unmark one first to change your choice.',
      'tablet.tooFew': 'Mark at least {0}: a ballot with fewer is invalid.',
      'tablet.review': 'Next: review my ballot',
      'tablet.confirmTitle': 'Please check your ballot',
      'tablet.confirmNone': 'You marked nothing: this will be cast as a blank ballot.',
      'tablet.unmarked': 'Not marked: {0}',
      'tablet.back': 'Back to change',
      'tablet.submit': 'Confirm and cast',
      'tablet.submitting': 'Sending…',
      'tablet.receiptTitle': 'Your vote is cast',
      'tablet.receiptText': 'Your ballot is recorded. Keep this receipt code to check, after the vote, that it was counted:',
      'tablet.receiptInvalid': 'Note: under the rules this ballot counts as invalid ({0}).',
      'tablet.verify': 'Check my receipt',
      'tablet.verified': 'Checked: your ballot was counted as follows.',
      'tablet.verifyLater': 'You can check it once the vote is closed and the board is posted.',
      'tablet.notCounted': 'This receipt is NOT on the board! Tell the scrutineers at once.',
      'tablet.toWaiting': 'Done',
      'tablet.closedWhileVoting': 'The vote closed before your ballot could be sent.',
      'tablet.paperOnly': '“{0}” is voted on paper: please take a ballot paper in the hall.',
      'tablet.yourReceipts': 'My receipts',
      'choice.FOR': 'For',
      'choice.AGAINST': 'Against',
      'choice.ABSTAIN': 'Abstain',
      'choice.SATISFIED': 'Satisfied',
      'choice.BASICALLY_SATISFIED': 'Basically satisfied',
      'choice.UNSATISFIED': 'Unsatisfied',
      'status.PLANNED': 'Planned',
      'status.OPEN': 'Open',
      'status.CLOSED': 'Closed',
      'status.DRAFT': 'Not started',
      'status.CLOSING': 'Closing',
      'screen.title': 'Hall screen',
      'screen.seated': 'Seated',
      'screen.present': 'Present',
      'screen.onLeave': 'On leave',
      'screen.absent': 'Absent',
      'screen.quorumMet': 'Quorum present ({0} needed)',
      'screen.quorumNotMet': 'No quorum ({0} needed)',
      'screen.voting': 'Voting: {0}',
      'screen.cast': '{0} cast of {1} present',
      'screen.counting': 'The vote is closed; counting and checking…',
      'screen.result': 'Result: {0}',
      'screen.idle': 'Waiting for the vote to open.',
      'screen.selected': 'Selected',
      'screen.threshold': 'More than {0} votes needed',
      'screen.thresholdInclusive': 'At least {0} votes needed',
      'result.valid': '{0} valid, {1} invalid, {2} returned, {3} issued',
      'result.for': 'Votes for',
      'public.title': 'Livelihood projects — public information',
      'public.congress': 'Congress code',
      'public.show': 'Show',
      'public.results': 'Ballot results',
      'public.projects': 'Project progress',
      'public.auditHead': 'Latest audit-chain head (write it down to check later)',
      'public.auditHeadOf': '{0}, entry {1}:',
      'public.noResults': 'No result published yet.',
      'public.noProjects': 'No projects yet.',
      'public.progress': 'Progress {0}%',
      'public.department': 'Responsible unit: {0}',
      'public.budget': 'Planned budget {0} (10k yuan)',
      'public.milestones': 'Milestones',
      'public.overdue': 'overdue',
      'public.inspections': 'Deputies’ inspections',
      'public.issues': 'Issues raised by deputies',
      'public.decisions': 'Decisions of the congress',
      'public.evaluations': 'Satisfaction evaluation',
      'public.supervisors': 'Supervision group',
      'public.details': 'Details',
      'public.none': 'None',
      'public.published': 'Published {0}',
      'light.GREEN': 'Green: on track',
      'light.AMBER': 'Amber: at risk',
      'light.RED': 'Red: behind schedule',
      'project.IN_PROGRESS': 'In progress',
      'project.SUSPENDED': 'Suspended',
      'project.TERMINATED': 'Terminated',
      'project.RECTIFYING': 'Under rectification',
      'project.CLOSED': 'Completed',
      'project.CARRIED_OVER': 'Carried over',
      'issue.OPEN': 'Awaiting answer',
      'issue.ANSWERED': 'Answered',
      'issue.CLOSED': 'Closed',
      'console.title': 'Session secretariat console',
      'console.sessions': 'Sessions',
      'console.newSession': 'New session',
      'console.name': 'Name',
      'console.kind': 'Kind',
      'console.startsOn': 'Starts on',
      'console.endsOn': 'Ends on',
      'console.create': 'Create',
      'console.open': 'Open',
      'console.close': 'Close',
      'console.select': 'Enter',
      'console.ballots': 'Ballots',
      'console.newBallot': 'New ballot from a slate',
      'console.slate': 'Slate of candidates',
      'console.ballotTitle': 'Ballot title',
      'console.seats': 'Seats',
      'console.openBallot': 'Open the vote',
      'console.closeBallot': 'Close and count',
      'console.result': 'Count',
      'console.showResult': 'Show the count',
      'console.publish': 'Publish the result',
      'console.notice': 'Download the PDF notice',
      'console.countersigned': 'Countersigned {0} of {1}',
      'console.published': 'Published',
      'console.confirmClose': 'Close the vote and count? Nobody can vote after this.',
      'console.confirmPublish': 'Publish the result? It cannot be changed afterwards.',
      'console.screenLink': 'Open the hall screen',
      'console.turnout': 'Turnout',
      'kind.PLENARY': 'Plenary',
      'kind.STANDING_COMMITTEE': 'Standing committee',
      'kind.SELECTION': 'Project selection',
      'kind.EVALUATION': 'Satisfaction evaluation',
      'kind.MOTION': 'Motion'
    }
  };

  let lang = localStorage.getItem('ms.lang') === 'en' ? 'en' : 'zh';
  const listeners = [];

  function t(key, ...args) {
    const text = LABELS[lang][key] ?? LABELS.zh[key] ?? key;
    return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
  }

  /** Fills every [data-i18n] element (and [data-i18n-label] aria-labels) of the page. */
  function translate(root = document) {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  }

  function setLang(next) {
    lang = next;
    localStorage.setItem('ms.lang', lang);
    translate();
    listeners.forEach(f => f());
  }

  /** A language switch button in the header; pages re-render through onLang. */
  function langButton(button) {
    button.addEventListener('click', () => setLang(lang === 'zh' ? 'en' : 'zh'));
  }

  function onLang(f) { listeners.push(f); }

  /** A problem as the service words it (the service answers in the requested language). */
  class Problem extends Error {
    constructor(status, body) {
      super((body && (body.detail || body.title)) || ('HTTP ' + status));
      this.status = status;
      this.code = body && body.code;
      this.body = body;
    }
  }

  /** The token lives per page kind: the tablet's in sessionStorage, the projector's and console's too. */
  function tokenStore(name) {
    const key = 'ms.token.' + name;
    return {
      get: () => sessionStorage.getItem(key),
      set: v => sessionStorage.setItem(key, v),
      clear: () => sessionStorage.removeItem(key)
    };
  }

  function headers(token, extra = {}) {
    const h = { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN', ...extra };
    if (token) h.Authorization = 'Bearer ' + token;
    return h;
  }

  /**
   * Calls the API. Resolves with the parsed JSON (or null); rejects with a Problem for a 4xx/5xx
   * answer, or with a TypeError when the network failed (no answer at all).
   */
  async function api(method, path, { token, body, extraHeaders } = {}) {
    const init = { method, headers: headers(token, extraHeaders) };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    const text = await res.text();
    let json = null;
    if (text) {
      try { json = JSON.parse(text); } catch (e) { json = null; }
    }
    if (!res.ok) throw new Problem(res.status, json);
    return json;
  }

  async function login(congressCode, username, password) {
    const body = { username, password };
    if (congressCode) body.congressCode = congressCode;
    return api('POST', '/api/v1/auth/login', { body });
  }

  const sleep = ms => new Promise(r => setTimeout(r, ms));

  /**
   * Follows a Server-Sent Events stream over fetch, reconnecting with a growing pause until the
   * returned stop() is called. onStatus('live' | 'lost') tells the page whether it is connected.
   */
  function follow(path, token, onEvent, onStatus = () => {}, onDenied = () => {}) {
    const control = new AbortController();
    (async () => {
      let pause = 500;
      while (!control.signal.aborted) {
        try {
          // a stream ends when its token expires: each reconnection takes the page's current token
          const current = typeof token === 'function' ? token() : token;
          const res = await fetch(path, { headers: headers(current, { Accept: 'text/event-stream' }), signal: control.signal });
          if (res.status === 401 || res.status === 403 || res.status === 404) {
            onDenied(res.status);
            return;
          }
          if (!res.ok) throw new Error('HTTP ' + res.status);
          onStatus('live');
          pause = 500;
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n'); // ':' keep-alive lines carry no data
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const chunk = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = chunk.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
              if (data) onEvent(JSON.parse(data));
            }
          }
        } catch (e) {
          if (control.signal.aborted) return;
        }
        onStatus('lost');
        await sleep(pause);
        pause = Math.min(pause * 2, 5000);
      }
    })();
    return () => control.abort();
  }

  /** A random key for Idempotency-Key; crypto.getRandomValues works outside secure contexts too. */
  function randomKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return 'tablet-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  /** Creates an element: el('p', {class: 'x'}, 'text', child...). */
  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'on') Object.entries(v).forEach(([ev, f]) => e.addEventListener(ev, f));
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /** Shows a message in a live region: kind is '', 'error', 'ok' or 'warn'. */
  function say(region, text, kind = '') {
    region.replaceChildren();
    if (!text) { region.hidden = true; return; }
    region.hidden = false;
    region.className = 'notice' + (kind ? ' ' + kind : '');
    region.textContent = text;
  }

  function describe(e) {
    return e instanceof Problem ? e.message : t('error.unexpected', e && e.message ? e.message : String(e));
  }

  function formatTime(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** Fills section#login with the sign-in form every page shares, and wires it (see bindLogin). */
  function loginForm(store, done, region) {
    const field = (id, key, attrs) => [el('label', { for: id, 'data-i18n': key }, t(key)), el('input', { id, required: true, ...attrs })];
    const form = el('form', { id: 'login-form', novalidate: true },
      field('congress', 'login.congress', { autocomplete: 'organization' }),
      field('username', 'login.username', { autocomplete: 'username' }),
      field('password', 'login.password', { type: 'password', autocomplete: 'current-password' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', 'data-i18n': 'login.submit' }, t('login.submit'))));
    const section = document.getElementById('login');
    section.setAttribute('aria-labelledby', 'login-title');
    section.replaceChildren(el('h2', { id: 'login-title', 'data-i18n': 'login.title' }, t('login.title')), form);
    bindLogin(form, store, done, region);
  }

  /** 应到, 实到, 请假, 缺席 and the quorum line, for the projector and the console. */
  function hallFigures(attendance) {
    const figure = (key, n, id) => el('div', { class: 'figure' }, el('span', {}, t(key)), el('span', { class: 'n', id }, n));
    const q = attendance.quorum;
    return el('div', {},
      el('div', { class: 'figures' }, figure('screen.seated', attendance.seated, 'seated'),
        figure('screen.present', attendance.present, 'present'), figure('screen.onLeave', attendance.onLeave, 'on-leave'),
        figure('screen.absent', attendance.absent, 'absent')),
      el('p', { id: 'quorum', class: 'notice ' + (q.met ? 'ok' : 'error') },
        t(q.met ? 'screen.quorumMet' : 'screen.quorumNotMet', q.required)));
  }

  /**
   * Wires a login form (#congress, #username, #password inside it): on success the token is kept
   * in the store and done() runs; failures are shown in the region.
   */
  function bindLogin(form, store, done, region) {
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const congress = form.querySelector('#congress');
        const token = await login(congress ? congress.value.trim() : null, form.querySelector('#username').value.trim(),
          form.querySelector('#password').value);
        store.set(token.accessToken);
        form.querySelector('#password').value = '';
        say(region, '');
        done();
      } catch (e) {
        say(region, describe(e), 'error');
      } finally {
        button.disabled = false;
      }
    });
  }

  /** Shows the section with this id and hides its sibling sections. */
  function showSection(id) {
    document.querySelectorAll('main > section').forEach(s => { s.hidden = s.id !== id; });
  }

  return { t, translate, loginForm, hallFigures, showSection, setLang, langButton, onLang, lang: () => lang, Problem, tokenStore, api, login, follow, randomKey,
    el, say, describe, sleep, formatTime };
})();
