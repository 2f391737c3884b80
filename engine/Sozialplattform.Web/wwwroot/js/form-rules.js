// Runs the form's rules in the browser while the citizen types: visibility, computed values and required
// markers, in the same order and with the same rule functions as the server (Evaluator.cs, RuleArguments.cs,
// AnswerTree.cs). Progressive enhancement only: the server evaluates everything again and its verdict counts.
// The rules run in a worker (this same file), never on the page's thread: a rule that loops cannot freeze the tab.
// An evaluation that takes longer than the budget ends the worker and hands over to the server round trip (the
// "Angaben aktualisieren" button of the no-JavaScript path appears).
(function () {
  'use strict';
  var budgetMs = 3000;
  if (typeof document === 'undefined') { serveAsWorker(); return; }
  var form = document.querySelector('form[data-rules-src]');
  var source = document.currentScript && document.currentScript.src;
  if (!form || !source || typeof Worker === 'undefined') return;

  var worker, elements, base, timer = null, pending = false, again = false, stopped = false;
  try { worker = new Worker(source); } catch (e) { return; }
  worker.onmessage = received;
  worker.onerror = fallBack;
  worker.postMessage({ load: new URL(form.getAttribute('data-rules-src'), location.href).href, form: form.getAttribute('data-form'), today: form.getAttribute('data-today') });

  function received(event) {
    var message = event.data;
    if (message.failed) { fallBack(); return; }
    if (message.ready) {
      elements = message.elements;
      base = JSON.parse(form.getAttribute('data-answers') || '{}');
      form.addEventListener('input', request);
      form.addEventListener('change', request);
      request();
      return;
    }
    clearTimeout(timer);
    pending = false;
    apply(message.states);
    if (again) { again = false; request(); }
  }

  function request() {
    if (stopped) return;
    if (pending) { again = true; return; }
    pending = true;
    worker.postMessage({ answers: readAnswers(base, elements) });
    timer = setTimeout(fallBack, budgetMs);
  }

  function fallBack() {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    worker.terminate();
    form.setAttribute('data-rules-stopped', '');
    form.querySelectorAll('[data-no-js-only]').forEach(function (element) { element.removeAttribute('data-no-js-only'); });
  }

  // ---- the worker: loads the form's rule script and answers each request with the states by path ----

  function serveAsWorker() {
    var runtime = null;
    self.onmessage = function (event) {
      var message = event.data;
      if (message.load) {
        self.window = self;
        importScripts(message.load);
        var entry = self.SozialRules && self.SozialRules[message.form];
        if (!entry) { postMessage({ failed: true }); return; }
        self.SozialRules.setToday(message.today);
        runtime = createRuntime(entry.model, entry.functions);
        postMessage({ ready: true, elements: entry.model.elements });
        return;
      }
      var byPath = runtime.evaluate(message.answers), states = {};
      Object.keys(byPath).forEach(function (path) {
        var inst = byPath[path];
        states[path] = { kind: inst.kind, visible: inst.visible, required: !!inst.required, type: inst.el ? inst.el.type : null, effective: inst.kind === 'field' ? inst.effective : null };
      });
      postMessage({ states: states });
    };
  }

  // ---- reading the page: what FromFormInput does on the server, for the inputs of this page ----

  function readAnswers(base, elements) {
    var answers = JSON.parse(JSON.stringify(base));
    form.querySelectorAll('[data-path][data-el]').forEach(function (wrapper) {
      var element = elements[+wrapper.getAttribute('data-el')];
      if (!element || element.kind !== 'field' || element.staticReadOnly) return;
      var path = wrapper.getAttribute('data-path');
      if (element.type === 'file' || element.type === 'info') return;
      setPath(answers, path, read(path, element.type));
    });
    return answers;
  }

  function inputs(name) {
    return Array.prototype.filter.call(form.elements, function (input) { return input.name === name; });
  }

  function read(path, type) {
    if (type === 'address') {
      var address = {};
      ['street', 'houseNumber', 'postalCode', 'city', 'country'].forEach(function (part) {
        var input = inputs(path + '.' + part)[0];
        if (input && input.value.trim() !== '') address[part] = input.value.trim();
      });
      return Object.keys(address).length ? address : null;
    }
    var all = inputs(path);
    var checked = all.filter(function (i) { return (i.type !== 'radio' && i.type !== 'checkbox') || i.checked; });
    var values = checked.map(function (i) { return i.value; });
    if (type === 'multiChoice') return values.length ? values : null;
    var text = values.length ? String(values[0]).trim() : '';
    if (text === '') return null;
    if (type === 'yesNo') return text === 'true' || text === 'on' ? true : text === 'false' ? false : text;
    if (type === 'integer' || type === 'decimal' || type === 'money') { var n = typedNumber(text); return n === null ? text : n; }
    if (type === 'date') { var m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text); return m ? m[3] + '-' + pad(m[2]) + '-' + pad(m[1]) : text; }
    return text;
  }

  function pad(s) { return String(s).length < 2 ? '0' + s : String(s); }

  // DisplayFormats.ParseTypedNumber: "1.234,56" (German) or "1234.56".
  function typedNumber(text) {
    text = text.replace(/[\s\u00A0€]/g, '');
    if (text === '') return null;
    var comma = text.lastIndexOf(','), dot = text.lastIndexOf('.'), invariant;
    if (comma > dot) invariant = text.replace(/\./g, '').replace(',', '.');
    else if (dot > comma && comma >= 0) invariant = text.replace(/,/g, '');
    else if (dot >= 0 && text.split('.').length > 2) invariant = text.replace(/\./g, '');
    else if (dot >= 0 && text.length - dot - 1 === 3 && text.indexOf('.') === dot && text.charAt(0) !== '0') invariant = text.replace(/\./g, '');
    else invariant = text;
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(invariant) ? parseFloat(invariant) : null;
  }

  function setPath(answers, path, value) {
    var parts = path.match(/[^.\[\]]+|\[\d+\]/g), current = answers;
    for (var i = 0; i < parts.length; i++) {
      var key = parts[i].charAt(0) === '[' ? +parts[i].slice(1, -1) : parts[i];
      if (i === parts.length - 1) { current[key] = value; return; }
      var nextIsIndex = parts[i + 1].charAt(0) === '[';
      if (current[key] === null || typeof current[key] !== 'object') current[key] = nextIsIndex ? [] : {};
      current = current[key];
    }
  }

  // ---- the evaluator: the same algorithm as the server ----

  function createRuntime(model, functions) {
    var children = {};
    model.elements.forEach(function (e) { (children[e.parent] = children[e.parent] || []).push(e); });

    function parse(type, raw) {
      if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return null;
      switch (type) {
        case 'integer': case 'decimal': case 'money':
          var n = typeof raw === 'number' ? raw : typeof raw === 'string' ? typedNumber(raw) : null;
          return n === null || !isFinite(n) || (type === 'integer' && Math.floor(n) !== n) ? null : n;
        case 'yesNo': return typeof raw === 'boolean' ? raw : null;
        case 'date': return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null;
        case 'multiChoice': return Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : null;
        case 'address': return raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.assign({ country: 'DE' }, raw) : null;
        case 'file': return Array.isArray(raw) ? raw : null;
        case 'iban': return typeof raw === 'string' ? raw.replace(/\s+/g, '').toUpperCase() : null;
        default: return typeof raw === 'string' ? (raw.trim() || null) : typeof raw === 'number' ? String(raw) : null;
      }
    }

    function build(answers) {
      var byElement = model.elements.map(function () { return []; });
      var root = { kind: 'container', group: -1, parent: null, path: '', children: {}, rowIndex: -1, visible: true };
      function fill(container, group, obj) {
        (children[group] || []).forEach(function (el) {
          var raw = obj && typeof obj === 'object' && !Array.isArray(obj) ? obj[el.key] : undefined;
          var path = container.path ? container.path + '.' + el.key : el.key;
          var inst;
          if (el.kind === 'field') {
            inst = { kind: 'field', el: el, parent: container, path: path, parsed: parse(el.type, raw), visible: true, effective: null, required: false };
          } else if (el.kind === 'group') {
            inst = { kind: 'container', el: el, group: el.ordinal, parent: container, path: path, children: {}, rowIndex: -1, visible: true };
            fill(inst, el.ordinal, raw);
          } else {
            inst = { kind: 'repeat', el: el, parent: container, path: path, rows: [], visible: true };
            (Array.isArray(raw) ? raw : []).forEach(function (rowAnswers, i) {
              var row = { kind: 'container', el: el, group: el.ordinal, parent: inst, path: path + '[' + i + ']', children: {}, rowIndex: i, visible: true };
              fill(row, el.ordinal, rowAnswers);
              inst.rows.push(row);
            });
          }
          container.children[el.key] = inst;
          byElement[el.ordinal].push(inst);
        });
      }
      fill(root, -1, answers);
      return { root: root, byElement: byElement };
    }

    function data(inst) {
      if (!inst.visible) return null;
      if (inst.kind === 'field') return inst.effective === null ? null : JSON.parse(JSON.stringify(inst.effective));
      if (inst.kind === 'repeat') return inst.rows.map(data);
      var obj = {};
      Object.keys(inst.children).forEach(function (key) {
        var child = inst.children[key];
        if (!(child.kind === 'field' && child.el.type === 'info')) obj[key] = data(child);
      });
      return obj;
    }

    function findScope(scope, inst) {
      for (var c = inst; c; c = c.parent) if (c.kind === 'container' && c.group === scope) return c;
      return null;
    }

    function args(rule, inst, root) {
      return model.rules[rule].params.map(function (p) {
        var scope = findScope(p.scope, inst) || root;
        if (p.kind === 'rowIndex') return scope.rowIndex;
        if (p.kind === 'row') return data(scope);
        var current = scope;
        for (var i = 0; i < p.path.length; i++) {
          if (current.kind !== 'container' || !(p.path[i] in current.children)) return null;
          current = current.children[p.path[i]];
        }
        return current.kind === 'field' ? (current.visible ? current.effective : null) : data(current);
      });
    }

    function run(rule, inst, root) {
      try { return { value: functions[rule].apply(null, args(rule, inst, root)) }; }
      catch (e) { return { failed: true }; }
    }

    function test(rule, inst, root) {
      var result = run(rule, inst, root);
      return result.failed ? model.rules[rule].kind === 'visible' : !!result.value;
    }

    function round(x, places) { var f = Math.pow(10, places); return Math.sign(x) * Math.round(Math.abs(x) * f) / f; }

    function compute(rule, inst, root) {
      var result = run(rule, inst, root), value = result.value;
      if (result.failed || value === null || value === undefined || value === '' || (typeof value === 'number' && !isFinite(value))) return null;
      if (typeof value === 'number') {
        var type = inst.el.type;
        if (type === 'integer') value = round(value, 0);
        else if (type === 'money' || type === 'decimal') value = round(value, 2);
        else if (type === 'text' || type === 'textarea') value = String(value);
      }
      return parse(inst.el.type, value);
    }

    return {
      evaluate: function (answers) {
        var tree = build(answers), root = tree.root, pageVisible = [];
        model.order.forEach(function (node) {
          var kind = node[0], index = node[1];
          if (kind === 'page') {
            var pageRule = model.pages[index].visible;
            pageVisible[index] = pageRule === null || test(pageRule, root, root);
            return;
          }
          var el = model.elements[index];
          tree.byElement[index].forEach(function (inst) {
            if (kind === 'element') {
              var parentVisible = inst.parent === root ? pageVisible[el.page] !== false : inst.parent.visible;
              inst.visible = parentVisible && (el.visible === null || test(el.visible, inst, root));
              if (inst.kind === 'repeat') inst.rows.forEach(function (row) { row.visible = inst.visible; });
              if (inst.kind === 'field') inst.effective = !inst.visible ? null : el.value !== null && el.value !== undefined ? compute(el.value, inst, root) : inst.parsed;
            } else if (kind === 'checks') {
              inst.required = inst.visible && (el.staticRequired || (el.required !== null && test(el.required, inst, root)));
              inst.checked = true;
            }
          });
        });
        var byPath = {};
        tree.byElement.forEach(function (list) {
          list.forEach(function (inst) {
            if (inst.kind === 'field' && !inst.checked) inst.required = inst.visible && inst.el.staticRequired;
            byPath[inst.path] = inst;
          });
        });
        return byPath;
      },
    };
  }

  // ---- updating the page ----

  var lang = form.getAttribute('data-lang') || 'de';
  var locale = lang === 'de' ? 'de-DE' : lang === 'en' ? 'en-GB' : lang;

  function format(type, value) {
    if (value === null || value === undefined) return '—';
    if (type === 'money') return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value).replace(/\u00a0/g, ' ');
    if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(value).replace(/\u00a0/g, ' ');
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  }

  function apply(byPath) {
    form.querySelectorAll('[data-path][data-el]').forEach(function (wrapper) {
      var inst = byPath[wrapper.getAttribute('data-path')];
      if (!inst) return;
      if (wrapper.hidden === inst.visible) wrapper.hidden = !inst.visible;
      if (inst.kind !== 'field') return;
      var optional = wrapper.querySelector('[data-optional]');
      if (optional && optional.hidden !== inst.required) optional.hidden = inst.required;
      wrapper.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (input) {
        if (input.type === 'radio' || input.type === 'checkbox') return;
        if (inst.required) input.setAttribute('aria-required', 'true'); else input.removeAttribute('aria-required');
      });
      var output = wrapper.querySelector('output[data-type]');
      if (output) {
        var text = format(inst.type, inst.effective);
        if (output.textContent !== text) output.textContent = text;
      }
    });
  }
})();
