using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WlzMessaging.Operations.Dashboard;

/// <summary>
/// The dashboard's one page: self-contained (inline CSS and script, no external asset, no font, no CDN). The script polls
/// the JSON endpoint and builds the page with textContent only (no HTML from data). The Content-Security-Policy allows
/// exactly this script (by its SHA-256), styles inline, and requests to this origin.
/// </summary>
internal sealed class DashboardPage
{
    private const string Style = """
        :root { --ok: #2e7d32; --bad: #c62828; --warn: #ef6c00; --ink: #1d2733; --muted: #5f6b7a; --line: #d8dee6; --bar: #3b6ea5; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f4f6f9; }
        header { display: flex; align-items: baseline; gap: 1rem; padding: .8rem 1.2rem; background: #1d2733; color: #fff; }
        header h1 { font-size: 1.15rem; margin: 0; }
        header .when { color: #b8c4d3; font-size: .9rem; margin-left: auto; }
        .badge { padding: .1rem .55rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; }
        .badge.ok { background: var(--ok); } .badge.bad { background: var(--bad); }
        #error { display: none; margin: 1rem 1.2rem 0; padding: .6rem .8rem; background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; border-radius: 4px; }
        main { padding: 1rem 1.2rem; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); }
        .tiles { grid-column: 1 / -1; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); }
        .tile, section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; overflow-x: auto; }
        .tile .label { color: var(--muted); font-size: .85rem; }
        .tile .value { font-size: 1.9rem; font-weight: 650; }
        .tile .sub { color: var(--muted); font-size: .85rem; }
        section h2 { font-size: 1rem; margin: 0 0 .6rem; }
        section.wide { grid-column: 1 / -1; }
        table { width: 100%; border-collapse: collapse; }
        th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; font-size: .85rem; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .meter { background: #e8edf3; height: .6rem; border-radius: .3rem; min-width: 80px; }
        .meter > div { background: var(--bar); height: 100%; border-radius: .3rem; }
        .empty { color: var(--muted); font-style: italic; }
        svg.spark rect { fill: var(--bar); }
        dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0; }
        dl.kv dt { color: var(--muted); } dl.kv dd { margin: 0; }
        .stale { color: var(--bad); font-weight: 600; }
        svg.forecast rect.paid { fill: var(--bar); } svg.forecast rect.come { fill: #9dbbdc; }
        svg.forecast rect.pay { fill: var(--ok); } svg.forecast rect.recover { fill: var(--bad); }
        svg.forecast text { font-size: 11px; fill: var(--ink); } svg.forecast line { stroke: var(--muted); }
        """;

    private const string Script = """
        (function () {
          "use strict";
          var api = __API__;
          var intervalMs = __INTERVAL__;
          var forecastApi = __FORECAST__;
          function el(tag, cls, text) {
            var e = document.createElement(tag);
            if (cls) e.className = cls;
            if (text !== undefined && text !== null) e.textContent = String(text);
            return e;
          }
          function n(v) { return v === null || v === undefined ? "–" : Number(v).toLocaleString("en-GB"); }
          function pct(v) { return (v * 100).toFixed(1) + "%"; }
          // Euros as Money.Operator writes them: sign first, two decimals, thousands by ',' (-€1,234.56).
          function euro(c) { return (c < 0 ? "-€" : "€") + (Math.abs(c) / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
          // Times arrive as Amsterdam times with their offset (Amsterdam.ToLocal on the server); shown to the minute with the
          // zone's name, as Amsterdam.Display writes them: "2025-02-10 14:03 CET".
          function time(t) {
            if (!t) return "–";
            var s = String(t), offset = s.slice(-6), zone = offset === "+01:00" ? "CET" : offset === "+02:00" ? "CEST" : offset;
            return s.substring(0, 16).replace("T", " ") + " " + zone;
          }
          function ago(s) { return s < 90 ? Math.round(s) + " s" : s < 5400 ? Math.round(s / 60) + " min" : (s / 3600).toFixed(1) + " h"; }
          function set(id, text) { document.getElementById(id).textContent = text; }
          function fill(id, node) { var t = document.getElementById(id); t.replaceChildren(node); }
          function table(headers, rows, numeric) {
            if (rows.length === 0) return el("p", "empty", "none");
            var t = el("table"), head = el("tr");
            headers.forEach(function (h, i) { head.appendChild(el("th", numeric[i] ? "num" : "", h)); });
            t.appendChild(el("thead")).appendChild(head);
            var body = t.appendChild(el("tbody"));
            rows.forEach(function (r) {
              var tr = body.appendChild(el("tr"));
              r.forEach(function (c, i) {
                var td = tr.appendChild(el("td", numeric[i] ? "num" : ""));
                if (c instanceof Node) td.appendChild(c); else td.textContent = c === null || c === undefined ? "" : String(c);
              });
            });
            return t;
          }
          function meter(share) {
            var m = el("div", "meter"), b = m.appendChild(el("div"));
            b.style.width = Math.max(0, Math.min(100, share * 100)).toFixed(1) + "%";
            return m;
          }
          function spark(values) {
            var ns = "http://www.w3.org/2000/svg", w = 240, h = 40, max = Math.max.apply(null, values.concat([1]));
            var svg = document.createElementNS(ns, "svg");
            svg.setAttribute("class", "spark"); svg.setAttribute("width", w); svg.setAttribute("height", h);
            svg.setAttribute("viewBox", "0 0 " + w + " " + h); svg.setAttribute("role", "img");
            svg.setAttribute("aria-label", "lines per minute, last 60 minutes");
            values.forEach(function (v, i) {
              var r = document.createElementNS(ns, "rect"), bh = Math.round(v / max * (h - 2));
              r.setAttribute("x", i * 4); r.setAttribute("width", 3); r.setAttribute("y", h - bh); r.setAttribute("height", bh);
              svg.appendChild(r);
            });
            return svg;
          }
          function tree(v) {
            if (v === null || typeof v !== "object") return document.createTextNode(v === null ? "–" : String(v));
            var dl = el("dl", "kv");
            Object.keys(v).forEach(function (k) { dl.appendChild(el("dt", "", k)); dl.appendChild(el("dd")).appendChild(tree(v[k])); });
            return dl;
          }
          function render(d) {
            set("when", "updated " + time(d.now));
            var badge = document.getElementById("worker");
            badge.textContent = d.workerRunning ? "worker running" : "worker not running";
            badge.className = "badge " + (d.workerRunning ? "ok" : "bad");
            set("throughput", n(d.throughput.linesPerMinute));
            set("throughput-sub", "last 60 s; " + n(d.throughput.lines) + " lines in " + n(d.throughput.files) + " files, last hour");
            fill("spark", spark(d.throughput.perMinute));
            set("inbox", d.inboxDepth === null ? "–" : n(d.inboxDepth));
            set("inbox-sub", d.inboxDepth === null ? "no running worker reports it" : "files waiting");
            set("aw320", n(d.aw320.lastHour));
            set("aw320-sub", n(d.aw320.inWindow) + " in the last " + d.windowHours + " h, " + n(d.aw320.total) + " in all");
            set("inhand", n(d.inHand.length));
            set("inhand-sub", (d.inHand.length ? d.inHand.map(function (f) { return f.fileName; }).join(", ") : "no file in work")
              + "; " + n(d.filesAnswered) + " answered, " + n(d.filesQuarantined) + " quarantined since start");
            var last = d.aw320.last;
            fill("last", last ? tree({ "AW320": last.aw320Name, "written": time(last.writtenAt), "file": last.fileId,
              "provider AGB": last.agb, "outcome": last.status, "lines": n(last.lines), "received": last.receivedOn }) : el("p", "empty", "no AW320 written yet"));
            // Line retourcodes (a line under each of its codes, shares of the rejected lines), then the files rejected as a
            // whole by cause (0001 + the cause, shares of the files rejected as a whole), labelled so.
            fill("codes", table(["code", "meaning", "count", "", "share"], d.rejections.map(function (c) {
              return [c.code, c.meaning, n(c.count) + " " + (c.count === 1 ? "line" : "lines"), meter(c.share), pct(c.share)];
            }).concat(d.wholeFileRejections.map(function (c) {
              var codes = c.code === "0001" ? "0001" : "0001 + " + c.code;
              return [codes, "whole file: " + c.meaning, n(c.files) + " " + (c.files === 1 ? "file" : "files"), meter(c.share), pct(c.share)];
            })), [false, false, true, false, true]));
            fill("providers", table(["AGB", "provider", "files", "rejected as a whole", "lines", "approved", "rejected", "rejected %", "approved €", "most frequent retourcode"],
              d.providers.map(function (p) {
                return [p.agb === null ? "(unreadable)" : p.agb, p.name || "", n(p.files), n(p.rejectedFiles), n(p.lines), n(p.approvedLines), n(p.rejectedLines),
                  pct(p.rejectedShare), euro(p.approvedCents), p.topRetourcode ? p.topRetourcode.code + " " + p.topRetourcode.meaning + " (" + n(p.topRetourcode.count) + ")" : ""];
              }), [false, false, true, true, true, true, true, true, true, false]));
            fill("workers", table(["worker", "host", "pid", "state", "file", "waiting", "last seen"], d.workers.map(function (w) {
              var state = el("span", w.running ? "" : "stale", w.running ? w.state : (w.stale && w.state !== "stopped" ? "no heartbeat (was " + w.state + ")" : w.state));
              return [w.workerId, w.host, w.pid, state, w.currentFile || "", w.waiting === null ? "" : n(w.waiting), ago(w.secondsSinceSeen) + " ago"];
            }), [false, false, true, false, false, true, true]));
            var nr = d.lastNightly;
            if (!nr) fill("nightly", el("p", "empty", "no nightly run yet"));
            else {
              var box = el("div");
              box.appendChild(tree({ "date": nr.date, "started": time(nr.startedAt), "finished": nr.finished ? time(nr.finishedAt) : "not finished (running, or interrupted)" }));
              if (nr.figures.length) {
                box.appendChild(el("h3", "", "report"));
                var figures = table(["figure", "value"], nr.figures.map(function (f) { return [f.label, f.value]; }), [false, true]);
                figures.id = "nightly-figures";
                box.appendChild(figures);
              }
              fill("nightly", box);
            }
          }
          // The forecast per provider: one bar each, paid so far, then the advances to come, then the year-end result
          // (green a payment, red a recovery drawn back from the end). Scaled to the largest total.
          function forecastChart(f) {
            if (f.providers.length === 0) return el("p", "empty", "no provider");
            var ns = "http://www.w3.org/2000/svg", label = 70, w = 640, row = 26, h = f.providers.length * row + 8;
            var max = 1;
            f.providers.forEach(function (p) {
              max = Math.max(max, p.paidSoFarCents + p.advancesToComeCents + Math.max(0, p.yearEndResultCents), p.paidSoFarCents + p.advancesToComeCents);
            });
            var scale = (w - label - 150) / max;
            var svg = document.createElementNS(ns, "svg");
            svg.setAttribute("class", "forecast"); svg.setAttribute("width", w); svg.setAttribute("height", h);
            svg.setAttribute("viewBox", "0 0 " + w + " " + h); svg.setAttribute("role", "img");
            svg.setAttribute("aria-label", "forecast " + f.year + " per provider");
            function rect(cls, x, y, width, title) {
              var r = document.createElementNS(ns, "rect");
              r.setAttribute("class", cls); r.setAttribute("x", x.toFixed(1)); r.setAttribute("y", y);
              r.setAttribute("width", Math.max(0, width).toFixed(1)); r.setAttribute("height", row - 10);
              var t = document.createElementNS(ns, "title"); t.textContent = title; r.appendChild(t);
              svg.appendChild(r);
            }
            function text(x, y, s, anchor) {
              var t = document.createElementNS(ns, "text");
              t.setAttribute("x", x); t.setAttribute("y", y); if (anchor) t.setAttribute("text-anchor", anchor);
              t.textContent = s; svg.appendChild(t);
            }
            f.providers.forEach(function (p, i) {
              var y = 4 + i * row, x = label, paid = p.paidSoFarCents * scale, come = p.advancesToComeCents * scale;
              text(0, y + 12, p.agb);
              rect("paid", x, y, paid, p.agb + " paid so far " + euro(p.paidSoFarCents));
              rect("come", x + paid, y, come, p.agb + " advances to come " + euro(p.advancesToComeCents));
              var end = x + paid + come, result = p.yearEndResultCents * scale;
              if (p.yearEndResultCents >= 0) rect("pay", end, y, result, p.agb + " year-end payment " + euro(p.yearEndResultCents));
              else rect("recover", end + result, y, -result, p.agb + " year-end recovery " + euro(p.yearEndResultCents));
              text(Math.max(end, end + result) + 6, y + 12, (p.yearEndResultCents < 0 ? "recovery " : "payment ") + euro(Math.abs(p.yearEndResultCents)));
            });
            return svg;
          }
          function loadForecast() {
            var year = new URLSearchParams(location.search).get("year");
            fetch(forecastApi + (year ? "?year=" + encodeURIComponent(year) : ""), { cache: "no-store" }).then(function (r) {
              return r.json().then(function (body) { if (!r.ok) throw new Error(body && body.error ? body.error : "HTTP " + r.status); return body; });
            }).then(function (f) {
              set("forecast-sub", "year " + f.year + ", from the run of " + f.from + ", at each provider's pace of the last three months");
              fill("forecast", forecastChart(f));
            }).catch(function (e) { fill("forecast", el("p", "stale", "Cannot read the forecast: " + e.message)); });
          }
          loadForecast();
          function poll() {
            fetch(api, { cache: "no-store" }).then(function (r) {
              return r.json().then(function (body) { if (!r.ok) throw new Error(body && body.error ? body.error : "HTTP " + r.status); return body; });
            }).then(function (d) {
              document.getElementById("error").style.display = "none";
              render(d);
            }).catch(function (e) {
              var box = document.getElementById("error");
              box.textContent = "Cannot read the dashboard data: " + e.message;
              box.style.display = "block";
            }).then(function () { setTimeout(poll, intervalMs); });
          }
          poll();
        })();
        """;

    private const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>WlzMessaging – operations</title>
        <style>__STYLE__</style>
        </head>
        <body>
        <header><h1>WlzMessaging – operations</h1><span id="worker" class="badge">…</span><span id="when" class="when">loading…</span></header>
        <div id="error" role="alert"></div>
        <main>
          <div class="tiles">
            <div class="tile"><div class="label">Throughput (lines per minute)</div><div class="value" id="throughput">–</div><div id="spark"></div><div class="sub" id="throughput-sub"></div></div>
            <div class="tile"><div class="label">Inbox</div><div class="value" id="inbox">–</div><div class="sub" id="inbox-sub"></div></div>
            <div class="tile"><div class="label">AW320s written, last hour</div><div class="value" id="aw320">–</div><div class="sub" id="aw320-sub"></div></div>
            <div class="tile"><div class="label">Files in work</div><div class="value" id="inhand">–</div><div class="sub" id="inhand-sub"></div></div>
          </div>
          <section><h2>Rejections by retourcode (lines, and whole files)</h2><div id="codes"></div></section>
          <section><h2>Last AW320</h2><div id="last"></div></section>
          <section class="wide"><h2>Per provider</h2><div id="providers"></div></section>
          <section class="wide"><h2>Workers</h2><div id="workers"></div></section>
          <section><h2>Last nightly run</h2><div id="nightly"></div></section>
          <section class="wide"><h2>Forecast per provider</h2><p class="sub" id="forecast-sub"></p><div id="forecast"></div></section>
        </main>
        <script>__SCRIPT__</script>
        </body>
        </html>
        """;

    public DashboardPage(string apiPath, TimeSpan pollInterval, string forecastPath)
    {
        var script = Script
            .Replace("__API__", JsonSerializer.Serialize(apiPath, OperationsJson.Default.String), StringComparison.Ordinal)
            .Replace("__FORECAST__", JsonSerializer.Serialize(forecastPath, OperationsJson.Default.String), StringComparison.Ordinal)
            .Replace("__INTERVAL__", ((long)pollInterval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Content = Html.Replace("__STYLE__", Style, StringComparison.Ordinal).Replace("__SCRIPT__", script, StringComparison.Ordinal);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        ContentSecurityPolicy =
            $"default-src 'none'; script-src 'sha256-{hash}'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    public string Content { get; }

    public string ContentSecurityPolicy { get; }
}
