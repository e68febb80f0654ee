using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Course.Notebooks.Execution.Magic;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Autograder.Screening;

/// <summary>
/// Compiles a notebook's C# cells as the engine does (<see cref="NotebookSession"/>): each cell a script submission
/// continuing the last one that compiled, magic and <c>#r</c> lines blanked so line numbers stay the student's,
/// the engine's default imports and globals. Nothing runs; a cell that does not compile still has a semantic model.
/// </summary>
internal static class NotebookScript
{
    /// <summary>
    /// The .NET runtime's assemblies (the trusted platform assemblies in the runtime's folder: what the engine's few
    /// default references plus its on-demand resolution can reach) and the engine's globals type.
    /// </summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> Platform = new(CreatePlatformReferences);

    /// <summary>The references made for each library folder, with the files' names, times and sizes they were made from.</summary>
    private static readonly Dictionary<string, (string Stamp, ImmutableArray<MetadataReference> References)> LibraryCache = new(StringComparer.Ordinal);

    /// <summary>A compiled C# cell.</summary>
    /// <param name="Index">0-based position of the cell in the notebook.</param>
    /// <param name="Tree">The cell's code, as compiled.</param>
    /// <param name="Compilation">The cell's submission, continuing the earlier cells that compiled.</param>
    internal sealed record CompiledCell(int Index, SyntaxTree Tree, CSharpCompilation Compilation);

    /// <summary>The references cells compile against: the runtime, the engine's globals, the DLLs of the library folder.</summary>
    /// <param name="libraryDirectory">The folder of the DLLs the notebooks <c>#r</c> (an existing folder, full path).</param>
    /// <returns>The references.</returns>
    /// <exception cref="BadImageFormatException">The folder's TinyTorch.dll is not a .NET assembly.</exception>
    public static ImmutableArray<MetadataReference> References(string libraryDirectory)
    {
        // The same references for the same files: compilations then share the assemblies' symbols, which makes every
        // notebook after the first several times faster to compile.
        string[] files = Directory.GetFiles(libraryDirectory, "*.dll");
        Array.Sort(files, StringComparer.Ordinal);
        string stamp = string.Join('|', files.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}"));
        lock (LibraryCache)
        {
            if (LibraryCache.TryGetValue(libraryDirectory, out var cached) && cached.Stamp == stamp)
            {
                return cached.References;
            }
        }

        ImmutableArray<MetadataReference> references = CreateReferences(files);
        lock (LibraryCache)
        {
            LibraryCache[libraryDirectory] = (stamp, references);
        }

        return references;
    }

    private static ImmutableArray<MetadataReference> CreateReferences(string[] files)
    {
        ImmutableArray<MetadataReference> platform = Platform.Value;
        var taken = new HashSet<string>(
            platform.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath!)),
            StringComparer.OrdinalIgnoreCase);
        ImmutableArray<MetadataReference>.Builder references = platform.ToBuilder();
        foreach (string file in files)
        {
            // A second copy of a runtime assembly would be a duplicate-assembly error in every cell.
            if (!taken.Add(Path.GetFileName(file)))
            {
                continue;
            }

            if (IsAssembly(file))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
            else if (string.Equals(Path.GetFileName(file), "TinyTorch.dll", StringComparison.OrdinalIgnoreCase))
            {
                // Skipping it would make every submission look clean.
                throw new BadImageFormatException($"'{file}' is not a .NET assembly: rebuild src/TinyTorch, which copies it to notebooks/lib.", file);
            }
        }

        return references.ToImmutable();
    }

    /// <summary>
    /// Compiles the C# code cells up to and including <paramref name="lastIndex"/>, in order. Like the engine, a cell
    /// with compile errors (or a magic command the engine refuses) is not what later cells continue from.
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="references">From <see cref="References"/>.</param>
    /// <param name="lastIndex">The last cell needed (0-based).</param>
    /// <returns>One entry per C# code cell with code, lazily.</returns>
    public static IEnumerable<CompiledCell> Compile(Notebook notebook, ImmutableArray<MetadataReference> references, int lastIndex)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);
        var options = new CSharpCompilationOptions(
            Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
            usings: NotebookSessionOptions.DefaultImports,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: false);
        CSharpCompilation? previous = null;
        for (int i = 0; i <= lastIndex && i < notebook.Cells.Count; i++)
        {
            Cell cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code || notebook.LanguageOf(cell) != CellLanguages.CSharp)
            {
                continue;
            }

            (string code, bool engineAccepts) = CellDirectives.Blank(cell.Source);
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }

            SyntaxTree tree = CSharpSyntaxTree.ParseText(code, parseOptions, path: $"cell{i + 1}.csx");
            CSharpCompilation compilation = CSharpCompilation.CreateScriptCompilation(
                $"ReferenceCalls-cell{i + 1}", tree, references, options, previous, typeof(object), typeof(NotebookGlobals));
            yield return new CompiledCell(i, tree, compilation);
            if (engineAccepts && !compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                previous = compilation;
            }
        }
    }

    private static ImmutableArray<MetadataReference> CreatePlatformReferences()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        IEnumerable<string> files = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string trusted
            ? trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), runtime, StringComparison.Ordinal))
            : Directory.GetFiles(runtime, "*.dll").Where(IsAssembly);
        return
        [
            .. files.Order(StringComparer.Ordinal).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
            MetadataReference.CreateFromFile(typeof(NotebookGlobals).Assembly.Location),
        ];
    }

    private static bool IsAssembly(string path)
    {
        try
        {
            using var reader = new PEReader(File.OpenRead(path));
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
