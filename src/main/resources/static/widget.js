/*
 * Fråga facket – chat bubble for any organisation's page:
 *
 *   <script src="https://fragafacket.example.se/widget.js" defer></script>
 *
 * Optional attributes on the tag: data-lang="en" (the chat opens in English), data-position="left".
 * The bubble opens the service's own chat page (/embed) in a frame, so the chat runs on the service's
 * origin with the same WebSocket and rules as the full page. The service only lets itself be framed by
 * sites listed in fraga.chat.allowed-origins; elsewhere the frame shows a plain message saying so. Nothing here writes HTML: elements are built one by one and
 * styled through the DOM, which a host page's Content-Security-Policy allows.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  if (!script || document.getElementById('fraga-facket-widget')) return;

  const origin = new URL(script.src, window.location.href).origin;
  const lang = script.dataset.lang === 'en' ? 'en' : 'sv';
  const onLeft = script.dataset.position === 'left';
  const words = lang === 'en'
    ? { open: 'Ask the union', title: 'Fråga facket – chat', close: 'Close the chat' }
    : { open: 'Fråga facket', title: 'Fråga facket – chatt', close: 'Stäng chatten' };
  const RED = '#c8102e';
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

  function style(node, rules) {
    Object.assign(node.style, rules);
    return node;
  }

  function icon(pathData, size) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('width', size);
    svg.setAttribute('height', size);
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', pathData);
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
    return svg;
  }

  const root = style(document.createElement('div'), {
    position: 'fixed', zIndex: '2147483000', bottom: '0', [onLeft ? 'left' : 'right']: '0', fontFamily: FONT,
  });
  root.id = 'fraga-facket-widget';

  const bubble = style(document.createElement('button'), {
    position: 'fixed', bottom: '20px', [onLeft ? 'left' : 'right']: '20px',
    display: 'inline-flex', alignItems: 'center', gap: '8px',
    minHeight: '52px', padding: '0 20px 0 16px', border: '2px solid #fff', borderRadius: '999px',
    background: RED, color: '#fff', font: '600 16px/1 ' + FONT, cursor: 'pointer',
    boxShadow: '0 6px 20px rgba(0,0,0,0.25)',
  });
  bubble.type = 'button';
  bubble.setAttribute('aria-expanded', 'false');
  bubble.setAttribute('aria-controls', 'fraga-facket-panel');
  bubble.append(icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z', 22),
    document.createTextNode(words.open));

  const panel = style(document.createElement('div'), {
    position: 'fixed', display: 'none', flexDirection: 'column', overflow: 'hidden',
    background: '#fff', boxShadow: '0 12px 40px rgba(0,0,0,0.3)',
  });
  panel.id = 'fraga-facket-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', words.title);

  const bar = style(document.createElement('div'), {
    display: 'flex', alignItems: 'center', justifyContent: 'flex-end', flex: 'none',
    padding: '2px 4px', background: '#fff', borderBottom: '1px solid #e5e0da',
  });
  const close = style(document.createElement('button'), {
    display: 'inline-flex', alignItems: 'center', gap: '6px', minHeight: '36px', padding: '0 12px',
    border: '0', borderRadius: '999px', background: 'transparent', color: '#a50d24',
    font: '600 14px/1 ' + FONT, cursor: 'pointer',
  });
  close.type = 'button';
  close.append(icon('M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z', 18),
    document.createTextNode(words.close));
  bar.append(close);
  panel.append(bar);

  let frame = null;
  const phone = window.matchMedia('(max-width: 480px)');
  // the chat in the frame follows the system's dark mode; so does the frame's bar
  const dark = window.matchMedia('(prefers-color-scheme: dark)');

  function colours() {
    style(panel, { background: dark.matches ? '#161514' : '#fff' });
    style(bar, { background: dark.matches ? '#21201e' : '#fff', borderBottomColor: dark.matches ? '#45413c' : '#e5e0da' });
    style(close, { color: dark.matches ? '#ff8a98' : '#a50d24' });
  }
  colours();
  dark.addEventListener('change', colours);

  function layout() {
    const rules = phone.matches
      ? { top: '0', bottom: '0', left: '0', right: '0', width: '100%', height: '100%', borderRadius: '0' }
      : {
        top: 'auto', bottom: '88px', left: onLeft ? '20px' : 'auto', right: onLeft ? 'auto' : '20px',
        width: '400px', height: 'min(680px, calc(100vh - 110px))', borderRadius: '16px',
      };
    style(panel, rules);
  }

  function open() {
    if (!frame) {
      frame = style(document.createElement('iframe'), { flex: '1', width: '100%', border: '0' });
      frame.title = words.title;
      // the service shows a plain message instead of the chat where this site is not allowed to show it
      frame.src = origin + '/embed?lang=' + lang + '&origin=' + encodeURIComponent(window.location.origin);
      panel.append(frame);
    }
    layout();
    panel.style.display = 'flex';
    bubble.setAttribute('aria-expanded', 'true');
    if (phone.matches) bubble.style.display = 'none';
    close.focus();
  }

  function hide() {
    panel.style.display = 'none';
    bubble.style.display = 'inline-flex';
    bubble.setAttribute('aria-expanded', 'false');
    bubble.focus();
  }

  bubble.addEventListener('click', () => (panel.style.display === 'flex' ? hide() : open()));
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  phone.addEventListener('change', () => {
    if (panel.style.display === 'flex') open();
  });

  root.append(panel, bubble);
  const mount = () => document.body.append(root);
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
