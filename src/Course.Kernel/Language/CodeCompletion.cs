using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Kernel.Language;

/// <summary>
/// Completion for Jupyter's <c>complete_request</c>, from Roslyn's semantic model (the Roslyn completion
/// service lives in packages the mirror does not serve): after <c>expr.</c> the accessible members of the
/// expression's type (static members after a type name, types and namespaces after a namespace), otherwise
/// every name in scope (earlier cells' variables, <c>display</c>, imported types) and the C# keywords.
/// </summary>
public static class CodeCompletion
{
    private static readonly string[] Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "nameof", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "record", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void", "volatile", "when", "where",
        "while", "yield",
    ];

    /// <summary>Finds the completions at a position of a cell.</summary>
    /// <param name="compilation">The cell compiled as the next submission (see <c>NotebookSession.GetCompilation</c>).</param>
    /// <param name="position">The cursor, as a UTF-16 index into the cell's text.</param>
    /// <returns>The matches and the span they replace.</returns>
    public static CompletionResult Complete(Compilation compilation, int position)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        string text = tree.GetText().ToString();
        position = Math.Clamp(position, 0, text.Length);

        int start = position;
        while (start > 0 && IsIdentifierPart(text[start - 1]))
        {
            start--;
        }

        string prefix = text[start..position];
        if (prefix.Length > 0 && char.IsDigit(prefix[0]))
        {
            return new CompletionResult([], start, position);
        }

        SemanticModel model = compilation.GetSemanticModel(tree);
        SyntaxNode root = tree.GetRoot();
        if (IsInCommentOrString(root, position))
        {
            return new CompletionResult([], start, position);
        }

        IEnumerable<CompletionMatch> candidates = AfterDot(root, text, start) is SyntaxNode container
            ? Members(model, container, start)
            : InScope(model, start);
        CompletionMatch[] matches = candidates
            .Where(match => match.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(match => match.Text, StringComparer.Ordinal)
            .OrderBy(match => match.Text, StringComparer.OrdinalIgnoreCase)
            .ThenBy(match => match.Text, StringComparer.Ordinal)
            .ToArray();
        return new CompletionResult(matches, start, position);
    }

    /// <summary>The expression, type or namespace left of a dot that ends just before <paramref name="start"/>.</summary>
    private static SyntaxNode? AfterDot(SyntaxNode root, string text, int start)
    {
        int dot = start - 1;
        while (dot >= 0 && text[dot] is ' ' or '\t')
        {
            dot--;
        }

        if (dot < 0 || text[dot] != '.')
        {
            return null;
        }

        SyntaxToken token = root.FindToken(dot);
        if (!token.IsKind(SyntaxKind.DotToken))
        {
            return null;
        }

        return token.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax binding => binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
    }

    private static IEnumerable<CompletionMatch> Members(SemanticModel model, SyntaxNode container, int position)
    {
        SymbolInfo info = model.GetSymbolInfo(container);
        ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        ITypeSymbol? type = container is ExpressionSyntax expression ? model.GetTypeInfo(expression).Type : null;
        if (symbol is null && type is null or IErrorTypeSymbol)
        {
            // An unfinished line in the middle of a cell (`s.ToUpp` followed by more code) can parse as a
            // declaration whose type is `s.ToUpp`; bind the part left of the dot as the expression it is meant to be.
            ExpressionSyntax asExpression = SyntaxFactory.ParseExpression(container.ToString());
            SymbolInfo speculative = model.GetSpeculativeSymbolInfo(container.SpanStart, asExpression, SpeculativeBindingOption.BindAsExpression);
            symbol = speculative.Symbol ?? speculative.CandidateSymbols.FirstOrDefault();
            type = model.GetSpeculativeTypeInfo(container.SpanStart, asExpression, SpeculativeBindingOption.BindAsExpression).Type;
        }

        IEnumerable<ISymbol> members = symbol switch
        {
            INamespaceSymbol ns => model.LookupNamespacesAndTypes(position, ns),
            ITypeSymbol named => model.LookupStaticMembers(position, named),
            _ => InstanceMembers(model, type, position),
        };
        return members.Where(IsNameable).Select(ToMatch);
    }

    private static IEnumerable<ISymbol> InstanceMembers(SemanticModel model, ITypeSymbol? type, int position)
    {
        if (type is null or IErrorTypeSymbol)
        {
            return [];
        }

        return model.LookupSymbols(position, type, includeReducedExtensionMethods: true)
            .Where(member => !member.IsStatic || member is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }

    private static IEnumerable<CompletionMatch> InScope(SemanticModel model, int position)
    {
        IEnumerable<CompletionMatch> symbols = model.LookupSymbols(position)
            .Where(IsNameable)
            .Select(ToMatch);
        return symbols.Concat(Keywords.Select(keyword => new CompletionMatch(keyword, "keyword")));
    }

    private static bool IsNameable(ISymbol symbol) =>
        symbol.CanBeReferencedByName
        && !symbol.IsImplicitlyDeclared
        && symbol.Name.Length > 0
        && symbol.Name[0] != '<'
        && !symbol.Name.Contains('#', StringComparison.Ordinal);

    private static CompletionMatch ToMatch(ISymbol symbol) => new(symbol.Name, Kind(symbol));

    private static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        ILocalSymbol or IParameterSymbol or IRangeVariableSymbol => "variable",
        INamespaceSymbol => "module",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol => "class",
        _ => "text",
    };

    private static bool IsInCommentOrString(SyntaxNode root, int position)
    {
        if (position == 0)
        {
            return false;
        }

        SyntaxTrivia trivia = root.FindTrivia(position - 1);
        if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
            || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
        {
            return true;
        }

        SyntaxToken token = root.FindToken(position - 1);
        return (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.CharacterLiteralToken)
                || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
            && token.Span.Start < position && position <= token.Span.End
            && !(position == token.Span.End && token.Text.Length > 1 && token.Text.EndsWith('"'));
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
