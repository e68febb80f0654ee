using System.Text.Json;

namespace Benchmarks.Grading;

/// <summary>The result.json files of a grading output folder, read for the benchmarks.</summary>
internal static class GradedResults
{
    /// <summary>One student's result: score, maximum, checks failed, wall seconds, phases and per-check seconds.</summary>
    public sealed record Student(string Id, double Score, double Max, string[] Failed, double Seconds, IReadOnlyDictionary<string, double> Phases, IReadOnlyDictionary<string, double> CheckSeconds);

    /// <summary>Reads the result of every student in <paramref name="output"/>.</summary>
    /// <param name="output">A `course grade --out` folder.</param>
    /// <returns>The results, by student id.</returns>
    public static IReadOnlyDictionary<string, Student> Read(string output)
    {
        var students = new Dictionary<string, Student>(StringComparer.Ordinal);
        foreach (string folder in Directory.GetDirectories(output))
        {
            string file = Path.Combine(folder, "result.json");
            if (!File.Exists(file))
            {
                continue;
            }

            using var json = JsonDocument.Parse(File.ReadAllText(file));
            JsonElement root = json.RootElement;
            var checks = root.GetProperty("Checks").EnumerateArray().ToList();
            var phases = root.TryGetProperty("Phases", out JsonElement p) && p.ValueKind == JsonValueKind.Object
                ? p.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetDouble())
                : new Dictionary<string, double>();
            string id = root.GetProperty("StudentId").GetString()!;
            students[id] = new Student(
                id,
                checks.Sum(c => c.GetProperty("Score").GetDouble()),
                checks.Sum(c => c.GetProperty("Points").GetDouble()),
                [.. checks.Where(c => c.GetProperty("Score").GetDouble() < c.GetProperty("Points").GetDouble()).Select(c => c.GetProperty("Id").GetString()!).Order(StringComparer.Ordinal)],
                root.GetProperty("Seconds").GetDouble(),
                phases,
                checks.Where(c => c.TryGetProperty("Seconds", out JsonElement s) && s.ValueKind == JsonValueKind.Number)
                    .ToDictionary(c => c.GetProperty("Id").GetString()!, c => c.GetProperty("Seconds").GetDouble()));
        }

        return students;
    }

    /// <summary>The median of some values (0 for none).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The median.</returns>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
