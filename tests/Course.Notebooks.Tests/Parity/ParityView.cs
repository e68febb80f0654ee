using System.Text.RegularExpressions;
using Course.Notebooks.Model;

namespace Course.Notebooks.Tests.Parity;

/// <summary>
/// What a student sees of a cell, written so that two kernels can be compared line by line: the outcome, every
/// stream and MIME representation exactly, compile errors exactly, and of an exception its first line (type and
/// message), since the kit's traceback names cells where the real kernel prints .NET's stack (docs/ENGINE.md).
/// </summary>
public static partial class ParityView
{
    /// <summary>The lines of one cell's view.</summary>
    /// <param name="outcome">How the cell ended, in words both kernels share.</param>
    /// <param name="outputs">Its outputs.</param>
    /// <returns>The view.</returns>
    public static IReadOnlyList<string> Of(string outcome, IEnumerable<Output> outputs)
    {
        var lines = new List<string> { $"outcome: {outcome}" };
        foreach (Output output in outputs)
        {
            switch (output.Kind)
            {
                case OutputKind.Stream:
                    lines.Add($"stream {output.StreamName}: {output.Text}");
                    break;
                case OutputKind.DisplayData or OutputKind.ExecuteResult:
                    foreach (var (mimeType, value) in output.Data!)
                    {
                        lines.Add($"{(output.Kind == OutputKind.DisplayData ? "display" : "result")} {mimeType}: {WallTime().Replace(value, "Wall time: *ms")}");
                    }

                    break;
                case OutputKind.Error when outcome == "Threw":
                    string first = output.Traceback.Count > 0 ? output.Traceback[0] : output.ErrorValue ?? string.Empty;
                    lines.Add($"exception: {first.Split('\n')[0].TrimEnd('\r')}");
                    break;
                case OutputKind.Error:
                    lines.Add($"error {output.ErrorName}: {output.ErrorValue} | {string.Join(" | ", output.Traceback)}");
                    break;
                default:
                    lines.Add($"{output.Kind}");
                    break;
            }
        }

        return lines;
    }

    [GeneratedRegex(@"^Wall time: [0-9.,E+-]+ms$")]
    private static partial Regex WallTime();
}
