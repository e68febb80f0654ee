using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Kernel.Language;

/// <summary>
/// Jupyter's <c>inspect_request</c> (Shift+Tab in classic Notebook, the contextual help panel in JupyterLab):
/// the signature of the symbol at the cursor, e.g. <c>void Console.WriteLine(string? value) (+ 17 overloads)</c>.
/// </summary>
public static class SymbolInspector
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeDefaultValue);

    /// <summary>Describes the symbol at (or just before) a position.</summary>
    /// <param name="compilation">The cell compiled as the next submission.</param>
    /// <param name="position">The cursor, as a UTF-16 index into the cell's text.</param>
    /// <returns>The description, or null when there is no symbol there.</returns>
    public static string? Describe(Compilation compilation, int position)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxNode root = tree.GetRoot();
        int length = tree.GetText().Length;
        if (length == 0)
        {
            return null;
        }

        SemanticModel model = compilation.GetSemanticModel(tree);
        foreach (int at in new[] { Math.Clamp(position, 0, length - 1), Math.Clamp(position - 1, 0, length - 1) })
        {
            SyntaxToken token = root.FindToken(at);
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is null)
            {
                continue;
            }

            SyntaxNode node = token.Parent;
            SymbolInfo info = model.GetSymbolInfo(node);
            ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (symbol is null && node is ExpressionSyntax expression)
            {
                symbol = model.GetTypeInfo(expression).Type;
            }

            if (symbol is null or IErrorTypeSymbol)
            {
                continue;
            }

            string text = $"{Kind(symbol)}{symbol.ToDisplayString(Format)}";
            int overloads = symbol is IMethodSymbol method
                ? model.LookupSymbols(token.SpanStart, method.ContainingType, method.Name, includeReducedExtensionMethods: true).Length - 1
                : 0;
            return overloads > 0 ? $"{text} (+ {overloads} overload{(overloads == 1 ? string.Empty : "s")})" : text;
        }

        return null;
    }

    private static string Kind(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol => "namespace ",
        INamedTypeSymbol { IsRecord: true } => "record ",
        INamedTypeSymbol { TypeKind: TypeKind.Class } => "class ",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct ",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface ",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum ",
        INamedTypeSymbol { TypeKind: TypeKind.Delegate } => "delegate ",
        ILocalSymbol or IFieldSymbol { ContainingType.IsScriptClass: true } => "(variable) ",
        IParameterSymbol => "(parameter) ",
        _ => string.Empty,
    };
}
