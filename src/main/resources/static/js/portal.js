// Expands organization tree nodes in place (the links work without it).
(function () {
  'use strict';

  async function load(url) {
    const response = await fetch(url, { headers: { 'X-Requested-With': 'fetch' }, credentials: 'same-origin' });
    if (!response.ok || response.redirected) {
      window.location.reload();
      return null;
    }
    return response.text();
  }

  document.addEventListener('click', async function (event) {
    const toggle = event.target.closest('.tree-toggle');
    if (toggle) {
      const node = toggle.closest('li');
      let children = node.querySelector(':scope > .org-children');
      if (children) {
        children.hidden = !children.hidden;
        toggle.setAttribute('aria-expanded', String(!children.hidden));
        toggle.textContent = children.hidden ? '+' : '−';
        return;
      }
      toggle.disabled = true;
      const html = await load(toggle.dataset.url);
      toggle.disabled = false;
      if (html === null) {
        return;
      }
      children = document.createElement('div');
      children.className = 'org-children';
      children.innerHTML = html;
      node.appendChild(children);
      toggle.setAttribute('aria-expanded', 'true');
      toggle.textContent = '−';
      return;
    }
    const more = event.target.closest('.tree-more');
    if (more) {
      event.preventDefault();
      const html = await load(more.href);
      if (html !== null) {
        more.closest('.tree-more-wrap').outerHTML = html;
      }
    }
  });
})();
