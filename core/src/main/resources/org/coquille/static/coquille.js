/* Coquille: submits the widgets' forms without reloading the page and swaps in the re-rendered widgets.
   Without this script every form still works (post, then redirect back). No globals, no framework. */
(function () {
  'use strict';
  if (!window.fetch || !window.URLSearchParams || !window.FormData || !document.querySelector) {
    return; // an old browser: the plain forms work as they are
  }
  var ROOT = '.coq-widgets';

  function closest(el, selector) {
    while (el && el.nodeType === 1) {
      if (el.matches && el.matches(selector)) { return el; }
      el = el.parentNode;
    }
    return null;
  }

  function focusKey(el) {
    if (!el) { return null; }
    if (el.id) { return '#' + el.id; }
    if (el.name && el.value) {
      var form = closest(el, 'form');
      return form ? [form.getAttribute('action'), el.name, el.value] : null;
    }
    return null;
  }

  function refocus(root, key) {
    if (!key) { return; }
    var target = null;
    if (typeof key === 'string') {
      target = root.querySelector(key);
    } else {
      var forms = root.querySelectorAll('form');
      for (var i = 0; i < forms.length && !target; i++) {
        if (forms[i].getAttribute('action') !== key[0]) { continue; }
        var fields = forms[i].querySelectorAll('[name]');
        for (var j = 0; j < fields.length; j++) {
          var v = fields[j].value || '';
          if (fields[j].name === key[1] && (v === key[2] || v.replace(/^(on|off):/, '') === key[2].replace(/^(on|off):/, ''))) {
            target = fields[j];
            break;
          }
        }
      }
    }
    if (target && target.focus) { target.focus(); }
  }

  function submit(event) {
    var form = event.target;
    var root = closest(form, ROOT);
    // defaultPrevented: another copy of this script (a second portlet on the page) took the submit already
    if (!root || event.defaultPrevented || form.getAttribute('method') !== 'post') { return; }
    event.preventDefault();
    var submitter = event.submitter || document.activeElement;
    var data;
    try {
      data = new FormData(form, submitter && submitter.form === form ? submitter : undefined);
    } catch (e) {
      data = new FormData(form);
      if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    }
    var body = new URLSearchParams();
    data.forEach(function (value, name) { body.append(name, value); });
    var key = focusKey(submitter && submitter.form === form ? submitter : form.querySelector('textarea, button'));
    var field = form.querySelector('textarea[id], input[type=text][id]');
    root.setAttribute('aria-busy', 'true');
    fetch(form.getAttribute('data-coq-fragment') || form.getAttribute('action'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'X-Coquille-Fragment': '1', 'Accept': 'text/html' }
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('text/html') !== 0) { throw new Error('unexpected answer ' + response.status); }
      return response.text();
    }).then(function (html) {
      var holder = document.createElement('div');
      holder.innerHTML = html;
      var fresh = holder.querySelector(ROOT);
      if (!fresh) { throw new Error('no widgets in the answer'); }
      root.parentNode.replaceChild(fresh, root);
      var error = fresh.querySelector('.coq-error');
      if (error) {
        // the field the viewer was filling in, given back with their text, else the widget's open form
        var widget = closest(error, '.coq-widget');
        var input = (field && fresh.querySelector('#' + cssEscape(field.id)))
          || (widget && widget.querySelector('details[open] textarea, .coq-new-comment textarea'));
        if (input) { input.focus(); return; }
      }
      refocus(fresh, key);
    }).catch(function () {
      root.removeAttribute('aria-busy');
      form.submit(); // the plain way still works
    });
  }

  function cssEscape(id) {
    return window.CSS && CSS.escape ? CSS.escape(id) : id.replace(/([^\w-])/g, '\\$1');
  }

  // Links that change what the widgets show (another page of ideas or comments, another order, an idea's comments):
  // the page is fetched, its widgets swapped in and the address updated; without the script they are plain links.
  function follow(event) {
    var link = closest(event.target, 'a.coq-view');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey || !window.DOMParser || !window.history || !history.pushState) { return; }
    var root = closest(link, ROOT);
    if (!root || !root.id || link.origin !== location.origin) { return; }
    event.preventDefault();
    var url = link.href;
    root.setAttribute('aria-busy', 'true');
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (!response.ok || type.indexOf('text/html') !== 0) { throw new Error('unexpected answer ' + response.status); }
      return response.text();
    }).then(function (html) {
      var found = new DOMParser().parseFromString(html, 'text/html').getElementById(root.id);
      if (!found) { throw new Error('no widgets in the answer'); }
      var fresh = document.importNode(found, true);
      root.parentNode.replaceChild(fresh, root);
      if (!history.state || !history.state.coq) { history.replaceState({ coq: true }, '', location.href); }
      history.pushState({ coq: true }, '', url);
      var target = link.hash && fresh.querySelector('#' + cssEscape(decodeURIComponent(link.hash.substring(1))));
      target = target || fresh;
      if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus();
    }).catch(function () {
      location.href = url; // the plain way still works
    });
  }

  // back and forward over views the script showed: load the page of that address
  window.addEventListener('popstate', function (event) {
    if (event.state && event.state.coq) { location.reload(); }
  }, false);

  document.addEventListener('submit', submit, false);
  document.addEventListener('click', follow, false);
})();
