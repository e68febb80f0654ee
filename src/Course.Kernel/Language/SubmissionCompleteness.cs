using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Kernel.Language;

/// <summary>
/// Decides whether console input is a complete C# submission (Jupyter's <c>is_complete_request</c>), with
/// Roslyn's script parser: an open brace, parenthesis or string waits for more lines; code that is complete
/// but does not parse (a stray <c>}</c>) is invalid, which a console runs at once to show the error.
/// </summary>
public static class SubmissionCompleteness
{
    /// <summary>The status for code that is ready to run.</summary>
    public const string Complete = "complete";

    /// <summary>The status for code that needs more lines.</summary>
    public const string Incomplete = "incomplete";

    /// <summary>The status for code no continuation can make valid.</summary>
    public const string Invalid = "invalid";

    private const string IndentUnit = "    ";

    /// <summary>Checks a submission.</summary>
    /// <param name="code">The code typed so far (magic commands such as <c>#!time</c> allowed).</param>
    /// <returns>The status and, when incomplete, the next line's indentation.</returns>
    public static CompletenessResult Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string csharp = CodePoints.WithoutMagicLines(code);
        if (string.IsNullOrWhiteSpace(csharp))
        {
            return new CompletenessResult(Complete, string.Empty);
        }

        SyntaxTree tree = CSharpSyntaxTree.ParseText(csharp, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return new CompletenessResult(Incomplete, NextIndent(csharp));
        }

        return tree.GetDiagnostics().Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            ? new CompletenessResult(Invalid, string.Empty)
            : new CompletenessResult(Complete, string.Empty);
    }

    /// <summary>The last non-blank line's indentation, one level deeper after an opening brace or parenthesis.</summary>
    private static string NextIndent(string code)
    {
        string last = code.Replace("\r", string.Empty, StringComparison.Ordinal)
            .Split('\n')
            .LastOrDefault(line => line.Trim().Length > 0) ?? string.Empty;
        string indent = last[..(last.Length - last.TrimStart().Length)];
        string trimmed = last.TrimEnd();
        return trimmed.EndsWith('{') || trimmed.EndsWith('(') || trimmed.EndsWith('[') ? indent + IndentUnit : indent;
    }
}
