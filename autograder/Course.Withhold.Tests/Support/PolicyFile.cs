using System.Text.Json;

namespace Course.Withhold.Tests.Support;

/// <summary>The repository's policy as the tests read it themselves (not through the tool), so a test checks the tool against the file.</summary>
internal static class PolicyFile
{
    /// <summary>The withheld types of <paramref name="assembly"/>: reflection name and exercise.</summary>
    public static IEnumerable<(string Type, string? Exercise)> WithheldTypes(string assembly = "TinyTorch")
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(Editions.Policy), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var entry = policy.RootElement.GetProperty("assemblies").EnumerateArray().Single(a => a.GetProperty("name").GetString() == assembly);
        return entry.GetProperty("withheld").EnumerateArray()
            .Where(w => w.TryGetProperty("type", out _))
            .Select(w => (w.GetProperty("type").GetString()!, w.TryGetProperty("exercise", out var e) ? e.GetString() : null))
            .ToArray();
    }
}
