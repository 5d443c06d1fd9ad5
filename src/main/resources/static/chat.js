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
  const STORE_RECENT = 'fraga.recent';
  const KEEP_TURNS = 30;
  /** Earlier conversations this browser keeps reachable after "Ny fråga". */
  const KEEP_RECENT = 5;

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
      newStarted: 'Ny fråga. Det förra samtalet finns kvar under Dina senaste samtal.',
      restored: 'Tidigare i samtalet',
      copy: 'Kopiera',
      copyLabel: 'Kopiera svaret',
      copied: 'Kopierat',
      wholeDocument: 'Läs hela dokumentet',
      quoted: 'Citerat i svaret',
      recentTitle: 'Dina senaste samtal',
      recentNote: 'Sparas bara i den här webbläsaren.',
      recentForget: 'Glöm samtalen',
      recentOpened: 'Samtalet är öppnat igen.',
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
      newStarted: 'New question. The earlier conversation is kept under Your recent conversations.',
      restored: 'Earlier in this conversation',
      copy: 'Copy',
      copyLabel: 'Copy the answer',
      copied: 'Copied',
      wholeDocument: 'Read the whole document',
      quoted: 'Quoted in the answer',
      recentTitle: 'Your recent conversations',
      recentNote: 'Kept in this browser only.',
      recentForget: 'Forget them',
      recentOpened: 'The conversation is open again.',
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
    recent: byId('recent'),
    recentList: byId('recent-list'),
    recentForget: byId('recent-forget'),
    composer: byId('ask'),
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
  const COPY_ICON = 'M9 9h11v11H9zM5 15H4V4h11v1';
  const THUMB_DOWN = 'M10 15v4a3 3 0 0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 2.31 0 0 1 22 4v7a2.31 2.31 0 0 1-2.33 2H17';

  /**
   * Phone numbers (Swedish ones start with 0 or +, Norwegian ones are eight digits in pairs or 3-2-3) and
   * e-mail addresses. Dates (2024-05-01) and amounts (1 500 000) are not numbers to call.
   */
  const CONTACT = new RegExp(
    '([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})'
    + '|(?<!\\d[ -]?)((?:\\+\\d{1,3}[ -]?(?:\\(0\\))?\\d{1,4}|0\\d{1,3})(?:[ -]?\\d{2,4}){1,4}(?!\\d)'
    + '|\\d{2} \\d{2} \\d{2} \\d{2}(?![\\d])|\\d{3} \\d{2} \\d{3}(?![\\d]))', 'g');

  /** Puts text into a node as text, with phone numbers and e-mail addresses made links. */
  function renderText(node, text) {
    node.replaceChildren();
    const value = String(text);
    let at = 0;
    for (const match of value.matchAll(CONTACT)) {
      const before = match.index === 0 ? '' : value[match.index - 1];
      if (/[\w@.+]/.test(before)) continue;
      const found = match[0].replace(/[ -]+$/, '');
      const digits = found.replace(/[^\d]/g, '');
      if (match[2] && (digits.length < 7 || digits.length > 15)) continue;
      node.append(document.createTextNode(value.slice(at, match.index)));
      const link = el('a', match[1] ? 'email' : 'phone', found);
      link.href = match[1] ? 'mailto:' + found
        : (found === HELP_LINE ? HELP_LINE_TEL : 'tel:' + found.replace(/\(0\)/, '').replace(/[^\d+]/g, ''));
      node.append(link);
      at = match.index + found.length;
    }
    node.append(document.createTextNode(value.slice(at)));
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
      sources.forEach((source) => list.append(sourceView(source, frame.answer)));
      box.append(list);
      view.card.append(box);
    }
    const actions = el('div', 'answer-actions');
    actions.append(copyButton(frame), feedbackView(frame, turn));
    view.card.append(actions);
    if (!restoring) {
      ui.announcer.textContent = '';
      // a fresh node so screen readers announce the whole answer once, not every token
      window.setTimeout(() => { ui.announcer.textContent = t('answerAnnounced') + frame.answer; }, 50);
      transcript.push(turn);
      transcript = transcript.slice(-KEEP_TURNS);
      saveTranscript();
    }
  }

  /**
   * A source that opens to its passage: the heading it stands under, the passage with the sentences the
   * answer quoted marked, and a link to the whole document opened at the quote.
   */
  function sourceView(source, answer) {
    const details = el('details', 'source');
    const summary = el('summary', 'source-title', source.title || source.documentId);
    const snippet = String(source.snippet || '');
    const cut = snippet.indexOf('\n');
    const heading = cut > 0 ? snippet.slice(0, cut).trim() : '';
    const passage = cut > 0 ? snippet.slice(cut + 1) : snippet;
    details.append(summary);
    if (heading) details.append(el('p', 'source-heading', heading));
    const quote = el('blockquote', 'source-snippet');
    const quoted = markQuoted(quote, passage, String(answer || ''));
    details.append(quote);
    const documentLine = el('p', 'source-document');
    const link = el('a', 'source-link');
    link.append(dynamicText('span', null, 'wholeDocument'));
    let href = '/dokument/' + encodeURIComponent(source.documentId);
    const query = new URLSearchParams();
    if (quoted) query.set('citat', quoted);
    if (language === 'en') query.set('lang', 'en');
    if (String(query)) href += '?' + query;
    link.href = href + (quoted ? '#citat' : '');
    if (embedded) {
      link.target = '_blank';
      link.rel = 'noopener';
    }
    documentLine.append(link);
    details.append(documentLine);
    const item = el('li');
    item.append(details);
    return item;
  }

  /**
   * Writes the passage into the node with each sentence or line of the answer that stands in it marked;
   * returns the longest one marked (the quote the document page opens at), or ''.
   */
  function markQuoted(node, passage, answer) {
    const pieces = answer.split(/\n+|(?<=[.!?…])\s+/)
      .map((piece) => piece.replace(/^[•\-–*]\s*/, '').trim())
      .filter((piece) => piece.length >= 12);
    const ranges = [];
    pieces.forEach((piece) => {
      let at = passage.indexOf(piece);
      if (at < 0 && piece.indexOf(': ') >= 0) {
        // an answer may name where it quotes from ("Enligt ”Om oss”: …", "From “…” (in Swedish): …")
        piece = piece.slice(piece.indexOf(': ') + 2).trim();
        at = piece.length >= 12 ? passage.indexOf(piece) : -1;
      }
      if (at >= 0) ranges.push([at, at + piece.length]);
    });
    ranges.sort((a, b) => a[0] - b[0]);
    let at = 0;
    let longest = '';
    ranges.forEach(([from, to]) => {
      if (from < at) return;
      node.append(document.createTextNode(passage.slice(at, from)));
      const mark = el('mark', 'source-quoted', passage.slice(from, to));
      mark.dataset.i18nLabel = 'quoted';
      mark.setAttribute('aria-label', t('quoted'));
      node.append(mark);
      if (to - from > longest.length) longest = passage.slice(from, to);
      at = to;
    });
    node.append(document.createTextNode(passage.slice(at)));
    return longest;
  }

  function copyButton(frame) {
    const button = el('button', 'button button-feedback button-copy');
    button.type = 'button';
    button.setAttribute('aria-label', t('copyLabel'));
    button.dataset.i18nLabel = 'copyLabel';
    const label = dynamicText('span', null, 'copy');
    button.append(svg(COPY_ICON, 'thumb'), label);
    button.addEventListener('click', async () => {
      const text = String(frame.answer);
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        // older browsers and refused permissions: copy through a selected, off-screen field
        const field = el('textarea', 'visually-hidden');
        field.value = text;
        document.body.append(field);
        field.select();
        document.execCommand('copy');
        field.remove();
      }
      label.dataset.i18nDynamic = 'copied';
      label.textContent = t('copied');
      window.setTimeout(() => {
        label.dataset.i18nDynamic = 'copy';
        label.textContent = t('copy');
      }, 2500);
    });
    return button;
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
        // clear of the composer at the bottom of the screen (scroll-padding-bottom on the page)
        comment.focus({ preventScroll: true });
        form.scrollIntoView({ block: 'nearest' });
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
    const had = transcript.length > 0;
    startOver(null, []);
    if (had) ui.announcer.textContent = t('newStarted');
    window.scrollTo({ top: 0 });
    ui.question.focus();
  }

  /** Shows another conversation (or a new, empty one); the one shown so far stays in the recent list. */
  function startOver(id, turns) {
    conversationId = id;
    if (id) session.set(STORE_CONVERSATION, id); else session.remove(STORE_CONVERSATION);
    transcript = turns;
    saveTranscript();
    pending = null;
    setBusy(false);
    ui.log.replaceChildren();
    restoreTranscript();
    updateWelcome();
    renderRecent();
  }

  // ---- this browser's recent conversations ----------------------------------------------------------

  function readRecent() {
    try {
      const saved = JSON.parse(local.get(STORE_RECENT) || '[]');
      return Array.isArray(saved) ? saved.filter((c) => c && typeof c.id === 'string' && Array.isArray(c.turns)) : [];
    } catch {
      return [];
    }
  }

  /** Keeps the conversation shown in the recent list, newest first. */
  function rememberConversation() {
    if (!conversationId || transcript.length === 0) return;
    const others = readRecent().filter((c) => c.id !== conversationId);
    const entry = { id: conversationId, at: Date.now(), turns: transcript };
    local.set(STORE_RECENT, JSON.stringify([entry, ...others].slice(0, KEEP_RECENT)));
  }

  function renderRecent() {
    const earlier = readRecent().filter((c) => c.id !== conversationId);
    ui.recent.hidden = earlier.length === 0;
    ui.recentList.replaceChildren(...earlier.map((c) => {
      const item = el('li');
      const button = el('button', 'recent-open');
      button.type = 'button';
      button.append(el('span', 'recent-question', c.turns[0].question),
        el('span', 'recent-when', new Date(c.at).toLocaleString(language === 'en' ? 'en-GB' : 'sv-SE',
          { dateStyle: 'medium', timeStyle: 'short' })));
      button.addEventListener('click', () => {
        rememberConversation();
        startOver(c.id, c.turns);
        ui.announcer.textContent = t('recentOpened');
        ui.question.focus();
      });
      item.append(button);
      return item;
    }));
  }

  function forgetRecent() {
    local.remove(STORE_RECENT);
    rememberConversation();
    renderRecent();
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
    rememberConversation();
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
    composerSpace();
  }

  /** What the composer covers at the bottom, so that scrolling to a field keeps it in view. */
  function composerSpace() {
    document.documentElement.style.setProperty('--composer-space', (ui.composer.offsetHeight + 16) + 'px');
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
    renderRecent();
  });
  ui.newQuestion.addEventListener('click', newConversation);
  ui.recentForget.addEventListener('click', forgetRecent);
  window.addEventListener('resize', composerSpace);
  window.addEventListener('online', connectNow);

  if (embedded) {
    // inside the widget's frame: the full page may not be framed, so the brand links nowhere
    document.body.classList.add('embedded');
    document.querySelector('.brand').removeAttribute('href');
  }
  applyLanguage();
  restoreTranscript();
  updateWelcome();
  renderRecent();
  composerSpace();
  connect();
})();
