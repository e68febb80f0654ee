using System.Collections.Immutable;
using Course.Notebooks.Authoring;
using Course.Notebooks.Model;
using Course.Specs.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Autograder.Screening;

/// <summary>
/// Finds solution cells that use the reference library's implementation of an exercise instead of writing their
/// own, by reading the student's code with the compiler's semantic model: a name counts only when it binds to a
/// symbol of the reference assembly, so a student's own <c>DataLoader</c> in a notebook that imports
/// <c>TinyTorch.Data</c> is not a finding, while <c>using L = TinyTorch.Data.DataLoader;</c> followed by
/// <c>new L(…)</c> is. Which symbols are forbidden where is decided by <see cref="ForbiddenReferences"/>.
/// </summary>
/// <remarks>
/// The cells are compiled as the engine compiles them (each C# code cell a script submission continuing the last
/// one that compiled), nothing is run, and a cell that does not compile is still read for what binds in it.
/// Only symbols the student names, or reaches with a target-typed <c>new()</c> or an indexer, count; code reached through
/// another assembly (a TinyTorch.Analysis instrument that builds a loader) does not.
/// </remarks>
public static class ReferenceCalls
{
    private static readonly SymbolDisplayFormat FullName =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    /// <summary>Finds the uses of reference implementations in the solution cells of <paramref name="notebook"/>.</summary>
    /// <param name="notebook">
    /// The notebook, its locked cells restored from the instructor's source (the check cells say which exercises
    /// it grades). Pass the notebook grading runs: its cells are compiled the way the engine would run them.
    /// </param>
    /// <param name="libraryDirectory">The folder of the DLLs the notebooks <c>#r</c> (the course's <c>notebooks/lib</c>): TinyTorch.dll and the rest.</param>
    /// <returns>One finding per cell, line and reference symbol, in cell and line order; empty when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notebook"/> or <paramref name="libraryDirectory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="libraryDirectory"/> is empty or blank.</exception>
    /// <exception cref="DirectoryNotFoundException">The library folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The library folder has no TinyTorch.dll.</exception>
    /// <exception cref="BadImageFormatException">The library folder's TinyTorch.dll is not a .NET assembly.</exception>
    public static IReadOnlyList<ReferenceCall> Find(Notebook notebook, string libraryDirectory)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(libraryDirectory);
        string library = Path.GetFullPath(libraryDirectory);
        if (!Directory.Exists(library))
        {
            throw new DirectoryNotFoundException(
                $"The reference library folder '{library}' does not exist: build src/TinyTorch, src/TinyTorch.Analysis and autograder/Course.Specs, which fill notebooks/lib.");
        }

        string tinyTorch = Path.Combine(library, "TinyTorch.dll");
        if (!File.Exists(tinyTorch))
        {
            // Without the library nothing binds to it, and every submission would look clean.
            throw new FileNotFoundException(
                $"The reference library folder '{library}' has no TinyTorch.dll: build src/TinyTorch, which copies it to notebooks/lib.", tinyTorch);
        }

        var solutionCells = new Dictionary<int, string?>();
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            if (cell.Kind == CellKind.Code && notebook.LanguageOf(cell) == CellLanguages.CSharp && NbgraderMetadata.Read(cell) is { Solution: true } nbgrader)
            {
                solutionCells[i] = nbgrader.GradeId;
            }
        }

        if (solutionCells.Count == 0)
        {
            return [];
        }

        IReadOnlyList<ForbiddenReference> forbidden = ForbiddenReferences.ApplyingTo(notebook);
        ImmutableArray<MetadataReference> references = NotebookScript.References(library);
        var found = new List<ReferenceCall>();
        foreach (NotebookScript.CompiledCell compiled in NotebookScript.Compile(notebook, references, solutionCells.Keys.Max()))
        {
            if (solutionCells.TryGetValue(compiled.Index, out string? gradeId))
            {
                found.AddRange(Screen(compiled, gradeId, forbidden));
            }
        }

        return found;
    }

    /// <summary>The findings of one solution cell, in line order, one per line and symbol.</summary>
    private static IEnumerable<ReferenceCall> Screen(NotebookScript.CompiledCell compiled, string? gradeId, IReadOnlyList<ForbiddenReference> forbidden)
    {
        SemanticModel model = compiled.Compilation.GetSemanticModel(compiled.Tree);
        int cellNumber = compiled.Index + 1;
        var seen = new HashSet<(int Line, string Symbol)>();
        var found = new List<ReferenceCall>();
        foreach (SyntaxNode node in compiled.Tree.GetRoot().DescendantNodes())
        {
            if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax or ElementAccessExpressionSyntax)
                || node is IdentifierNameSyntax { IsVar: true }
                || IsInsideNameof(node, model))
            {
                continue;
            }

            foreach (ISymbol symbol in SymbolsOf(model, node))
            {
                if (Match(symbol, forbidden) is not { } match)
                {
                    continue;
                }

                (ForbiddenReference entry, string name) = match;

                int line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                if (seen.Add((line, name)))
                {
                    Exercise exercise = entry.Exercise == Exercise.None ? FactoryNamedAfter(node, model) : entry.Exercise;
                    found.Add(new ReferenceCall(cellNumber, line, gradeId, name, exercise,
                        $"cell {cellNumber} line {line} uses {name}, {entry.Role}, instead of your own {ForbiddenReferences.StudentNameOf(exercise)}"));
                }
            }
        }

        return found.OrderBy(call => call.Line);
    }

    /// <summary>What a name stands for: its symbol, or, when binding failed (wrong arguments, an inaccessible type), the candidates.</summary>
    private static IEnumerable<ISymbol> SymbolsOf(SemanticModel model, SyntaxNode node)
    {
        SymbolInfo info = model.GetSymbolInfo(node);
        if (info.Symbol is not null)
        {
            return [info.Symbol];
        }

        // Ambiguous between the student's symbol and another: not a clear use of the reference.
        return info.CandidateReason == CandidateReason.Ambiguous ? [] : info.CandidateSymbols;
    }

    /// <summary>The entry a symbol falls under, and the name to report (the entry's type, or its member).</summary>
    private static (ForbiddenReference Entry, string Name)? Match(ISymbol symbol, IReadOnlyList<ForbiddenReference> forbidden)
    {
        symbol = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol.OriginalDefinition;
        if (symbol is not (INamedTypeSymbol or IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol))
        {
            return null;   // locals, parameters, namespaces, type parameters: the student's, or not a use
        }

        if (symbol is not INamedTypeSymbol && symbol.ContainingType is { } owner)
        {
            string ownerName = MetadataNameOf(owner);
            string memberName = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor" : symbol.Name;
            foreach (ForbiddenReference entry in forbidden)
            {
                if (entry.MemberName == memberName && entry.TypeName == ownerName && IsIn(owner, entry.Assembly))
                {
                    return (entry, $"{owner.ToDisplayString(FullName)}.{memberName}");
                }
            }
        }

        for (INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            string typeName = MetadataNameOf(type);
            foreach (ForbiddenReference entry in forbidden)
            {
                if (entry.MemberName is null && entry.TypeName == typeName && IsIn(type, entry.Assembly))
                {
                    return (entry, type.ToDisplayString(FullName));
                }
            }
        }

        return null;
    }

    private static bool IsIn(ISymbol symbol, string assembly) => symbol.ContainingAssembly?.Identity.Name == assembly;

    /// <summary>A type's name as <see cref="Type.FullName"/> spells it: <c>TinyTorch.Data.Prefetcher`1</c>, <c>Outer+Inner</c>.</summary>
    private static string MetadataNameOf(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            return $"{MetadataNameOf(outer)}+{type.MetadataName}";
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } space
            ? $"{space.ToDisplayString()}.{type.MetadataName}"
            : type.MetadataName;
    }

    /// <summary>
    /// For an entry about every exercise (<c>Implementation.Reference</c>): the exercise whose factory the code then
    /// takes (<c>Implementation.Reference.Crop</c> is <see cref="Exercise.Crop"/>), else <see cref="Exercise.None"/>.
    /// </summary>
    private static Exercise FactoryNamedAfter(SyntaxNode node, SemanticModel model)
    {
        SyntaxNode expression = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
        return expression.Parent is MemberAccessExpressionSyntax outer && outer.Expression == expression
            && model.GetSymbolInfo(outer.Name).Symbol is IPropertySymbol factory
            && Enum.TryParse(factory.Name, out Exercise exercise)
                ? exercise
                : Exercise.None;
    }

    /// <summary>Whether the node is an argument of <c>nameof(…)</c>, which names a symbol without using it.</summary>
    private static bool IsInsideNameof(SyntaxNode node, SemanticModel model)
    {
        for (SyntaxNode? parent = node.Parent; parent is not null and not StatementSyntax and not MemberDeclarationSyntax; parent = parent.Parent)
        {
            if (parent is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } invocation
                && model.GetSymbolInfo(invocation).Symbol is null)
            {
                return true;
            }
        }

        return false;
    }
}
