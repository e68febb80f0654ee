using System.Globalization;
using Course.Grading.Results;
using Course.Boundary;

namespace Course.Autograder.Problems;

/// <summary>
/// What a failed (or flooded) cell means for a submission's status: a compile error, an exception, a
/// cell that ran too long or out of memory, or something the sandbox refused.
/// </summary>
public static class CellProblem
{
    /// <summary>The problems of one cell of a notebook run, each with its status and student-facing line.</summary>
    /// <param name="cell">What the runner saw of the cell (its notebook's name included).</param>
    /// <param name="cellTimeout">The cell time limit, for the reason of a timed-out cell.</param>
    /// <param name="sandboxWorkDirectory">
    /// The work folder when grading runs in the sandbox, so a refused file or network access is its doing; null when not sandboxed.
    /// </param>
    /// <returns>The problems; none for a cell that passed with its output whole.</returns>
    public static IEnumerable<Problem> Of(CellFacts cell, TimeSpan cellTimeout, string? sandboxWorkDirectory)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string notebook = cell.Notebook;
        var location = new ProblemLocation(notebook, cell.CellNumber);
        if (cell.OutputCut)
        {
            yield return new Problem(location, SubmissionStatus.OutputCapped,
                $"{notebook} cell {cell.CellNumber} printed more output than the grader keeps: its first and last lines were kept and the middle cut");
        }

        if (cell.Outcome != "Failed")
        {
            yield break;
        }

        string where = $"{notebook} cell {cell.CellNumber}";
        switch (cell.Status)
        {
            case "CompilationFailed":
                yield return new Problem(location, SubmissionStatus.CompileError, cell.FirstError is null
                    ? $"{where} did not compile"
                    : $"Compile error in {notebook} {cell.FirstError}");
                break;
            case "TimedOut":
                yield return new Problem(location, SubmissionStatus.TimedOut,
                    $"{where} ran longer than {cellTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was stopped (look for a loop that never ends)");
                break;
            case "Threw" when cell.ExceptionType is { } type:
                yield return Thrown(location, where, type, cell.ExceptionMessage ?? string.Empty, cell.ExceptionLine, sandboxWorkDirectory);
                break;
            default:
                yield return new Problem(location, SubmissionStatus.ErrorInCell, $"{where}: {cell.FailureReason ?? "failed"}");
                break;
        }
    }

    private static Problem Thrown(ProblemLocation location, string where, string type, string message, int? line, string? sandboxWorkDirectory)
    {
        string at = line is int l ? $"{where}, line {l}" : where;
        string shortType = type[(type.LastIndexOf('.') + 1)..];
        if (shortType is "OutOfMemoryException" or "InsufficientExecutionStackException")
        {
            return new Problem(location, SubmissionStatus.OutOfMemory, $"{at} ran out of memory ({type}: {message})");
        }

        if (sandboxWorkDirectory is not null && shortType is "SocketException" or "HttpRequestException")
        {
            return new Problem(location, SubmissionStatus.BlockedBySandbox, $"{at} tried to open a network connection, which grading does not allow ({type}: {message})");
        }

        if (sandboxWorkDirectory is not null && IsFileSystemRefusal(shortType, message, sandboxWorkDirectory))
        {
            return new Problem(location, SubmissionStatus.BlockedBySandbox,
                $"{at} tried to use a file outside its own folder, which grading does not allow: it sees only its work folder, read-only system files and nothing else ({type}: {message})");
        }

        return new Problem(location, SubmissionStatus.ErrorInCell, $"{at} threw {type}: {message}");
    }

    // Outside its work folder a sandboxed cell finds nothing (not found) or a read-only file system.
    private static bool IsFileSystemRefusal(string type, string message, string workDirectory) =>
        type is "UnauthorizedAccessException"
        || (type is "IOException" && message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
        || (type is "DirectoryNotFoundException" or "FileNotFoundException" && Path.IsPathRooted(PathIn(message)) && !PathIn(message).StartsWith(workDirectory, StringComparison.Ordinal));

    // .NET's not-found messages quote the path: Could not find a part of the path '/x/y'.
    private static string PathIn(string message)
    {
        int start = message.IndexOf('\'', StringComparison.Ordinal), end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : "";
    }
}
