// Fråga facket, staff page. Everything shown is set as text (never as HTML): document text is not trusted.
'use strict';

(() => {
  const csrfHeader = document.querySelector('meta[name="csrf-header"]').content;
  const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  const maxUploadMb = Number(document.querySelector('meta[name="max-upload-mb"]').content);
  const api = '/admin/api';
  const $ = (id) => document.getElementById(id);
  const languages = { sv: 'svenska', no: 'norska', en: 'engelska' };
  const reasons = { replaced: 'ersattes', deleted: 'togs bort' };
  const channels = { web: 'webbchatten', api: 'API', telegram: 'Telegram' };
  const actions = {
    upload: 'laddade upp', replace: 'ersatte', delete: 'tog bort', restore: 'återställde',
    'regression-save': 'ändrade regressionsfrågorna', 'regression-run': 'körde regressionsfrågorna',
    describe: 'ändrade uppgifterna om',
    'synonyms-save': 'ändrade synonymerna',
  };
  const metadataFields = ['title', 'organisation', 'district', 'region', 'date'];
  let documents = [];
  let replaceTarget = null;
  let polling = null;

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'className') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
      }
    }
    return node;
  }

  function fill(tbody, rows, columns, emptyText) {
    tbody.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: columns, className: 'empty' }, emptyText))]));
  }

  function when(instant, seconds) {
    return instant ? new Date(instant).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: seconds ? 'medium' : 'short' }) : '';
  }

  function status(text, kind) {
    const node = $('status');
    const close = el('button', {
      type: 'button', className: 'close', title: 'Stäng meddelandet', 'aria-label': 'Stäng meddelandet',
      onclick: () => { node.replaceChildren(); node.className = 'status'; },
    }, '×');
    node.replaceChildren(el('span', {}, text), close);
    node.className = 'status ' + (kind || 'ok');
  }

  /** Calls the staff API; throws an Error with the server's plain-words message. */
  async function call(method, path, body) {
    const headers = { [csrfHeader]: csrfToken, Accept: 'application/json, text/plain;q=0.9' };
    let payload = body;
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (typeof body === 'string') {
      headers['Content-Type'] = 'text/plain;charset=UTF-8';
    }
    const response = await fetch(api + path, { method, headers, body: payload, credentials: 'same-origin' });
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      if (response.status === 401) throw new Error('Du är utloggad. Ladda om sidan och logga in igen.');
      throw new Error((data && data.error) || ('Något gick fel (' + response.status + ').'));
    }
    return data;
  }

  async function guarded(work) {
    try {
      await work();
    } catch (error) {
      status(error.message, 'error');
    }
  }

  // ---- documents ----

  async function loadDocuments() {
    documents = await call('GET', '/documents');
    const rows = documents.map((d) => el('tr', { 'data-document': d.documentId },
      el('td', {}, d.displayTitle || d.title,
        el('span', { className: 'speaks' }, [d.organisation, d.region, d.date].filter(Boolean).join(' · ')
          + (d.overridden && d.overridden.length ? ' (ändrat av personal)' : ''))),
      el('td', {}, d.fileName),
      el('td', {}, languages[d.language] || d.language),
      el('td', { className: 'number' }, d.chunks),
      el('td', { className: 'when' }, when(d.updatedAt)),
      el('td', { className: 'actions' },
        el('button', { type: 'button', onclick: () => guarded(() => showDocument(d.documentId)) }, 'Visa avsnitt'),
        el('button', { type: 'button', className: 'edit-metadata', onclick: () => guarded(() => showDocument(d.documentId, true)) },
          'Ändra uppgifter'),
        el('button', { type: 'button', onclick: () => chooseReplacement(d) }, 'Ersätt'),
        el('button', { type: 'button', className: 'danger', onclick: () => guarded(() => remove(d)) }, 'Ta bort'))));
    fill($('documents').tBodies[0], rows, 6, 'Inga dokument ännu. Ladda upp det första ovan.');
    const source = $('add-source');
    const chosen = source.value;
    source.replaceChildren(el('option', { value: '' }, 'vilket dokument som helst'),
      ...documents.map((d) => el('option', { value: d.documentId }, d.title + ' (' + d.fileName + ')')));
    source.value = documents.some((d) => d.documentId === chosen) ? chosen : '';
  }

  async function loadVersions() {
    const versions = await call('GET', '/versions');
    const current = new Set(documents.map((d) => d.documentId));
    const rows = versions.map((v) => el('tr', {},
      el('td', {}, v.documentId, current.has(v.documentId) ? '' : el('span', { className: 'tag' }, 'borttaget')),
      el('td', {}, v.fileName),
      el('td', { className: 'when' }, when(v.keptAt, true)),
      el('td', {}, reasons[v.reason] || v.reason),
      el('td', { className: 'actions' },
        el('button', { type: 'button', onclick: () => guarded(() => restore(v)) }, 'Återställ'))));
    fill($('versions').tBodies[0], rows, 5, 'Inga sparade versioner.');
  }

  async function upload(file, replaces) {
    try {
      await send(file, replaces);
    } finally {
      // a refused upload is in the log too
      await loadAudit().catch(() => {});
    }
  }

  async function send(file, replaces) {
    if (!file) return;
    if (file.size > maxUploadMb * 1024 * 1024) {
      status('"' + file.name + '" är större än ' + maxUploadMb + ' MB och laddades inte upp.', 'error');
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    if (replaces) form.append('replaces', replaces);
    status('Laddar upp och läser "' + file.name + '" …', 'busy');
    const uploaded = await call('POST', '/documents', form);
    status((uploaded.replaced ? 'Ersatte ' : 'Lade till ') + '"' + uploaded.title + '" (' + uploaded.fileName + ', '
      + uploaded.chunks + ' avsnitt). Svaren använder det nu.' + (uploaded.replaced ? ' Den tidigare versionen är sparad.' : ''));
    await Promise.all([loadDocuments().then(loadVersions), loadInsightsSummary()]);
    await loadRegression();
  }

  function chooseReplacement(d) {
    replaceTarget = d.documentId;
    $('replace-input').click();
  }

  async function remove(d) {
    if (!window.confirm('Ta bort "' + d.title + '" (' + d.fileName + ')?\n\nDokumentet slutar användas i svaren direkt. '
      + 'Det sparas som version och kan återställas.')) {
      return;
    }
    await call('DELETE', '/documents/' + encodeURIComponent(d.documentId));
    status('Tog bort "' + d.title + '". Det sparas under Sparade versioner.');
    if ($('detail-title').dataset.document === d.documentId) $('document-detail').hidden = true;
    await afterChange();
  }

  async function restore(v) {
    const d = await call('POST', '/documents/' + encodeURIComponent(v.documentId) + '/versions/'
      + encodeURIComponent(v.versionId) + '/restore');
    status('Återställde "' + d.title + '" (' + d.fileName + ') från ' + when(v.keptAt) + '. Svaren använder det nu.');
    await afterChange();
  }

  async function showDocument(documentId, edit) {
    const d = await call('GET', '/documents/' + encodeURIComponent(documentId));
    $('detail-title').textContent = d.metadata.displayTitle || d.title;
    showMetadata(d.metadata);
    $('detail-title').dataset.document = d.documentId;
    $('detail-meta').textContent = d.fileName + ' · ' + (languages[d.language] || d.language) + ' · '
      + d.chunks.length + ' avsnitt · uppdaterad ' + when(d.updatedAt);
    $('detail-chunks').replaceChildren(...d.chunks.map((c) => el('li', {},
      el('span', { className: 'where' }, c.headingPath),
      el('span', { className: 'text' }, c.text))));
    $('document-detail').hidden = false;
    $('document-detail').scrollIntoView({ block: 'nearest' });
    if (edit) $('meta-title').focus();
  }

  /** The form shows what staff set as values, and what the content says as placeholders. */
  function showMetadata(m) {
    for (const field of metadataFields) {
      const input = $('meta-' + field);
      const own = m.fromContent[field];
      input.value = m.override[field] || '';
      input.placeholder = own ? own : '(står inte i dokumentet)';
      input.classList.toggle('set', Boolean(m.override[field]));
    }
    $('meta-display').textContent = m.displayTitle || '';
  }

  async function saveMetadata(clear) {
    const documentId = $('detail-title').dataset.document;
    const d = documents.find((doc) => doc.documentId === documentId);
    let m;
    try {
      if (clear) {
        m = await call('DELETE', '/documents/' + encodeURIComponent(documentId) + '/metadata');
      } else {
        const body = {};
        for (const field of metadataFields) body[field] = $('meta-' + field).value.trim();
        m = await call('PUT', '/documents/' + encodeURIComponent(documentId) + '/metadata', body);
      }
    } finally {
      await loadAudit().catch(() => {});
    }
    showMetadata(m);
    $('detail-title').textContent = m.displayTitle || m.title;
    status((clear ? 'Innehållets uppgifter gäller igen för ' : 'Sparade uppgifterna om ')
      + '"' + (d ? d.fileName : documentId) + '". Medlemmar ser titeln "' + m.displayTitle + '".');
    await loadDocuments();
    await loadRegression();
  }

  async function afterChange() {
    await Promise.all([loadDocuments().then(loadVersions), loadAudit()]);
    await loadRegression();
  }

  // ---- Provfråga ----

  async function trial(question) {
    status('Söker …', 'busy');
    const result = await call('POST', '/trial', { question });
    $('status').replaceChildren();
    $('status').className = 'status';
    $('trial-verdict').textContent = result.answered
      ? 'Besvarad från dokumenten.'
      : 'Inte besvarad: dokumenten räcker inte, och medlemmen hänvisas till en person.';
    $('trial-verdict').className = 'verdict ' + (result.answered ? 'yes' : 'no');
    $('trial-answer').textContent = result.answer;
    $('trial-sources').replaceChildren(...(result.sources.length
      ? result.sources.map((s) => el('li', {}, s.title + ' (' + s.documentId + ')'))
      : [el('li', { className: 'small' }, 'Inga källor.')]));
    const cited = result.sources.map((s) => s.snippet);
    $('trial-passages').replaceChildren(...(result.passages.length ? result.passages.map((p) => {
      const quoted = cited.some((snippet) => snippet.startsWith(p.headingPath + '\n' + p.text.slice(0, 60)));
      return el('li', { className: quoted ? 'cited' : '' },
        el('span', { className: 'where' },
          el('span', { className: 'score' }, 'poäng ' + p.score.toFixed(3)), ' · ' + p.documentId + ' · ' + p.headingPath,
          quoted ? el('span', { className: 'tag' }, 'används i svaret') : ''),
        el('span', { className: 'text' }, p.text));
    }) : [el('li', { className: 'small' }, 'Inga avsnitt hittades.')]));
    $('trial-reason').textContent = result.reason || '';
    $('trial-candidates').replaceChildren(...(result.candidates || []).map((c, i) => el('li', {},
      el('span', { className: 'where' }, (i === 0 ? 'vald' : 'tvåa') + ' · sannolikhet ' + c.probability.toFixed(2)
        + ' · ' + c.documentId + ' · ' + c.headingPath),
      el('span', { className: 'text' }, c.text),
      el('span', { className: 'small' }, Object.entries(c.features).filter(([, v]) => v !== 0)
        .map(([k, v]) => k + ' ' + v).join(' · ')))));
    const languages = { sv: 'svenska', no: 'norska', en: 'engelska' };
    const ideasByLanguage = Object.entries(result.ideas || {})
      .sort(([a], [b]) => Object.keys(languages).indexOf(a) - Object.keys(languages).indexOf(b));
    $('trial-ideas').replaceChildren(...ideasByLanguage.map(([language, ideas]) => el('li', {},
      (languages[language] || language) + ': ' + ideas.map((i) => (i.scope ? '*' : '') + i.alternatives.join('/')
        + ' (' + i.weight + ')').join(' · '))));
    $('trial-result').hidden = false;
    $('trial-keep').onclick = () => {
      $('add-question').value = question;
      $('add-answerable').checked = result.answered;
      $('add-source').value = result.sources.length ? result.sources[0].documentId : '';
      $('regression-edit').open = true;
      $('add-expect').focus();
      status('Skriv vilka ord svaret måste innehålla och tryck på Lägg till.', 'busy');
    };
  }

  // ---- regression questions ----

  async function loadRegression() {
    const state = await call('GET', '/regression');
    const last = state.last;
    const summary = $('regression-summary');
    if (state.running) {
      summary.textContent = 'Kör regressionsfrågorna …';
      summary.className = 'small';
    } else if (!state.questions) {
      summary.textContent = 'Inga regressionsfrågor ännu. Lägg till dem nedan, eller spara en provfråga som regressionsfråga.';
      summary.className = 'small';
    } else if (!last) {
      summary.textContent = 'Listan har inte körts ännu.';
      summary.className = 'small';
    } else if (last.error) {
      summary.textContent = 'Senaste körningen misslyckades: ' + last.error;
      summary.className = 'fail';
    } else {
      summary.textContent = last.passed + ' av ' + last.total + ' godkända'
        + (last.newlyFailing ? ', ' + last.newlyFailing + ' underkända som var godkända förra gången' : '')
        + ' (körd ' + when(last.finishedAt) + ' efter: ' + last.trigger + ').';
      summary.className = last.newlyFailing ? 'fail' : (last.passed === last.total ? 'pass' : '');
    }
    const rows = (last && state.questions ? last.outcomes : []).map((o) => el('tr', { className: o.newlyFailing ? 'newly-failing' : '' },
      el('td', { className: o.passed ? 'pass' : 'fail' },
        o.passed ? 'Godkänd' : (o.newlyFailing ? 'Underkänd (ny)' : 'Underkänd')),
      el('td', {}, o.question, el('span', { className: 'small' }, ' [' + o.id + ']')),
      el('td', {}, expectation(o)),
      el('td', {}, o.answered ? o.answer : 'Inte besvarad', o.cited.length ? el('span', { className: 'small' }, ' — ' + o.cited.join(', ')) : '')));
    fill($('regression-results').tBodies[0], rows, 4, 'Inga resultat ännu.');
    clearTimeout(polling);
    if (state.running) {
      polling = setTimeout(() => guarded(loadRegression), 800);
    }
  }

  function expectation(o) {
    if (!o.answerable) return 'ska hänvisas till en person';
    const parts = [];
    if (o.expectAll.length) parts.push(o.expectAll.length > 1 ? 'alla av: ' + o.expectAll.join(', ') : o.expectAll[0]);
    if (o.expectAny.length) parts.push(o.expectAny.length > 1 ? 'något av: ' + o.expectAny.join(', ') : o.expectAny[0]);
    if (o.sources.length) parts.push('från ' + o.sources.join(' eller '));
    return parts.length ? parts.join('; ') : 'ett svar';
  }

  async function loadRegressionText() {
    $('regression-text').value = await call('GET', '/regression/questions');
  }

  async function addRegressionQuestion() {
    const phrases = $('add-expect').value.split(',').map((p) => p.trim()).filter((p) => p);
    const question = {
      id: 'q' + Date.now().toString(36),
      lang: 'sv',
      question: $('add-question').value.trim(),
      answerable: $('add-answerable').checked,
    };
    if (question.answerable) {
      question.expect_all = phrases;
      if ($('add-source').value) question.source = $('add-source').value;
    }
    await call('POST', '/regression/questions', question);
    $('regression-add').reset();
    status('Frågan är tillagd och listan körs.');
    await Promise.all([loadRegressionText(), loadAudit()]);
    await loadRegression();
  }

  async function saveRegressionText() {
    const saved = await call('PUT', '/regression/questions', $('regression-text').value);
    status('Listan sparades (' + saved.questions + ' frågor) och körs.');
    await loadAudit();
    await loadRegression();
  }

  // ---- synonyms ----

  async function loadSynonyms() {
    $('synonyms-text').value = await call('GET', '/synonyms');
  }

  async function saveSynonyms() {
    const saved = await call('PUT', '/synonyms', $('synonyms-text').value);
    status('Synonymerna sparades (' + saved.rules + ' ordpar) och gäller från nästa fråga.');
    await loadAudit();
  }

  // ---- insights and audit ----

  /** Greetings and small talk are not questions to answer; a group the answerer flagged so is not listed. */
  const toReview = (g) => !g.greeting && !g.smallTalk;

  const percent = (part, whole) => (whole ? Math.round((100 * part) / whole) + ' %' : '–');

  async function loadInsightsSummary() {
    const summary = await call('GET', '/insights/summary');
    const t = summary.totals;
    $('total-questions').textContent = t.questions;
    $('total-answered').textContent = percent(t.answered, t.questions);
    $('total-unanswered').textContent = t.questions - t.answered;
    fill($('per-channel').tBodies[0], t.channels.map((c) => el('tr', {},
      el('td', {}, channels[c.channel] || c.channel),
      el('td', { className: 'number' }, c.questions),
      el('td', { className: 'number' }, c.answered + ' (' + percent(c.answered, c.questions) + ')'))), 3, 'Inga frågor ännu.');
    fill($('per-day').tBodies[0], t.days.slice(-14).reverse().map((d) => el('tr', {},
      el('td', { className: 'when' }, d.day),
      el('td', { className: 'number' }, d.questions),
      el('td', { className: 'number' }, d.answered + ' (' + percent(d.answered, d.questions) + ')'))), 3, 'Inga frågor ännu.');
    const frequent = summary.frequentUnanswered.filter(toReview);
    $('frequent').replaceChildren(...(frequent.length ? frequent.map((g) => el('li', {},
      el('span', { className: 'question' }, g.question),
      el('span', { className: 'small' }, ' — ' + g.unanswered + (g.unanswered === 1 ? ' gång' : ' gånger')
        + ', senast ' + when(g.lastAt)))) : [el('li', { className: 'small empty' }, 'Inga obesvarade frågor ännu.')]));
  }

  async function loadInsights() {
    const groups = (await call('GET', '/insights')).filter(toReview);
    const rows = groups.map((g) => el('tr', {},
      el('td', {}, g.question || 'Okänd fråga (svaret gavs före en omstart)',
        g.channels.length ? el('span', { className: 'small' }, ' — ' + g.channels.map((c) => channels[c] || c).join(', ')) : ''),
      el('td', { className: 'number' }, g.unanswered),
      el('td', { className: 'number' }, g.unhelpful),
      el('td', { className: 'when' }, when(g.lastAt)),
      el('td', {},
        g.comments.map((c) => el('p', { className: 'comment' }, '”' + c.text + '” ', el('span', { className: 'small' }, when(c.at)))),
        g.answer ? el('p', { className: 'small' }, 'Svaret var: ' + g.answer) : '')));
    fill($('insights').tBodies[0], rows, 5, 'Inget att visa ännu.');
  }

  async function loadAudit() {
    const entries = await call('GET', '/audit');
    const rows = entries.map((e) => el('tr', {},
      el('td', { className: 'when' }, when(e.at, true)),
      el('td', {}, e.user),
      el('td', {}, actions[e.action] || e.action),
      el('td', {}, e.fileName || ''),
      el('td', { className: e.outcome === 'ok' ? '' : 'fail' }, e.outcome === 'ok' ? 'klart' : 'nekad: ' + e.detail)));
    fill($('audit').tBodies[0], rows, 5, 'Inget i loggen ännu.');
  }

  // ---- wiring ----

  $('file-input').addEventListener('change', (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    guarded(() => upload(file));
  });
  $('replace-input').addEventListener('change', (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    const target = replaceTarget;
    replaceTarget = null;
    if (!file || !target) return;
    const d = documents.find((doc) => doc.documentId === target);
    const name = d ? '"' + d.title + '" (' + d.fileName + ')' : '"' + target + '"';
    if (!window.confirm('Ersätta ' + name + ' med "' + file.name + '"?\n\nSvaren använder den nya filen direkt. '
      + 'Den gamla versionen sparas och kan återställas.')) {
      status('Ingenting ersattes: ' + name + ' gäller som förut.', 'busy');
      return;
    }
    guarded(() => upload(file, target));
  });
  const dropzone = $('dropzone');
  dropzone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropzone.classList.add('over');
  });
  dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropzone.classList.remove('over');
    const files = event.dataTransfer.files;
    if (files.length > 1) status('Dra en fil i taget.', 'error');
    else guarded(() => upload(files[0]));
  });
  $('detail-close').addEventListener('click', () => { $('document-detail').hidden = true; });
  $('metadata-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(() => saveMetadata(false));
  });
  $('meta-clear').addEventListener('click', () => guarded(() => saveMetadata(true)));
  $('trial-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(() => trial($('trial-question').value));
  });
  $('regression-run').addEventListener('click', () => guarded(async () => {
    await call('POST', '/regression/run');
    await Promise.all([loadRegression(), loadAudit()]);
  }));
  $('regression-add').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(addRegressionQuestion);
  });
  $('regression-save').addEventListener('click', () => guarded(saveRegressionText));
  $('synonyms-save').addEventListener('click', () => guarded(saveSynonyms));
  $('regression-file').addEventListener('change', (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) {
      file.text().then((text) => {
        $('regression-text').value = text;
        status('Filen är inläst. Granska listan och tryck på Spara listan.', 'busy');
      });
    }
  });

  guarded(async () => {
    await loadDocuments();
    await Promise.all([loadVersions(), loadRegression(), loadRegressionText(), loadSynonyms(), loadInsights(),
      loadInsightsSummary(), loadAudit()]);
  });
})();
