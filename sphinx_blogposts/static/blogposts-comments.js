/* sphinx-blogposts: load a post's comments (giscus, utterances, Disqus) only when the
 * reader scrolls to them, in the theme's light or dark mode, and follow the theme's
 * switch afterwards (furo: body[data-theme], pydata: html[data-theme]; "auto" follows
 * the reader's system preference). Nothing is fetched from the provider before. */
(function () {
  "use strict";

  var THEMES = {
    giscus: { light: "light", dark: "dark" },
    utterances: { light: "github-light", dark: "github-dark" }
  };
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function mode() {
    var value = (document.body && document.body.dataset.theme) || document.documentElement.dataset.theme;
    if (value === "dark" || value === "light") {
      return value;
    }
    if (value === "auto") {
      return darkQuery && darkQuery.matches ? "dark" : "light";
    }
    return "light"; // a theme without a dark mode is light
  }

  function options(widget) {
    try {
      return JSON.parse(widget.dataset.options || "{}");
    } catch (error) {
      return {};
    }
  }

  function themed(widget) {
    var names = THEMES[widget.dataset.provider];
    var own = options(widget);
    var fixed = own["data-theme"] || own.theme;
    return names && !fixed ? names[mode()] : null;
  }

  function load(widget) {
    if (widget.dataset.loaded) {
      return;
    }
    widget.dataset.loaded = "1";
    var provider = widget.dataset.provider;
    if (provider === "disqus") {
      var url = widget.dataset.pageUrl || window.location.href.split("#")[0];
      var identifier = widget.dataset.pageIdentifier;
      window.disqus_config = function () {
        this.page.url = url;
        this.page.identifier = identifier;
      };
    }
    var script = document.createElement("script");
    script.src = widget.dataset.src;
    script.async = true;
    script.crossOrigin = "anonymous";
    var attrs = options(widget);
    Object.keys(attrs).forEach(function (name) {
      script.setAttribute(name, attrs[name]);
    });
    var theme = themed(widget);
    if (theme) {
      script.setAttribute(provider === "giscus" ? "data-theme" : "theme", theme);
    }
    script.addEventListener("error", function () {
      widget.dataset.failed = "1"; // offline, or blocked: the page goes on without comments
    });
    widget.appendChild(script);
  }

  function retheme(widget) {
    var theme = themed(widget);
    if (!theme || !widget.dataset.loaded) {
      return;
    }
    var frame = widget.querySelector("iframe");
    if (!frame || !frame.contentWindow) {
      return;
    }
    var origin = widget.dataset.origin;
    if (widget.dataset.provider === "giscus") {
      frame.contentWindow.postMessage({ giscus: { setConfig: { theme: theme } } }, origin);
    } else if (widget.dataset.provider === "utterances") {
      frame.contentWindow.postMessage({ type: "set-theme", theme: theme }, origin);
    }
  }

  function start() {
    var widgets = Array.prototype.slice.call(document.querySelectorAll(".blogposts-comments-widget"));
    if (!widgets.length) {
      return;
    }
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            load(entry.target);
          }
        });
      }, { rootMargin: "300px 0px" });
      widgets.forEach(function (widget) {
        observer.observe(widget);
      });
    } else {
      widgets.forEach(load);
    }
    var update = function () {
      widgets.forEach(retheme);
    };
    if (window.MutationObserver) {
      var watcher = new MutationObserver(update);
      watcher.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
      watcher.observe(document.body, { attributes: true, attributeFilter: ["data-theme"] });
    }
    if (darkQuery && darkQuery.addEventListener) {
      darkQuery.addEventListener("change", update);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
