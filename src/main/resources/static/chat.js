/*
 * Fråga facket – the members' chat. Talks to /ws/chat (frames as in the service's contract) and
 * POST /api/feedback. Everything from the member, the documents or the service is put on the page as
 * text (textContent / text nodes), never as HTML; the page's Content-Security-Policy enforces that with
 * Trusted Types where the browser supports them.
 */
(() => {
  'use strict';

  const HELP_LINE = '020-56 00 56';
  const HELP_LINE_TEL = 'tel:020560056';
  const STORE_CONVERSATION = 'fraga.conversationId';
  const STORE_TRANSCRIPT = 'fraga.transcript';
  const STORE_LANGUAGE = 'fraga.language';
  const KEEP_TURNS = 30;

  const TEXT = {
    sv: {
      skip: 'Hoppa till frågefältet',
      newQuestion: 'Ny fråga',
      switchTo: 'English',
      switchToShort: 'EN',
      switchToLang: 'en',
      helpline: 'Prata med en människa:',
      welcomeTitle: 'Hej! Vad undrar du?',
      welcomeText: 'Ställ en fråga om facket, LO-distrikten eller ditt uppdrag. Svaren hämtas ur förbundets egna dokument, och du ser alltid varifrån de kommer.',
      examplesTitle: 'Du kan till exempel fråga',
      examples: [
        'Vad innebär uppdraget som ledamot i ett LO-fack?',
        'Hur många LO-distrikt finns det idag?',
        'När hålls höstmötet i LO-distriktet i Västsverige?',
        'Vilket nummer ringer jag för att prata med en människa?',
      ],
      conversation: 'Samtal',
      questionLabel: 'Din fråga',
      questionPlaceholder: 'Skriv din fråga här',
      send: 'Skicka',
      hintKeys: 'Enter skickar, Skift+Enter ger ny rad.',
      hint: 'Svaren kan innehålla fel – läs gärna källan.',
      you: 'Du',
      assistant: 'Fråga facket',
      thinking: 'Letar i dokumenten …',
      waitingForConnection: 'Väntar på anslutning …',
      sources: 'Källor',
      source: 'Källa',
      document: 'Dokument',
      helpful: 'Var svaret till hjälp?',
      yes: 'Ja',
      no: 'Nej',
      yesLabel: 'Ja, svaret hjälpte',
      noLabel: 'Nej, svaret hjälpte inte',
      commentLabel: 'Vad saknades? (valfritt)',
      commentSend: 'Skicka omdöme',
      thanks: 'Tack för ditt omdöme!',
      feedbackFailed: 'Omdömet kunde inte skickas. Försök igen.',
      notFoundHint: 'Ring gärna så hjälper vi dig.',
      offline: 'Ingen anslutning just nu. Vi försöker igen automatiskt …',
      reconnected: 'Anslutningen är tillbaka.',
      dropped: 'Anslutningen bröts innan svaret kom. Din fråga ligger kvar i fältet – skicka den igen.',
      empty: 'Skriv en fråga först.',
      busy: 'Vänta tills svaret är klart.',
      answerAnnounced: 'Svar: ',
      newStarted: 'Ny fråga. Tidigare samtal är rensat.',
      restored: 'Tidigare i samtalet',
    },
    en: {
      skip: 'Skip to the question field',
      newQuestion: 'New question',
      switchTo: 'Svenska',
      switchToShort: 'SV',
      switchToLang: 'sv',
      helpline: 'Talk to a person:',
      welcomeTitle: 'Hello! What would you like to know?',
      welcomeText: 'Ask about the union, the LO districts or your role. Answers come from the union\'s own documents, and you can always see where they come from.',
      examplesTitle: 'You could ask, for example',
      examples: [
        'How many LO districts are there today?',
        'When is May Day in the 2024 plan of LO in Western Sweden?',
        'Who is responsible for school and youth activities in LO Central Sweden?',
      ],
      conversation: 'Conversation',
      questionLabel: 'Your question',
      questionPlaceholder: 'Type your question here',
      send: 'Send',
      hintKeys: 'Enter sends, Shift+Enter adds a line.',
      hint: 'Answers can be wrong – do check the source.',
      you: 'You',
      assistant: 'Fråga facket',
      thinking: 'Searching the documents …',
      waitingForConnection: 'Waiting for a connection …',
      sources: 'Sources',
      source: 'Source',
      document: 'Document',
      helpful: 'Was this answer helpful?',
      yes: 'Yes',
      no: 'No',
      yesLabel: 'Yes, the answer helped',
      noLabel: 'No, the answer did not help',
      commentLabel: 'What was missing? (optional)',
      commentSend: 'Send feedback',
      thanks: 'Thank you for your feedback!',
      feedbackFailed: 'Your feedback could not be sent. Please try again.',
      notFoundHint: 'Do call us and we will help you.',
      offline: 'No connection right now. Trying again automatically …',
      reconnected: 'The connection is back.',
      dropped: 'The connection was lost before the answer came. Your question is back in the field – send it again.',
      empty: 'Type a question first.',
      busy: 'Please wait until the answer is complete.',
      answerAnnounced: 'Answer: ',
      newStarted: 'New question. The earlier conversation is cleared.',
      restored: 'Earlier in this conversation',
    },
  };

  // Storage can be refused (private modes, third-party frames): the chat then simply forgets on reload.
  const store = (area) => ({
    get(key) {
      try { return area().getItem(key); } catch { return null; }
    },
    set(key, value) {
      try { area().setItem(key, value); } catch { /* not kept */ }
    },
    remove(key) {
      try { area().removeItem(key); } catch { /* nothing kept */ }
    },
  });
  const session = store(() => window.sessionStorage);
  const local = store(() => window.localStorage);

  const params = new URLSearchParams(window.location.search);
  const embedded = window.location.pathname === '/embed';
  let language = ['sv', 'en'].includes(params.get('lang')) ? params.get('lang')
    : (local.get(STORE_LANGUAGE) === 'en' ? 'en' : 'sv');
  let conversationId = session.get(STORE_CONVERSATION);
  let transcript = readTranscript();

  const byId = (id) => document.getElementById(id);
  const ui = {
    form: byId('ask'),
    question: byId('question'),
    send: byId('send'),
    log: byId('log'),
    welcome: byId('welcome'),
    examples: byId('examples'),
    language: byId('language'),
    newQuestion: byId('new-question'),
    connection: byId('connection'),
    announcer: byId('announcer'),
  };

  let socket = null;
  let connected = false;
  let everConnected = false;
  let attempts = 0;
  let retryTimer = null;
  let statusTimer = null;
  /** The answer being waited for: {view, question, sent} */
  let pending = null;
  let feedbackSeq = 0;

  const t = (key) => TEXT[language][key];

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function svg(pathData, className) {
    const ns = 'http://www.w3.org/2000/svg';
    const icon = document.createElementNS(ns, 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    icon.setAttribute('focusable', 'false');
    if (className) icon.setAttribute('class', className);
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', pathData);
    icon.append(path);
    return icon;
  }

  // Thumb icons after Feather (MIT licence)
  const THUMB_UP = 'M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3';
  const THUMB_DOWN = 'M10 15v4a3 3 0 0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 2.31 0 0 1 22 4v7a2.31 2.31 0 0 1-2.33 2H17';

  /** Puts text into a node as text, with the help line made a phone link. */
  function renderText(node, text) {
    node.replaceChildren();
    const parts = String(text).split(HELP_LINE);
    parts.forEach((part, i) => {
      if (i > 0) {
        const link = el('a', 'phone', HELP_LINE);
        link.href = HELP_LINE_TEL;
        node.append(link);
      }
      node.append(document.createTextNode(part));
    });
  }

  // ---- language -------------------------------------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach((node) => {
      node.textContent = t(node.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => {
      node.placeholder = t(node.dataset.i18nPlaceholder);
    });
    ui.language.lang = t('switchToLang');
    ui.examples.replaceChildren(...t('examples').map((example) => {
      const item = el('li');
      const button = el('button', 'example', example);
      button.type = 'button';
      button.addEventListener('click', () => ask(example));
      item.append(button);
      return item;
    }));
    ui.log.querySelectorAll('[data-i18n-dynamic]').forEach((node) => {
      node.textContent = t(node.dataset.i18nDynamic);
    });
    ui.log.querySelectorAll('[data-i18n-label]').forEach((node) => {
      node.setAttribute('aria-label', t(node.dataset.i18nLabel));
    });
  }

  function dynamicText(tag, className, key) {
    const node = el(tag, className, t(key));
    node.dataset.i18nDynamic = key;
    return node;
  }

  // ---- the conversation on the page ------------------------------------------------------------------

  function updateWelcome() {
    ui.welcome.hidden = ui.log.children.length > 0;
  }

  function addQuestion(text) {
    const item = el('li', 'turn turn-question');
    item.append(dynamicText('span', 'visually-hidden', 'you'));
    item.append(el('p', 'bubble bubble-question', text));
    ui.log.append(item);
    updateWelcome();
    return item;
  }

  function addAnswerView() {
    const item = el('li', 'turn turn-answer');
    item.setAttribute('aria-busy', 'true');
    const card = el('article', 'answer');
    const who = dynamicText('p', 'answer-who', 'assistant');
    const body = el('div', 'answer-text');
    const working = dynamicText('p', 'answer-working', 'thinking');
    card.append(who, body, working);
    item.append(card);
    ui.log.append(item);
    updateWelcome();
    return { item, card, body, working, streamed: '' };
  }

  function showToken(view, text) {
    if (view.working) {
      view.working.remove();
      view.working = null;
    }
    view.streamed += text;
    // text nodes only: whatever the model or a document says stays text
    view.body.append(document.createTextNode(text));
    followBottom();
  }

  /** Shows an answer; {@code saved} is its turn in the tab's transcript when it is being restored. */
  function showAnswer(view, frame, question, saved) {
    const restoring = Boolean(saved);
    const turn = saved || { question, frame };
    if (view.working) {
      view.working.remove();
      view.working = null;
    }
    view.item.removeAttribute('aria-busy');
    view.card.classList.toggle('answer-not-found', !frame.answered);
    renderText(view.body, frame.answer);
    const sources = Array.isArray(frame.sources) ? frame.sources : [];
    if (sources.length > 0) {
      const box = el('section', 'sources');
      box.append(dynamicText('h3', 'sources-title', sources.length === 1 ? 'source' : 'sources'));
      const list = el('ul', 'source-list');
      sources.forEach((source) => {
        const details = el('details', 'source');
        const summary = el('summary', 'source-title', source.title || source.documentId);
        const quote = el('blockquote', 'source-snippet', source.snippet);
        const documentLine = el('p', 'source-document');
        documentLine.append(dynamicText('span', null, 'document'), document.createTextNode(': ' + source.documentId));
        details.append(summary, quote, documentLine);
        const item = el('li');
        item.append(details);
        list.append(item);
      });
      box.append(list);
      view.card.append(box);
    }
    view.card.append(feedbackView(frame, turn));
    if (!restoring) {
      ui.announcer.textContent = '';
      // a fresh node so screen readers announce the whole answer once, not every token
      window.setTimeout(() => { ui.announcer.textContent = t('answerAnnounced') + frame.answer; }, 50);
      transcript.push(turn);
      transcript = transcript.slice(-KEEP_TURNS);
      saveTranscript();
    }
  }

  function showFailure(view, message) {
    if (view.working) {
      view.working.remove();
      view.working = null;
    }
    view.item.removeAttribute('aria-busy');
    view.card.classList.add('answer-error');
    view.body.replaceChildren();
    renderText(view.body, message);
    ui.announcer.textContent = message;
  }

  function feedbackView(frame, turn) {
    const box = el('div', 'feedback');
    const id = 'feedback-' + (++feedbackSeq);
    const question = dynamicText('p', 'feedback-question', 'helpful');
    question.id = id;
    const buttons = el('div', 'feedback-buttons');
    buttons.setAttribute('role', 'group');
    buttons.setAttribute('aria-labelledby', id);
    const yes = feedbackButton(THUMB_UP, 'yes', 'yesLabel', 'feedback-yes');
    const no = feedbackButton(THUMB_DOWN, 'no', 'noLabel', 'feedback-no');
    buttons.append(yes, no);
    const form = el('form', 'feedback-comment');
    form.hidden = true;
    const label = dynamicText('label', 'feedback-comment-label', 'commentLabel');
    label.htmlFor = id + '-comment';
    const comment = el('textarea', 'feedback-comment-text');
    comment.id = id + '-comment';
    comment.rows = 2;
    comment.maxLength = 1000;
    const submit = dynamicText('button', 'button button-secondary', 'commentSend');
    submit.type = 'submit';
    form.append(label, comment, submit);
    const result = el('p', 'feedback-result');
    result.setAttribute('role', 'status');
    box.append(question, buttons, form, result);

    const choose = (helpful) => {
      yes.setAttribute('aria-pressed', String(helpful));
      no.setAttribute('aria-pressed', String(!helpful));
      if (helpful) {
        form.hidden = true;
        send(true, '');
      } else {
        result.textContent = '';
        form.hidden = false;
        comment.focus();
      }
    };
    const send = async (helpful, text) => {
      result.textContent = '';
      try {
        const response = await fetch('/api/feedback', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            conversationId: frame.conversationId, messageId: frame.messageId, helpful, comment: text,
          }),
        });
        if (!response.ok) throw new Error('HTTP ' + response.status);
        turn.feedback = helpful;
        saveTranscript();
        given(helpful);
        if (!helpful) ui.question.focus();
      } catch {
        result.className = 'feedback-result feedback-failed';
        result.textContent = t('feedbackFailed');
      }
    };
    const given = (helpful) => {
      yes.setAttribute('aria-pressed', String(helpful));
      no.setAttribute('aria-pressed', String(!helpful));
      form.hidden = true;
      buttons.querySelectorAll('button').forEach((button) => { button.disabled = true; });
      result.className = 'feedback-result feedback-thanks';
      result.replaceChildren(dynamicText('span', null, 'thanks'));
    };
    if (typeof turn.feedback === 'boolean') given(turn.feedback);
    yes.addEventListener('click', () => choose(true));
    no.addEventListener('click', () => choose(false));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(false, comment.value.trim());
    });
    return box;
  }

  function feedbackButton(icon, textKey, labelKey, className) {
    const button = el('button', 'button button-feedback ' + className);
    button.type = 'button';
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-label', t(labelKey));
    button.dataset.i18nLabel = labelKey;
    button.append(svg(icon, 'thumb'), dynamicText('span', null, textKey));
    return button;
  }

  function followBottom() {
    const scroller = document.scrollingElement || document.documentElement;
    const nearBottom = scroller.scrollHeight - scroller.scrollTop - window.innerHeight < 240;
    if (nearBottom) window.scrollTo({ top: scroller.scrollHeight });
  }

  function scrollToLatest(node) {
    node.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  // ---- asking -----------------------------------------------------------------------------------------

  function ask(text) {
    const question = String(text).trim();
    if (!question) {
      flashStatus(t('empty'));
      ui.question.focus();
      return;
    }
    if (pending) {
      flashStatus(t('busy'));
      return;
    }
    const questionItem = addQuestion(question);
    const view = addAnswerView();
    pending = { view, question, sent: false };
    ui.question.value = '';
    resizeComposer();
    setBusy(true);
    scrollToLatest(questionItem);
    if (connected) {
      sendPending();
    } else {
      view.working.dataset.i18nDynamic = 'waitingForConnection';
      view.working.textContent = t('waitingForConnection');
      connectNow();
    }
  }

  function sendPending() {
    if (!pending || pending.sent || !connected) return;
    pending.sent = true;
    if (pending.view.working) {
      pending.view.working.dataset.i18nDynamic = 'thinking';
      pending.view.working.textContent = t('thinking');
    }
    socket.send(JSON.stringify({ type: 'ask', message: pending.question, conversationId }));
  }

  function setBusy(busy) {
    ui.form.classList.toggle('is-busy', busy);
    ui.send.setAttribute('aria-disabled', String(busy));
  }

  function onFrame(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame.type === 'token' && pending) {
      showToken(pending.view, String(frame.text ?? ''));
    } else if (frame.type === 'answer' && pending) {
      conversationId = frame.conversationId;
      session.set(STORE_CONVERSATION, conversationId);
      showAnswer(pending.view, frame, pending.question, null);
      pending = null;
      setBusy(false);
    } else if (frame.type === 'error') {
      if (pending) {
        showFailure(pending.view, String(frame.error));
        pending = null;
        setBusy(false);
      } else {
        flashStatus(String(frame.error));
      }
    }
  }

  function newConversation() {
    conversationId = null;
    session.remove(STORE_CONVERSATION);
    transcript = [];
    saveTranscript();
    pending = null;
    setBusy(false);
    ui.log.replaceChildren();
    updateWelcome();
    ui.announcer.textContent = t('newStarted');
    window.scrollTo({ top: 0 });
    ui.question.focus();
  }

  // ---- the connection ---------------------------------------------------------------------------------

  function socketUrl() {
    return (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + '/ws/chat';
  }

  function connect() {
    window.clearTimeout(retryTimer);
    retryTimer = null;
    const ws = new WebSocket(socketUrl());
    socket = ws;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      connected = true;
      attempts = 0;
      if (everConnected) flashStatus(t('reconnected'));
      else hideStatus();
      everConnected = true;
      sendPending();
    });
    ws.addEventListener('message', (event) => {
      if (socket === ws && typeof event.data === 'string') onFrame(event.data);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      connected = false;
      if (pending && pending.sent) {
        const lost = pending;
        pending = null;
        setBusy(false);
        showFailure(lost.view, t('dropped'));
        if (!ui.question.value) {
          ui.question.value = lost.question;
          resizeComposer();
        }
      }
      showStatus(t('offline'), 'offline');
      scheduleReconnect();
    });
  }

  function scheduleReconnect() {
    const delay = Math.min(15000, 1000 * 2 ** attempts) + Math.floor(Math.random() * 400);
    attempts += 1;
    retryTimer = window.setTimeout(connect, delay);
  }

  function connectNow() {
    if (!socket) connect();
  }

  function showStatus(message, kind) {
    window.clearTimeout(statusTimer);
    ui.connection.className = 'connection connection-' + kind;
    ui.connection.textContent = message;
    ui.connection.hidden = false;
  }

  function flashStatus(message) {
    showStatus(message, 'note');
    statusTimer = window.setTimeout(hideStatus, 4000);
  }

  function hideStatus() {
    if (!connected) return;
    ui.connection.hidden = true;
    ui.connection.textContent = '';
  }

  // ---- remembering the conversation for this tab --------------------------------------------------------

  function readTranscript() {
    try {
      const saved = JSON.parse(session.get(STORE_TRANSCRIPT) || '[]');
      return Array.isArray(saved) ? saved : [];
    } catch {
      return [];
    }
  }

  function saveTranscript() {
    session.set(STORE_TRANSCRIPT, JSON.stringify(transcript));
  }

  function restoreTranscript() {
    transcript.forEach((turn) => {
      if (!turn || typeof turn.question !== 'string' || !turn.frame) return;
      addQuestion(turn.question);
      showAnswer(addAnswerView(), turn.frame, turn.question, turn);
    });
  }

  // ---- the composer -----------------------------------------------------------------------------------

  function resizeComposer() {
    ui.question.style.height = 'auto';
    ui.question.style.height = Math.min(ui.question.scrollHeight, 160) + 'px';
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask(ui.question.value);
  });
  ui.question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(ui.question.value);
    }
  });
  ui.question.addEventListener('input', resizeComposer);
  ui.language.addEventListener('click', () => {
    language = language === 'sv' ? 'en' : 'sv';
    local.set(STORE_LANGUAGE, language);
    applyLanguage();
  });
  ui.newQuestion.addEventListener('click', newConversation);
  window.addEventListener('online', connectNow);

  if (embedded) {
    // inside the widget's frame: the full page may not be framed, so the brand links nowhere
    document.body.classList.add('embedded');
    document.querySelector('.brand').removeAttribute('href');
  }
  applyLanguage();
  restoreTranscript();
  updateWelcome();
  connect();
})();
