using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Course.Notebooks.Authoring;

/// <summary>
/// Checks, with the C# parser, that a solution region's stub lands where a statement may stand: directly in a
/// block body (method, constructor, accessor, lambda, local function), a switch section, or at the top level of the
/// cell. Only then does <c>throw new NotImplementedException(...);</c> compile wherever the region sits; a region
/// around class members, half a statement or part of an expression would give students a notebook that does not
/// compile. Semantic problems (a local declared in the region and used after it) need the whole notebook and are
/// left to <c>course validate</c>.
/// </summary>
internal static class StubPlacement
{
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>Why the stub on <paramref name="stubLine"/> would not compile there, or null when it is fine.</summary>
    /// <param name="original">The cell's text before the region was replaced.</param>
    /// <param name="stubbed">The cell's text with only this region replaced by the stub.</param>
    /// <param name="stubLine">The 0-based line of the stub in <paramref name="stubbed"/>.</param>
    public static string? Problem(string original, string stubbed, int stubLine)
    {
        SyntaxTree tree = Parse(stubbed);
        TextLine line = tree.GetText().Lines[stubLine];
        int position = line.Start + (line.ToString().Length - line.ToString().TrimStart().Length);
        SyntaxToken token = tree.GetRoot().FindToken(position);
        if (!token.IsKind(SyntaxKind.ThrowKeyword) || token.Parent is not ThrowStatementSyntax statement)
        {
            return "the stub that replaces it would not be a statement there (it would be "
                + Describe(token.Parent) + ")";
        }

        if (statement.Parent is not (BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax))
        {
            return "the stub that replaces it would be the body of " + Describe(statement.Parent)
                + " rather than a statement inside a block; put the markers inside the braces";
        }

        // Only errors the replacement introduced count: a cell that never parsed is the engine's to report.
        if (HasErrors(Parse(original)))
        {
            return null;
        }

        Diagnostic? error = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is null)
        {
            return null;
        }

        LinePosition where = error.Location.GetLineSpan().StartLinePosition;
        return string.Create(CultureInfo.InvariantCulture,
            $"replacing it with the stub leaves the cell with a syntax error (line {where.Line + 1}, column {where.Character + 1}: {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)})");
    }

    private static bool HasErrors(SyntaxTree tree) => tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Parses a cell as the engine compiles it: a script, with magic-command lines blanked.</summary>
    private static SyntaxTree Parse(string source)
    {
        string[] lines = MarkerScanner.SplitLines(source);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("#!", StringComparison.Ordinal))
            {
                lines[i] = string.Empty;
            }
        }

        return CSharpSyntaxTree.ParseText(string.Join('\n', lines), ScriptOptions);
    }

    private static string Describe(SyntaxNode? node) => node switch
    {
        null => "outside any code",
        ThrowExpressionSyntax => "part of an expression",
        ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax or InterfaceDeclarationSyntax => "a member of a type, where only declarations may stand",
        IfStatementSyntax => "an if statement",
        ElseClauseSyntax => "an else clause",
        WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or DoStatementSyntax => "a loop",
        _ => "inside " + node.Kind().ToString(),
    };
}
