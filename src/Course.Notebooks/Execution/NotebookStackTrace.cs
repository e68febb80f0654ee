using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Execution;

/// <summary>
/// Rewrites an exception's stack trace for students: only frames in notebook cells, as
/// <c>at Method(Int32) in cell 2, line 3</c>, because the engine's and Roslyn's frames say nothing about
/// their code.
/// </summary>
internal static partial class NotebookStackTrace
{
    public static CellExceptionInfo Describe(Exception exception, IReadOnlyDictionary<string, int> cellsByPath, int currentCell)
    {
        Exception shown = Unwrap(exception);
        var frames = new List<string>();
        int? line = null;
        foreach (StackFrame frame in new StackTrace(shown, fNeedFileInfo: true).GetFrames())
        {
            string? file = frame.GetFileName();
            if (file is null || !cellsByPath.TryGetValue(file, out int cell))
            {
                continue;
            }

            int frameLine = frame.GetFileLineNumber();
            if (cell == currentCell && line is null && frameLine > 0)
            {
                line = frameLine;
            }

            string where = frameLine > 0 ? $"cell {cell}, line {frameLine}" : $"cell {cell}";
            string? method = MethodName(frame.GetMethod());
            frames.Add(method is null ? $"at {where}" : $"at {method} in {where}");
        }

        return new CellExceptionInfo(shown.GetType().FullName ?? shown.GetType().Name, shown.Message, frames, line);
    }

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: Exception inner }:
                    exception = inner;
                    continue;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                default:
                    return exception;
            }
        }
    }

    /// <summary>A method's name as the student wrote it; null for a cell's top-level code.</summary>
    private static string? MethodName(MethodBase? method)
    {
        if (method is null)
        {
            return null;
        }

        string name = method.Name;
        Type? type = method.DeclaringType;

        // Async methods and iterators run in a generated MoveNext; the real name is in the type: <Name>d__3.
        if (name == "MoveNext" && type is not null)
        {
            if (type.Name.StartsWith("<<Initialize>>", StringComparison.Ordinal))
            {
                return null;
            }

            if (GeneratedName().Match(type.Name) is { Success: true } generated)
            {
                name = generated.Groups["name"].Value;
                type = type.DeclaringType;
            }
        }

        // Local functions: <<Initialize>>g__Square|0_0 is Square. The cell's own code is <Initialize>.
        if (LocalFunction().Match(name) is { Success: true } local)
        {
            name = local.Groups["name"].Value;
        }
        else if (name.Contains("<Initialize>", StringComparison.Ordinal))
        {
            return null;
        }
        else if (name.StartsWith('<'))
        {
            return "lambda";
        }

        string owner = type is null || type.Name.StartsWith("Submission#", StringComparison.Ordinal)
            ? string.Empty
            : type.Name + ".";
        string parameters = string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name));
        return $"{owner}{name}({parameters})";
    }

    [GeneratedRegex("^<(?<name>[^>]+)>d__")]
    private static partial Regex GeneratedName();

    [GeneratedRegex(@"g__(?<name>[^|]+)\|")]
    private static partial Regex LocalFunction();
}
