using System.Net;
using System.Text;

namespace TinyTorch.Analysis.Charts;

/// <summary>
/// Writes the HTML fragment a notebook shows for a chart: a target div and a script that draws the
/// figure with plotly.js, loading plotly.js from an inline copy when the page does not have it yet;
/// and the whole page a saved chart is.
/// </summary>
/// <remarks>
/// Why a hand-written fragment rather than Plotly.NET's: Plotly.NET's notebook HTML loads plotly.js
/// from a CDN (or through require.js), which fails offline. Here plotly.js travels inside the output
/// (see <see cref="PlotlyEmbedding"/>), and one shared promise on <c>window</c> makes the page run it
/// only once however many charts carry it.
/// </remarks>
internal static class ChartHtml
{
    private static int s_embedded;

    public static string Fragment(string figureJson, PlotlyEmbedding embedding)
    {
        // FirstOutputOnly: exactly one output per process carries the library, even across threads.
        if (embedding == PlotlyEmbedding.EveryOutput || Interlocked.Exchange(ref s_embedded, 1) == 0)
        {
            try
            {
                return Fragment(figureJson, carryLibrary: true);
            }
            catch when (embedding == PlotlyEmbedding.FirstOutputOnly)
            {
                // No output carried the library after all (plotly.js could not be read): the next one must.
                Volatile.Write(ref s_embedded, 0);
                throw;
            }
        }

        return Fragment(figureJson, carryLibrary: false);
    }

    public static string Fragment(string figureJson, bool carryLibrary)
    {
        string id = "tinytorch-chart-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder(carryLibrary ? PlotlyScript.GzipBase64.Length + 4096 : 4096);
        html.Append("<div class=\"tinytorch-chart\"><div id=\"").Append(id).Append("\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append("  var target = '").Append(id).Append("';\n");
        html.Append("  var figure = ").Append(EscapeForScript(figureJson)).Append(";\n");
        html.Append("  var packed = ");
        if (carryLibrary)
        {
            html.Append('"').Append(PlotlyScript.GzipBase64).Append('"');
        }
        else
        {
            html.Append("null");
        }

        html.Append(";\n").Append(Loader).Append("})();\n</script></div>");
        return html.ToString();
    }

    /// <summary>A whole page that draws the figure with plotly.js inlined as a plain script, so it renders alone, offline, in any browser.</summary>
    public static string Document(string figureJson, string title)
    {
        string script = PlotlyScript.Source;
        var html = new StringBuilder(script.Length + figureJson.Length + 1024);
        html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(title.Length > 0 ? title : "chart")).Append("</title>\n");
        html.Append("<script type=\"text/javascript\">\n").Append(script).Append("\n</script>\n</head>\n<body>\n");
        html.Append("<div id=\"chart\"></div>\n<script type=\"text/javascript\">\n");
        html.Append("var figure = ").Append(EscapeForScript(figureJson)).Append(";\n");
        html.Append("Plotly.newPlot('chart', figure.data, figure.layout, figure.config);\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    // JSON can hold "</script>" inside a string (a series named by the user); '<' only ever appears
    // inside JSON strings, where \u003c means the same character, so the script block cannot be closed early.
    private static string EscapeForScript(string json) => json.Replace("<", "\\u003c", StringComparison.Ordinal);

    private const string Loader = """
          var w = window;
          function draw(Plotly) { Plotly.newPlot(target, figure.data, figure.layout, figure.config); }
          function fail(message) { var el = document.getElementById(target); if (el) { el.textContent = message; } }
          function unpack(base64) {
            var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
            var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
            return new Response(stream).text().then(function (code) {
              var script = document.createElement('script');
              // Shadow AMD/CommonJS loaders (Jupyter's require.js) so that plotly.js sets window.Plotly.
              script.text = '(function (define, module, exports) {\n' + code + '\n})();';
              (document.head || document.documentElement).appendChild(script);
              if (!w.Plotly) { throw new Error('plotly.js did not define window.Plotly'); }
              return w.Plotly;
            });
          }
          if (w.Plotly) { draw(w.Plotly); return; }
          if (!w.__tinyTorchPlotly && packed) { w.__tinyTorchPlotly = unpack(packed); }
          if (w.__tinyTorchPlotly) {
            w.__tinyTorchPlotly.then(draw, function (e) { fail('plotly.js could not be loaded: ' + e); });
            return;
          }
          // This output carries no copy (PlotlyEmbedding.FirstOutputOnly): wait for an earlier output to load it.
          var waited = 0;
          var timer = setInterval(function () {
            if (w.Plotly) { clearInterval(timer); draw(w.Plotly); }
            else if (w.__tinyTorchPlotly) { clearInterval(timer); w.__tinyTorchPlotly.then(draw); }
            else if ((waited += 100) >= 30000) {
              clearInterval(timer);
              fail('plotly.js is not on this page: only the first chart output of a kernel session carries it, and that output was cleared or re-run. ' +
                'Restart the kernel and run the notebook from the top, or run ChartFormatting.Embedding = PlotlyEmbedding.EveryOutput; and re-run this cell.');
            }
          }, 100);

        """;
}
