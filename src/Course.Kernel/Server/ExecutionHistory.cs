using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Course.Kernel.Server;

/// <summary>
/// The inputs (and plain-text results) of this kernel's stored executions, for <c>history_request</c>:
/// <c>tail</c>, <c>range</c> and <c>search</c> (a glob pattern, as IPython's). Kept in memory: one session.
/// </summary>
internal sealed class ExecutionHistory
{
    /// <summary>The session number this kernel's entries carry (IPython numbers sessions from 1).</summary>
    public const int SessionNumber = 1;

    private readonly Lock _gate = new();
    private readonly List<(int Line, string Input, string? Output)> _entries = [];

    public void Add(int line, string input, string? output)
    {
        lock (_gate)
        {
            _entries.Add((line, input, output));
        }
    }

    /// <summary>The <c>history</c> list of a <c>history_reply</c> for a request's content.</summary>
    public JsonArray Query(JsonObject request)
    {
        (int Line, string Input, string? Output)[] entries;
        lock (_gate)
        {
            entries = [.. _entries];
        }

        bool output = Bool(request, "output");
        string access = request["hist_access_type"] is JsonValue value && value.TryGetValue(out string? type) ? type : "tail";
        IEnumerable<(int Line, string Input, string? Output)> selected = access switch
        {
            "range" => Range(entries, request),
            "search" => Search(entries, request),
            _ => entries.TakeLast(Math.Max(0, Int(request, "n") ?? 10)),
        };
        return new JsonArray(selected.Select(entry => (JsonNode?)Entry(entry, output)).ToArray());
    }

    private static IEnumerable<(int Line, string Input, string? Output)> Range((int Line, string Input, string? Output)[] entries, JsonObject request)
    {
        int session = Int(request, "session") ?? 0;
        if (session is not (0 or SessionNumber))
        {
            return [];
        }

        int start = Int(request, "start") ?? 0;
        int? stop = Int(request, "stop");
        return entries.Where(entry => entry.Line >= start && (stop is null || entry.Line < stop));
    }

    private static IEnumerable<(int Line, string Input, string? Output)> Search((int Line, string Input, string? Output)[] entries, JsonObject request)
    {
        string pattern = request["pattern"] is JsonValue value && value.TryGetValue(out string? text) ? text : "*";
        var glob = new Regex(GlobToRegex(pattern), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        IEnumerable<(int Line, string Input, string? Output)> matches = entries.Where(entry => glob.IsMatch(entry.Input));
        if (Bool(request, "unique"))
        {
            // The most recent occurrence of each input, as IPython keeps.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            matches = matches.Reverse().Where(entry => seen.Add(entry.Input)).Reverse().ToArray();
        }

        return Int(request, "n") is int n ? matches.TakeLast(Math.Max(0, n)) : matches;
    }

    private static JsonArray Entry((int Line, string Input, string? Output) entry, bool withOutput) =>
        withOutput
            ? new JsonArray(SessionNumber, entry.Line, new JsonArray(entry.Input, entry.Output))
            : new JsonArray(SessionNumber, entry.Line, entry.Input);

    private static string GlobToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        foreach (char c in glob)
        {
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return regex.Append('$').ToString();
    }

    private static bool Bool(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue(out bool flag) && flag;

    private static int? Int(JsonObject json, string name)
    {
        if (json[name] is not JsonValue value)
        {
            return null;
        }

        return value.TryGetValue(out int number) ? number
            : value.TryGetValue(out double real) && real is >= int.MinValue and <= int.MaxValue ? (int)real : null;
    }
}
